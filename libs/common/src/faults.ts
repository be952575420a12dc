import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** What a test-armed fault point throws: the operation stops there, as if the process had died. */
export class SimulatedCrash extends Error {
  constructor(readonly point: string) {
    super(`simulated crash at ${point}`);
    this.name = 'SimulatedCrash';
  }
}

/**
 * Named fault points on the money paths. Inert unless FAULT_INJECTION=true (devnet only), which tests use to stop an
 * operation at a chosen point and then prove that a restart completes it exactly once.
 */
@Injectable()
export class FaultInjector {
  private readonly armed = new Map<string, number>();

  constructor(private readonly config: AppConfig) {}

  /** Arms a point to fire `times` times. */
  arm(point: string, times = 1): void {
    if (!this.config.faultInjection) throw new Error('fault injection is disabled (FAULT_INJECTION=true, devnet only)');
    this.armed.set(point, times);
  }

  check(point: string): void {
    const left = this.armed.get(point);
    if (!left) return;
    if (left <= 1) this.armed.delete(point);
    else this.armed.set(point, left - 1);
    throw new SimulatedCrash(point);
  }
}
