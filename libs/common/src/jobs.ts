import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '@app/config';
import { Metrics } from './metrics';

interface JobEntry {
  run: () => void;
  intervalMs: number;
}

/**
 * Background jobs on @nestjs/schedule's registry. Only processes with the `jobs` role run them. A job never overlaps
 * itself within a process; across replicas each job claims its work in PostgreSQL (SKIP LOCKED or advisory locks).
 * Errors are logged, never thrown into the timer (an unhandled rejection would kill the process).
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, JobEntry>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private stopping = false;
  private started = false;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly metrics: Metrics,
  ) {}

  get enabled(): boolean {
    return this.config.roles.has('jobs');
  }

  /**
   * Runs `fn` every `intervalMs`, first right after the application has bootstrapped (so every module is
   * initialised before any job runs). Returns whether the job is scheduled in this process.
   */
  every(name: string, intervalMs: number, fn: () => Promise<unknown>): boolean {
    if (!this.enabled) return false;
    if (this.jobs.has(name)) throw new Error(`job ${name} scheduled twice`);
    let again = false;
    const run = () => {
      if (this.stopping) return;
      if (this.inFlight.has(name)) {
        again = true; // a kick while running: run once more afterwards
        return;
      }
      const stopTimer = this.metrics.jobDuration.startTimer({ job_name: name });
      const p = fn()
        .then(() => {
          this.metrics.jobRuns.inc({ job_name: name, result: 'success' });
          this.metrics.jobLastSuccess.set({ job_name: name }, Date.now() / 1000);
        })
        .catch((err: unknown) => {
          this.metrics.jobRuns.inc({ job_name: name, result: 'failure' });
          this.logger.error({ err, job: name }, `job ${name} failed`);
        })
        .finally(() => {
          stopTimer();
          this.inFlight.delete(name);
          if (again) {
            again = false;
            setImmediate(run);
          }
        });
      this.inFlight.set(name, p);
    };
    const entry = { run, intervalMs };
    this.jobs.set(name, entry);
    if (this.started) this.start(name, entry);
    return true;
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const [name, entry] of this.jobs) this.start(name, entry);
  }

  private start(name: string, entry: JobEntry): void {
    this.registry.addInterval(name, setInterval(entry.run, entry.intervalMs));
    setImmediate(entry.run);
  }

  /** Runs a job now instead of at its next tick (e.g. right after the API queued work for it). */
  kick(name: string): void {
    if (this.started) this.jobs.get(name)?.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const name of this.jobs.keys()) {
      if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    }
    await Promise.all(this.inFlight.values());
  }
}
