import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import { IdempotencyKey } from '@app/db';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'in_use' }
  | { kind: 'reused' };

/**
 * Idempotency keys per specs/idempotency.md: claimed atomically (INSERT ... ON CONFLICT DO NOTHING), scoped per
 * organization, fingerprinted, replayed once complete, released when the request must be allowed to run again.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('idempotency-key-reaper', 60 * 60 * 1000, () => this.reap());
  }

  async claim(organizationId: string, key: string, fingerprint: string, method: string, path: string): Promise<Claim> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO idempotency_keys (organization_id, key, fingerprint, method, path, locked_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (organization_id, key) DO NOTHING RETURNING 1`,
      [organizationId, key, fingerprint, method, path],
    );
    if (inserted.length) return { kind: 'claimed' };
    const existing = await this.db.manager.findOneBy(IdempotencyKey, { organizationId, key });
    if (!existing) return this.claim(organizationId, key, fingerprint, method, path); // released meanwhile: try again
    if (existing.fingerprint !== fingerprint) return { kind: 'reused' };
    if (existing.completedAt) {
      return { kind: 'replay', status: existing.responseStatus ?? 200, body: existing.responseBody, headers: existing.responseHeaders ?? {} };
    }
    // The first request may have died: after the lock timeout, one retry takes the key over and runs.
    const taken = await this.db.query<unknown[]>(
      `WITH t AS (UPDATE idempotency_keys SET locked_at = now()
         WHERE organization_id = $1 AND key = $2 AND completed_at IS NULL AND locked_at < now() - make_interval(secs => $3) RETURNING 1)
       SELECT * FROM t`,
      [organizationId, key, this.config.idempotencyLockTimeoutSeconds],
    );
    return taken.length ? { kind: 'claimed' } : { kind: 'in_use' };
  }

  async complete(organizationId: string, key: string, status: number, body: unknown, headers: Record<string, string>): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4, response_headers = $5, completed_at = now()
       WHERE organization_id = $1 AND key = $2`,
      [organizationId, key, status, JSON.stringify(body ?? null), JSON.stringify(headers)],
    );
  }

  /** Frees the key: the request did not count (validation error, server error), so a retry may run it. */
  async release(organizationId: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2 AND completed_at IS NULL', [organizationId, key]);
  }

  async reap(): Promise<number> {
    const [, affected] = await this.db.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [this.config.idempotencyRetentionHours],
    );
    return affected;
  }
}
