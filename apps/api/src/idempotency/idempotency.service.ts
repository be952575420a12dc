import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobScheduler, MicroBatcher, SqlExpression, SqlParams } from '@app/common';
import type { RequestIdRecord } from '@app/auth';
import { AppConfig } from '@app/config';
import { IdempotencyKey, queryPrepared } from '@app/db';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'request_id_reused' }
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'in_use' }
  | { kind: 'reused' };

interface NewKey {
  organizationId: string;
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  /** An HMAC request id to record in the same statement; the key is claimed only if it was not used before. */
  requestId?: RequestIdRecord;
}

interface Inserted {
  /** False when the request id was used before (then nothing was claimed). */
  fresh: boolean;
  created: boolean;
}

interface Completion {
  organizationId: string;
  key: string;
  status: number;
  body: string;
  headers: string;
}

/**
 * The statement of a batch of claims (see `IdempotencyService.insertKeys`); $1-$7 are the batch's organization ids, keys,
 * fingerprints, methods, paths, and HMAC api key ids and request ids (null without). Its first CTE turns
 * `synchronous_commit` off for its own transaction only.
 */
export const CLAIM_STATEMENT = `WITH nosync AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
   x AS (SELECT x.* FROM nosync, unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(o, k, f, m, p, a, r)),
   rid AS (INSERT INTO auth_request_ids (api_key_id, request_id) SELECT a, r FROM x WHERE a IS NOT NULL
     ON CONFLICT DO NOTHING RETURNING api_key_id, request_id),
   ins AS (INSERT INTO idempotency_keys (organization_id, key, fingerprint, method, path, locked_at)
     SELECT o, k, f, m, p, now() FROM x WHERE a IS NULL OR EXISTS (SELECT 1 FROM rid WHERE rid.api_key_id = x.a AND rid.request_id = x.r)
     ON CONFLICT (organization_id, key) DO NOTHING RETURNING organization_id, key)
   SELECT 'request' AS kind, api_key_id AS a, request_id AS b FROM rid
   UNION ALL SELECT 'key', organization_id::text, key FROM ins`;

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

  /** Atomic claims of concurrent requests share one INSERT (see MicroBatcher). */
  private readonly claims = new MicroBatcher<NewKey, Inserted>((keys) => this.insertKeys(keys));
  private readonly completions = new MicroBatcher<Completion, Error | null>((done) => this.storeResponses(done));

  /**
   * With `requestId` (an HMAC request whose X-Request-ID is not recorded yet), the request id is recorded by the same
   * statement, and a used one claims nothing ('request_id_reused': the caller answers 401).
   */
  async claim(organizationId: string, key: string, fingerprint: string, method: string, path: string, requestId?: RequestIdRecord): Promise<Claim> {
    const { fresh, created } = await this.claims.submit({ organizationId, key, fingerprint, method, path, requestId });
    if (!fresh) return { kind: 'request_id_reused' };
    if (created) return { kind: 'claimed' };
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
    const failed = await this.completions.submit({ organizationId, key, status, body: JSON.stringify(body ?? null), headers: JSON.stringify(headers) });
    if (failed) throw failed;
  }

  /**
   * A CTE of a handler's own statement storing the response of a claimed key, written only if the CTE `after`
   * returned a row (see `InlineCompletion`). `body` is a value, or a `SqlExpression` of type jsonb.
   */
  completionCte(
    sql: SqlParams,
    name: string,
    organizationId: string,
    key: string,
    status: number,
    body: unknown,
    headers: Record<string, string>,
    after: string,
  ): string {
    const bodySql = body instanceof SqlExpression ? body.text : sql.add(JSON.stringify(body ?? null), 'jsonb');
    return `${name} AS (UPDATE idempotency_keys SET response_status = ${sql.add(status, 'int')}, response_body = ${bodySql},
         response_headers = ${sql.add(JSON.stringify(headers), 'jsonb')}, completed_at = now()
       WHERE organization_id = ${sql.add(organizationId, 'uuid')} AND key = ${sql.add(key, 'text')} AND EXISTS (SELECT 1 FROM ${after}) RETURNING 1)`;
  }

  /**
   * One statement for a batch of claims. The HMAC request ids among them are recorded first, and a key is inserted
   * only for an item without a request id or whose request id was new. Per item: `fresh` (its request id, if any, was
   * not used before; of equal ones in a batch, the first only) and `created` (this item inserted its key; of a key
   * repeated in a batch, the first fresh item only).
   *
   * The claim commits without waiting for its WAL flush (`synchronous_commit` off for this transaction only, through
   * `set_config(..., true)`; the connection keeps its setting). Waiting for that flush was most of the claim's time.
   * Nothing is lost by it: whatever the request then writes commits synchronously, and that flush carries the
   * earlier claim with it. A crash can only lose a claim whose request wrote nothing durable (its retry runs
   * again, as it should). The request id rows are in an UNLOGGED table anyway (see the Performance migration).
   */
  private async insertKeys(keys: NewKey[]): Promise<Inserted[]> {
    const pair = (apiKeyId: string, requestId: string) => `${apiKeyId}\n${requestId}`;
    const pairs = new Set<string>();
    // A request id repeated within the batch is a replay of the first: it is not sent, and claims nothing.
    const repeated = keys.map((k) => {
      if (!k.requestId) return false;
      const p = pair(k.requestId.apiKeyId, k.requestId.requestId);
      if (pairs.has(p)) return true;
      pairs.add(p);
      return false;
    });
    const sent = keys.filter((_, i) => !repeated[i]);
    const rows = await queryPrepared<{ kind: 'request' | 'key'; a: string; b: string }>(
      this.db,
      CLAIM_STATEMENT,
      [
        sent.map((k) => k.organizationId),
        sent.map((k) => k.key),
        sent.map((k) => k.fingerprint),
        sent.map((k) => k.method),
        sent.map((k) => k.path),
        sent.map((k) => k.requestId?.apiKeyId ?? null),
        sent.map((k) => k.requestId?.requestId ?? null),
      ],
    );
    const recorded = new Set(rows.filter((r) => r.kind === 'request').map((r) => pair(r.a, r.b)));
    const id = (organizationId: string, key: string) => `${organizationId}\n${key}`;
    const created = new Set(rows.filter((r) => r.kind === 'key').map((r) => id(r.a, r.b)));
    const seen = new Set<string>();
    return keys.map((k, i) => {
      const fresh = !k.requestId || (!repeated[i] && recorded.has(pair(k.requestId.apiKeyId, k.requestId.requestId)));
      if (!fresh) return { fresh, created: false };
      const key = id(k.organizationId, k.key);
      const mine = created.has(key) && !seen.has(key);
      seen.add(key);
      return { fresh, created: mine };
    });
  }

  /**
   * One UPDATE storing the responses of a batch of completed requests. If it fails, each is stored on its own, so
   * that one bad response (or another organization's) cannot fail the others: each caller gets its own outcome.
   */
  private async storeResponses(done: Completion[]): Promise<Array<Error | null>> {
    const store = (items: Completion[]) =>
      queryPrepared(
        this.db,
        `UPDATE idempotency_keys k SET response_status = v.s, response_body = v.b::jsonb, response_headers = v.h::jsonb, completed_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[]) AS v(o, k, s, b, h)
         WHERE k.organization_id = v.o AND k.key = v.k`,
        [items.map((d) => d.organizationId), items.map((d) => d.key), items.map((d) => d.status), items.map((d) => d.body), items.map((d) => d.headers)],
      );
    try {
      await store(done);
      return done.map(() => null);
    } catch (e) {
      if (done.length === 1) return [e instanceof Error ? e : new Error(String(e))];
      return Promise.all(done.map((d) => store([d]).then(() => null, (err: unknown) => (err instanceof Error ? err : new Error(String(err))))));
    }
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
