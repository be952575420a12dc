import { Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { NetworkRegistry } from '@app/chains';
import { Metrics } from '@app/common';
import { MonitoringRepository } from '@app/db';

/**
 * The gauges read from the database at scrape time (docs/monitoring.md): scanner progress per network, open deposits
 * and withdrawals, the signer's queue, the webhook backlog; and this process's connection pool. They describe the
 * deployment, not the process, so every replica reports the same values: aggregate them with max, not sum.
 */
@Injectable()
export class MetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly monitoring: MonitoringRepository,
    private readonly registry: NetworkRegistry,
  ) {}

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge<L>({ name, help, labelNames, registers: [this.metrics.registry] });
  }

  /** The API's name of a network (`ethereum`), from the registry key the rows carry (`ethereum:devnet`). */
  private networkName(key: string): string {
    return this.registry.byKey(key)?.chain ?? key;
  }

  onModuleInit(): void {
    this.chainGauges();
    this.transactionGauges();
    this.webhookGauges();
    this.poolGauges();
  }

  private chainGauges(): void {
    const head = this.gauge('wallets_chain_head_height', "The node's head block as the scanner last saw it", [
      'network',
    ]);
    const indexed = this.gauge('wallets_chain_indexed_height', 'The last block the scanner has indexed', ['network']);
    const lag = this.gauge('wallets_chain_lag_blocks', 'Head minus indexed height', ['network']);
    const sinceSync = this.gauge(
      'wallets_chain_seconds_since_sync',
      'Seconds since the scanner last completed a pass of the network',
      ['network'],
    );
    const error = this.gauge(
      'wallets_chain_sync_error',
      "1 while the network's last pass failed, labelled with the error class (never the node's message)",
      ['network', 'class'],
    );
    this.metrics.onScrape('chain', async () => {
      const rows = await this.monitoring.cursors();
      for (const g of [head, indexed, lag, sinceSync, error]) g.reset();
      for (const row of rows) {
        const network = this.networkName(row.network);
        if (row.head_height !== null) head.set({ network }, Number(row.head_height));
        if (row.indexed_height !== null) indexed.set({ network }, Number(row.indexed_height));
        if (row.head_height !== null && row.indexed_height !== null)
          lag.set({ network }, Math.max(0, Number(BigInt(row.head_height) - BigInt(row.indexed_height))));
        if (row.seconds_since_sync !== null) sinceSync.set({ network }, row.seconds_since_sync);
        if (row.last_error) error.set({ network, class: row.last_error }, 1);
      }
    });
  }

  private transactionGauges(): void {
    const deposits = this.gauge(
      'wallets_deposits',
      'Deposits not final yet, by network, asset and status (detected, confirming)',
      ['network', 'asset', 'status'],
    );
    const withdrawals = this.gauge(
      'wallets_withdrawals',
      'Withdrawals not final yet, by network, asset and status (queued, waiting_for_funds, signed, broadcast, confirming)',
      ['network', 'asset', 'status'],
    );
    const queued = this.gauge(
      'wallets_signer_queue',
      'Withdrawals the signer has still to sign or broadcast (queued, signed), by network',
      ['network'],
    );
    const waiting = this.gauge(
      'wallets_signer_waiting_for_funds',
      "Withdrawals parked until the organization's master address is funded, by network",
      ['network'],
    );
    const oldestQueued = this.gauge(
      'wallets_signer_oldest_queued_age_seconds',
      'Age of the oldest withdrawal still queued or signed but not broadcast, by network',
      ['network'],
    );
    this.metrics.onScrape('transactions', async () => {
      const rows = await this.monitoring.openTransactionsAcrossOrganizations();
      for (const g of [deposits, withdrawals, queued, waiting, oldestQueued]) g.reset();
      // A network with nothing queued reads 0, not absent (alerts compare it).
      const oldestByNetwork = new Map<string, number>();
      for (const n of this.registry.list()) {
        queued.set({ network: n.chain }, 0);
        waiting.set({ network: n.chain }, 0);
        oldestByNetwork.set(n.chain, 0);
      }
      for (const row of rows) {
        const network = this.networkName(row.network);
        const labels = { network, asset: row.asset, status: row.state };
        if (row.direction === 'incoming') {
          deposits.inc(labels, row.count);
          continue;
        }
        withdrawals.inc(labels, row.count);
        if (row.state === 'queued' || row.state === 'signed') {
          queued.inc({ network }, row.count);
          oldestByNetwork.set(network, Math.max(row.oldest_age_seconds, oldestByNetwork.get(network) ?? 0));
        } else if (row.state === 'waiting_for_funds') waiting.inc({ network }, row.count);
      }
      for (const [network, age] of oldestByNetwork) oldestQueued.set({ network }, age);
    });
  }

  private webhookGauges(): void {
    const backlog = this.gauge('wallets_webhook_backlog', 'Webhook deliveries not yet delivered (pending)');
    const due = this.gauge('wallets_webhook_due', 'Pending webhook deliveries whose next attempt is due now');
    const oldest = this.gauge(
      'wallets_webhook_oldest_undelivered_age_seconds',
      'Age of the oldest pending webhook delivery (0 when none)',
    );
    this.metrics.onScrape('webhooks', async () => {
      const row = await this.monitoring.webhookBacklogAcrossOrganizations();
      backlog.set(row.pending);
      due.set(row.due);
      oldest.set(row.oldest_age_seconds ?? 0);
    });
  }

  private poolGauges(): void {
    const pool = this.gauge(
      'wallets_db_pool_connections',
      "This process's PostgreSQL pool: total, idle, waiting, max",
      ['state'],
    );
    this.metrics.onScrape('pool', () => {
      const stats = this.monitoring.poolStats();
      if (stats)
        for (const [state, value] of Object.entries(stats) as Array<[string, number]>) pool.set({ state }, value);
      return Promise.resolve();
    });
  }
}
