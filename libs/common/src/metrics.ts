import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds, from a cheap in-memory request to a slow write under load. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Job passes run from milliseconds (nothing to do) to minutes (a long scan). */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];

/**
 * Job series label the job `job_name`, not `job`: Prometheus gives every series the scrape job's name as `job`.
 *
 * The process's Prometheus instruments (docs/monitoring.md), on a registry of its own (several apps share one
 * process in the tests). What is counted as it happens lives here; what is read from the database at scrape time is
 * registered by the app's metrics module through `onScrape`. Incrementing is all a hot path ever does.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly refreshers: Array<() => Promise<void>> = [];

  readonly httpRequests = new Counter({
    name: 'wallets_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'wallets_http_request_duration_seconds',
    help: 'HTTP request latency (first byte in to last byte out), by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  readonly jobRuns = new Counter({
    name: 'wallets_job_runs_total',
    help: 'Background job passes, by job and result (success, failure: the pass threw and was logged)',
    labelNames: ['job_name', 'result'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'wallets_job_duration_seconds',
    help: 'Duration of background job passes, by job',
    labelNames: ['job_name'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  readonly jobLastSuccess = new Gauge({
    name: 'wallets_job_last_success_timestamp_seconds',
    help: 'Unix time of the last pass of a job that did not throw',
    labelNames: ['job_name'] as const,
    registers: [this.registry],
  });
  readonly transactionsFinal = new Counter({
    name: 'wallets_transactions_final_total',
    help:
      'Wallet transactions that reached a final status (confirmed, failed), by direction (incoming: deposits and ' +
      'credits; outgoing: withdrawals and debits), network and asset; counted by the process that committed the change',
    labelNames: ['direction', 'network', 'asset', 'status'] as const,
    registers: [this.registry],
  });
  readonly webhookAttempts = new Counter({
    name: 'wallets_webhook_attempts_total',
    help: 'Webhook delivery attempts made by this process, by outcome (success or the error class)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly ledgerInvariantsOk = new Gauge({
    name: 'wallets_ledger_invariants_ok',
    help: '1 when the last periodic ledger check found every checked invariant holding, 0 when one is broken',
    registers: [this.registry],
  });
  readonly ledgerViolations = new Counter({
    name: 'wallets_ledger_invariant_violations_total',
    help: 'Rows found breaking a ledger invariant, by invariant (LED-n), summed over the periodic checks',
    labelNames: ['invariant'] as const,
    registers: [this.registry],
  });
  readonly ledgerLastCheck = new Gauge({
    name: 'wallets_ledger_check_last_run_timestamp_seconds',
    help: 'Unix time of the last completed periodic ledger check',
    registers: [this.registry],
  });
  readonly scrapeErrors = new Counter({
    name: 'wallets_metrics_collect_errors_total',
    help: 'Scrape-time collections (database gauges) that failed; their gauges keep the previous values',
    labelNames: ['collector'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Registers work to run before each scrape (reading gauges from the database); a failure is counted, not thrown. */
  onScrape(name: string, refresh: () => Promise<void>): void {
    this.refreshers.push(() =>
      refresh().catch(() => {
        this.scrapeErrors.inc({ collector: name });
      }),
    );
  }

  /** The exposition text of every series, after the scrape-time collections. */
  async scrape(): Promise<string> {
    await Promise.all(this.refreshers.map((r) => r()));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
