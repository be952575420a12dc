import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../prepared';

export interface RateLimitDefaults {
  perSecond: number;
  burst: number;
  organizationPerSecond: number;
  organizationBurst: number;
}

export interface RateLimitLease {
  /** Tokens granted (0: the key or its organization is out of tokens). */
  granted: number;
  /** What is left in the key's bucket after the lease, and the key's effective rate and burst. */
  keyTokens: number;
  rate: number;
  burst: number;
  organizationTokens: number;
}

/** The shared token buckets of the rate limiter (one per API key and per organization) and the keys' own limits. */
@Injectable()
export class RateLimitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes up to `want` tokens from both the key's and the organization's bucket, refilled for the time passed. */
  async lease(
    keyId: string,
    organizationId: string,
    defaults: RateLimitDefaults,
    want: number,
  ): Promise<RateLimitLease> {
    const [row] = await queryPrepared<{
      granted: number;
      key_tokens: number;
      key_rate: number;
      key_burst: number;
      org_tokens: number;
    }>(this.dataSource, 'SELECT * FROM rate_limit_lease($1, $2, $3, $4, $5, $6, $7)', [
      keyId,
      organizationId,
      defaults.perSecond,
      defaults.burst,
      defaults.organizationPerSecond,
      defaults.organizationBurst,
      want,
    ]);
    return {
      granted: row.granted,
      keyTokens: row.key_tokens,
      rate: row.key_rate,
      burst: row.key_burst,
      organizationTokens: row.org_tokens,
    };
  }

  /** Sets (or, with nulls, clears) a key's own limit; false when there is no such key. */
  async setKeyLimit(keyId: string, perSecond: number | null, burst: number | null): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE api_keys SET rate_limit_per_second = $2, rate_limit_burst = $3 WHERE id = $1`,
      [keyId, perSecond, burst],
    );
    return count === 1;
  }
}
