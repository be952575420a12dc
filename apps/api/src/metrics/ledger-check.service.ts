import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobScheduler, Metrics } from '@app/common';
import { AppConfig } from '@app/config';
import { LedgerRepository } from '@app/db';

export const LEDGER_CHECK_JOB = 'ledger-check';

/**
 * The invariants of docs/ledger.md that are cheap enough to check in production every few minutes: one pass over
 * the accounts each (LED-2 per asset the accounts sum to zero, LED-4 no customer account below zero) and a catalog
 * lookup (LED-3 the append-only trigger). The others walk every transfer; `cli ledger:check` runs all seven.
 */
export const PERIODIC_INVARIANTS = ['LED-2', 'LED-3', 'LED-4'] as const;

/** The periodic ledger check behind `wallets_ledger_invariants_ok` (jobs role). */
@Injectable()
export class LedgerCheckService implements OnModuleInit {
  private readonly logger = new Logger('LedgerCheck');

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly metrics: Metrics,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every(LEDGER_CHECK_JOB, this.config.ledgerCheckIntervalSeconds * 1000, () => this.check());
  }

  /** Runs the check once; true when every checked invariant holds. */
  async check(): Promise<boolean> {
    const violations = await this.ledger.violations(PERIODIC_INVARIANTS);
    const broken = Object.entries(violations);
    for (const [name, rows] of broken) {
      const invariant = name.split(' ')[0];
      this.metrics.ledgerViolations.inc({ invariant }, rows.length);
      // Account ids, networks and assets only: the rows carry no secret and no amount.
      this.logger.error(
        { invariant, rule: name, count: rows.length, sample: rows.slice(0, 5) },
        'ledger invariant broken',
      );
    }
    this.metrics.ledgerInvariantsOk.set(broken.length === 0 ? 1 : 0);
    this.metrics.ledgerLastCheck.set(Date.now() / 1000);
    return broken.length === 0;
  }
}
