import { Injectable, OnModuleInit } from '@nestjs/common';
import { CryptoService, JobScheduler, MicroBatcher, SecretBox } from '@app/common';
import type { RequestIdRecord } from '@app/auth';
import { AppConfig } from '@app/config';
import { IdempotencyKeysRepository, KeyClaim, KeyReply } from '@app/db';

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'request_id_reused' }
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'in_use' }
  | { kind: 'reused' };

/** Purpose of the box that seals the secret fields of stored replies (see `SecretReply`). */
const REPLY_SECRET_PURPOSE = 'idempotent-reply-secret';
const secretAad = (organizationId: string, key: string, field: string) =>
  `idempotency_key:${organizationId}:${key}:${field}`;

interface Claimed {
  /** False when the request id was used before (then nothing was claimed). */
  fresh: boolean;
  created: boolean;
}

/**
 * Idempotency keys (docs/idempotency.md): claimed atomically (INSERT ... ON CONFLICT DO NOTHING), scoped per
 * organization, fingerprinted, replayed once complete, released when the request must be allowed to run again.
 * Claims and completions of concurrent requests share one statement each (MicroBatcher).
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  private readonly claims = new MicroBatcher<KeyClaim, Claimed>((claims) => this.claimBatch(claims));
  private readonly replies = new MicroBatcher<KeyReply, Error | null>((replies) => this.storeBatch(replies));
  private readonly secrets: SecretBox;

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly config: AppConfig,
    private readonly jobs: JobScheduler,
    crypto: CryptoService,
  ) {
    this.secrets = crypto.box(REPLY_SECRET_PURPOSE);
  }

  onModuleInit(): void {
    this.jobs.every('idempotency-key-reaper', 60 * 60 * 1000, () => this.reap());
  }

  /**
   * With `requestId` (an HMAC request whose X-Request-ID is not recorded yet), the request id is recorded by the same
   * statement, and a used one claims nothing ('request_id_reused': the caller answers 401). A replay's
   * `secretFields` (the route's `SecretReply`) are unsealed.
   */
  async claim(
    organizationId: string,
    key: string,
    fingerprint: string,
    method: string,
    path: string,
    requestId?: RequestIdRecord,
    secretFields: readonly string[] = [],
  ): Promise<Claim> {
    const { fresh, created } = await this.claims.submit({ organizationId, key, fingerprint, method, path, requestId });
    if (!fresh) return { kind: 'request_id_reused' };
    if (created) return { kind: 'claimed' };
    const existing = await this.keys.find(organizationId, key);
    // Released meanwhile: try again (the request id, if any, was recorded by the first attempt).
    if (!existing) return this.claim(organizationId, key, fingerprint, method, path, undefined, secretFields);
    if (existing.fingerprint !== fingerprint) return { kind: 'reused' };
    if (existing.completedAt) {
      return {
        kind: 'replay',
        status: existing.responseStatus ?? 200,
        body: this.unsealed(organizationId, key, existing.responseBody, secretFields),
        headers: existing.responseHeaders ?? {},
      };
    }
    // The first request may have died: after the lock timeout, one retry takes the key over and runs.
    return (await this.keys.takeOverStale(organizationId, key, this.config.idempotencyLockTimeoutSeconds))
      ? { kind: 'claimed' }
      : { kind: 'in_use' };
  }

  /** Stores the reply for replays; its `secretFields` (the route's `SecretReply`) sealed. */
  async complete(reply: KeyReply, secretFields: readonly string[] = []): Promise<void> {
    const body = this.sealed(reply.organizationId, reply.key, reply.body, secretFields);
    const failed = await this.replies.submit({ ...reply, body });
    if (failed) throw failed;
  }

  /** Frees the key: the request did not count (validation error, server error), so a retry may run it. */
  release(organizationId: string, key: string): Promise<void> {
    return this.keys.release(organizationId, key);
  }

  private sealed(organizationId: string, key: string, body: unknown, fields: readonly string[]): unknown {
    if (!fields.length || !isObject(body)) return body;
    const stored = { ...body };
    for (const field of fields) {
      const value = stored[field];
      if (typeof value === 'string') stored[field] = this.secrets.seal(value, secretAad(organizationId, key, field));
    }
    return stored;
  }

  /** A field that is not a string (null: a reply stored before secrets were sealed, see the migration) stays as is. */
  private unsealed(organizationId: string, key: string, body: unknown, fields: readonly string[]): unknown {
    if (!fields.length || !isObject(body)) return body;
    const replayed = { ...body };
    for (const field of fields) {
      const value = replayed[field];
      if (typeof value === 'string')
        replayed[field] = this.secrets.open(value, secretAad(organizationId, key, field)).toString('utf8');
    }
    return replayed;
  }

  reap(): Promise<number> {
    return this.keys.reapOlderThan(this.config.idempotencyRetentionHours);
  }

  /**
   * Per claim: `fresh` (its request id, if any, was not used before; of equal ones in a batch, the first only) and
   * `created` (this claim inserted its key; of a key repeated in a batch, the first fresh claim only).
   */
  private async claimBatch(claims: KeyClaim[]): Promise<Claimed[]> {
    const pair = (r: { apiKeyId: string; requestId: string }) => `${r.apiKeyId}\n${r.requestId}`;
    const pairs = new Set<string>();
    // A request id repeated within the batch is a replay of the first: it is not sent, and claims nothing.
    const repeated = claims.map((c) => {
      if (!c.requestId) return false;
      const p = pair(c.requestId);
      if (pairs.has(p)) return true;
      pairs.add(p);
      return false;
    });
    const { requests, keys } = await this.keys.claim(claims.filter((_, i) => !repeated[i]));
    const recorded = new Set(requests.map(pair));
    const id = (organizationId: string, key: string) => `${organizationId}\n${key}`;
    const created = new Set(keys.map((k) => id(k.organizationId, k.key)));
    const seen = new Set<string>();
    return claims.map((c, i) => {
      const fresh = !c.requestId || (!repeated[i] && recorded.has(pair(c.requestId)));
      if (!fresh) return { fresh, created: false };
      const key = id(c.organizationId, c.key);
      const mine = created.has(key) && !seen.has(key);
      seen.add(key);
      return { fresh, created: mine };
    });
  }

  /**
   * One statement storing the replies of a batch. If it fails, each is stored on its own, so that one bad reply (or
   * another organization's) cannot fail the others: each caller gets its own outcome.
   */
  private async storeBatch(replies: KeyReply[]): Promise<Array<Error | null>> {
    const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
    try {
      await this.keys.storeReplies(replies);
      return replies.map(() => null);
    } catch (e) {
      if (replies.length === 1) return [asError(e)];
      return Promise.all(replies.map((r) => this.keys.storeReplies([r]).then(() => null, asError)));
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
