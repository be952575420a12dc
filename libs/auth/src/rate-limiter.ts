import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/common';
import { AppConfig } from '@app/config';
import { RateLimitsRepository } from '@app/db';
import type { Principal } from './principal';

/** How long a replica may serve requests from tokens it leased before it asks the shared bucket again. */
const LEASE_MS = 1_000;
/** Tokens leased at a time: about 50 ms of the key's rate, at least 1 (a slow key is counted exactly), at most 1000. */
const leaseSize = (rate: number) => Math.min(1_000, Math.max(1, Math.ceil(rate / 20)));

interface Lease {
  /** Tokens the lease was granted; 0: the key or its organization was out of tokens when asked. */
  granted: number;
  tokens: number;
  expiresAt: number;
  rate: number;
  burst: number;
  /** The key's bucket after this lease was taken (what other replicas can still lease). */
  bucket: number;
  /** When nothing was granted: seconds until a token is there again. */
  retryAfter?: number;
  refill?: Promise<Lease>;
}

/**
 * Rate limits per API key and per organization: token buckets in PostgreSQL shared by every replica. A replica
 * leases a few tokens at a time (one statement for both buckets) and serves requests from its lease, so the hot
 * routes pay a database round trip only every `leaseSize` requests, and the limit holds across replicas: a token is
 * leased once; one not used within a second is lost (a replica may under-serve, never over-serve).
 */
@Injectable()
export class RateLimiter {
  private readonly leases = new Map<string, Lease>();

  constructor(
    private readonly buckets: RateLimitsRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one request of the principal's key: the `RateLimit-Policy`/`RateLimit` headers to answer, or 429
   * `rate_limited` with `Retry-After` when the key or its organization is out of tokens.
   */
  async take(principal: Pick<Principal, 'apiKeyId' | 'organizationId'>): Promise<Record<string, string>> {
    if (!this.config.rateLimit) return {};
    let lease = this.leases.get(principal.apiKeyId);
    // Requests that find the lease used up lease again, until the shared buckets grant nothing.
    while (!lease || lease.expiresAt <= Date.now() || (lease.tokens <= 0 && lease.granted > 0)) {
      lease = await this.renew(principal, lease);
      if (lease.tokens > 0 || lease.granted === 0) break;
    }
    if (lease.tokens > 0) {
      lease.tokens--;
      // A lease running low is renewed in the background, so requests do not queue behind the round trip.
      if (runningLow(lease)) this.renew(principal, lease).catch(() => undefined);
      return headers(lease, lease.tokens + lease.bucket);
    }
    const wait = Math.max(1, Math.ceil(lease.retryAfter ?? 1));
    throw new DomainError(
      ErrorCode.RateLimited,
      `Rate limit exceeded: at most ${lease.rate} requests per second for this API key (bursts of ${lease.burst})`,
      { retry_after_seconds: wait },
      { 'Retry-After': String(wait), ...headers(lease, 0) },
    );
  }

  /**
   * One lease request per key at a time: concurrent requests of the key wait for it and share its tokens. Tokens left
   * of a live lease carry over into the new one (they were leased once; they are still this replica's to serve).
   */
  private renew(
    principal: Pick<Principal, 'apiKeyId' | 'organizationId'>,
    previous: Lease | undefined,
  ): Promise<Lease> {
    if (previous?.refill) return previous.refill;
    const limits = this.config.rateLimit!;
    const refill = this.buckets
      .lease(principal.apiKeyId, principal.organizationId, limits, leaseSize(previous?.rate ?? limits.perSecond))
      .then((granted) => {
        const carried = previous && previous.expiresAt > Date.now() ? Math.max(0, previous.tokens) : 0;
        const lease: Lease = {
          granted: granted.granted + carried,
          tokens: granted.granted + carried,
          expiresAt: Date.now() + LEASE_MS,
          rate: granted.rate,
          burst: granted.burst,
          bucket: Math.max(0, Math.floor(granted.keyTokens)),
        };
        if (lease.granted === 0) {
          // Seconds until the emptier of the two buckets holds a whole token again.
          lease.retryAfter = Math.max(
            (1 - granted.keyTokens) / granted.rate,
            (1 - granted.organizationTokens) / limits.organizationPerSecond,
          );
          // Refused until then (no round trip per refused request), and asked again from then on.
          lease.expiresAt = Date.now() + Math.min(LEASE_MS, lease.retryAfter * 1000);
        }
        this.leases.set(principal.apiKeyId, lease);
        if (this.leases.size > 10_000) this.prune();
        return lease;
      })
      .finally(() => {
        if (previous) previous.refill = undefined;
      });
    if (previous) previous.refill = refill;
    else
      this.leases.set(principal.apiKeyId, {
        granted: 0,
        tokens: 0,
        expiresAt: 0,
        rate: 1,
        burst: 1,
        bucket: 0,
        refill,
      });
    return refill;
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, lease] of this.leases)
      if (lease.expiresAt < now - 60_000 && !lease.refill) this.leases.delete(key);
  }
}

/**
 * A lease of several tokens is renewed ahead when half of it is used or it expires within a quarter of its life. A
 * lease of one token (a key slower than 20 per second) is not: a token leased ahead and not used would be lost.
 */
function runningLow(lease: Lease): boolean {
  return (
    !lease.refill &&
    lease.granted > 1 &&
    (lease.tokens <= lease.granted / 2 || lease.expiresAt - Date.now() < LEASE_MS / 4)
  );
}

/** draft-ietf-httpapi-ratelimit-headers: the key's bucket as a quota of `burst` per the time it takes to refill. */
function headers(lease: Lease, remaining: number): Record<string, string> {
  const window = Math.max(1, Math.ceil(lease.burst / lease.rate));
  const reset = Math.max(0, Math.ceil((lease.burst - remaining) / lease.rate));
  return {
    'RateLimit-Policy': `"api-key";q=${lease.burst};w=${window}`,
    RateLimit: `"api-key";r=${Math.max(0, Math.floor(remaining))};t=${reset}`,
  };
}
