import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKey } from '../entities/idempotency-key.entity';
import { queryPrepared } from '../prepared';

/**
 * A key to claim; with `requestId`, an HMAC request id recorded by the same statement (the key is claimed only if it is
 * new).
 */
export interface KeyClaim {
  organizationId: string;
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  requestId?: { apiKeyId: string; requestId: string };
}

/** A reply to store under a claimed key. */
export interface KeyReply {
  organizationId: string;
  key: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The claim statement: the HMAC request ids of the batch are recorded first, and a key is inserted only for an item
 * without a request id or whose request id was new. Its first CTE turns `synchronous_commit` off for its own
 * transaction only (see `claim`).
 */
const CLAIM = `WITH nosync AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)),
   x AS (SELECT x.* FROM nosync, unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(o, k, f, m, p, a, r)),
   rid AS (INSERT INTO auth_request_ids (api_key_id, request_id) SELECT a, r FROM x WHERE a IS NOT NULL
     ON CONFLICT DO NOTHING RETURNING api_key_id, request_id),
   ins AS (INSERT INTO idempotency_keys (organization_id, key, fingerprint, method, path, locked_at)
     SELECT o, k, f, m, p, now() FROM x WHERE a IS NULL OR EXISTS (SELECT 1 FROM rid WHERE rid.api_key_id = x.a AND rid.request_id = x.r)
     ON CONFLICT (organization_id, key) DO NOTHING RETURNING organization_id, key)
   SELECT 'request' AS kind, api_key_id AS a, request_id AS b FROM rid
   UNION ALL SELECT 'key', organization_id::text, key FROM ins`;

/** Idempotency-Key rows (see docs/idempotency.md). */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims keys of several requests (of any organizations) in one statement: which request ids were recorded and
   * which keys inserted. The claim commits without waiting for its WAL flush (`synchronous_commit` off for this
   * transaction only, through `set_config(..., true)`; the connection keeps its setting). Nothing is lost by it:
   * whatever the request then writes commits synchronously, and that flush carries the earlier claim with it; a crash
   * can only lose a claim whose request wrote nothing durable (its retry runs again, as it should). The request id rows
   * are in an UNLOGGED table anyway (see the Performance migration).
   */
  async claim(
    claims: KeyClaim[],
    manager?: EntityManager,
  ): Promise<{
    requests: Array<{ apiKeyId: string; requestId: string }>;
    keys: Array<{ organizationId: string; key: string }>;
  }> {
    const rows = await queryPrepared<{ kind: 'request' | 'key'; a: string; b: string }>(
      manager ?? this.dataSource,
      CLAIM,
      [
        claims.map((c) => c.organizationId),
        claims.map((c) => c.key),
        claims.map((c) => c.fingerprint),
        claims.map((c) => c.method),
        claims.map((c) => c.path),
        claims.map((c) => c.requestId?.apiKeyId ?? null),
        claims.map((c) => c.requestId?.requestId ?? null),
      ],
    );
    return {
      requests: rows.filter((r) => r.kind === 'request').map((r) => ({ apiKeyId: r.a, requestId: r.b })),
      keys: rows.filter((r) => r.kind === 'key').map((r) => ({ organizationId: r.a, key: r.b })),
    };
  }

  find(organizationId: string, key: string): Promise<IdempotencyKey | null> {
    return this.dataSource.manager.findOneBy(IdempotencyKey, { organizationId, key });
  }

  /** Takes over a key still incomplete after `lockTimeoutSeconds` (its first request died): true if taken. */
  async takeOverStale(organizationId: string, key: string, lockTimeoutSeconds: number): Promise<boolean> {
    const taken = await this.dataSource.query<unknown[]>(
      `WITH t AS (UPDATE idempotency_keys SET locked_at = now()
         WHERE organization_id = $1 AND key = $2 AND completed_at IS NULL AND locked_at < now() - make_interval(secs => $3) RETURNING 1)
       SELECT * FROM t`,
      [organizationId, key, lockTimeoutSeconds],
    );
    return taken.length > 0;
  }

  /**
   * Stores the replies of several requests in one statement (through the one definition, `idempotency_store_reply`).
   */
  async storeReplies(replies: KeyReply[]): Promise<void> {
    await queryPrepared(
      this.dataSource,
      `SELECT idempotency_store_reply(o, k, s, b::jsonb, h::jsonb) FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[]) AS v(o, k, s, b, h)`,
      [
        replies.map((r) => r.organizationId),
        replies.map((r) => r.key),
        replies.map((r) => r.status),
        replies.map((r) => JSON.stringify(r.body ?? null)),
        replies.map((r) => JSON.stringify(r.headers)),
      ],
    );
  }

  /** Frees an incomplete key, so that a retry may run the request. */
  async release(organizationId: string, key: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2 AND completed_at IS NULL',
      [organizationId, key],
    );
  }

  /** Deletes the keys of every organization older than `hours` (the reaper job): how many. */
  async reapOlderThan(hours: number): Promise<number> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
      [hours],
    );
    return affected;
  }
}
