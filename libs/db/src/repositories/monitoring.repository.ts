import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/** Open deposits and withdrawals, counted per network, asset and state (`state`: sub-status while pending). */
export interface OpenTransactionsRow {
  direction: 'incoming' | 'outgoing';
  network: string;
  asset: string;
  state: string;
  count: number;
  /** Age of the oldest of the group, in seconds. */
  oldest_age_seconds: number;
}

export interface WebhookBacklogRow {
  pending: number;
  /** Pending deliveries whose next attempt is already due (not waiting on the retry schedule). */
  due: number;
  oldest_age_seconds: number | null;
}

export interface CursorRow {
  network: string;
  head_height: string | null;
  indexed_height: string | null;
  seconds_since_sync: number | null;
  last_error: string | null;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/**
 * What the metrics read at scrape time, across organizations (deployment-wide numbers, no tenant data). Every query
 * walks a partial index over open rows only, never a whole table: `wallet_transactions_open`,
 * `webhook_deliveries_due`, and the one row per network of `chain_cursors`.
 */
@Injectable()
export class MonitoringRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deposits and withdrawals not final yet. Confirmed and failed ones are not counted (that would scan them all). */
  openTransactionsAcrossOrganizations(): Promise<OpenTransactionsRow[]> {
    return this.dataSource.query<OpenTransactionsRow[]>(
      `SELECT direction, network, asset,
              CASE WHEN status = 'pending' THEN coalesce(sub_status, 'queued') ELSE status END AS state,
              count(*)::int AS count,
              extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
         FROM wallet_transactions
        WHERE status IN ('detected', 'confirming', 'pending', 'broadcast')
        GROUP BY 1, 2, 3, 4`,
    );
  }

  async webhookBacklogAcrossOrganizations(): Promise<WebhookBacklogRow> {
    const [row] = await this.dataSource.query<WebhookBacklogRow[]>(
      `SELECT count(*)::int AS pending,
              (count(*) FILTER (WHERE next_attempt_at <= now()))::int AS due,
              extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
         FROM webhook_deliveries
        WHERE status = 'pending'`,
    );
    return row;
  }

  cursors(): Promise<CursorRow[]> {
    return this.dataSource.query<CursorRow[]>(
      `SELECT network, head_height::text, indexed_height::text, last_error,
              extract(epoch FROM now() - last_synced_at)::float8 AS seconds_since_sync
         FROM chain_cursors`,
    );
  }

  /** The connection pool of this process (node-postgres): in use = total - idle; waiting = callers queued for one. */
  poolStats(): PoolStats | undefined {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    if (!pool) return undefined;
    return {
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: (pool.options as { max?: number }).max ?? 0,
    };
  }

  /** Cheap liveness of the database for readiness probes. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
