import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '@app/common';
import { queryPrepared } from '@app/db';

interface Claim {
  apiKeyId: string;
  requestId: string;
}

/**
 * The replay guard of HMAC-signed requests: a (key, X-Request-ID) pair is accepted once, by whichever process sees
 * it first (the table is shared). Claims made in the same turn of the event loop share one INSERT.
 */
@Injectable()
export class RequestIds {
  private readonly batcher = new MicroBatcher<Claim, boolean>((claims) => this.insert(claims));

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** True the first time this key presents this request id; false for every later (or concurrent duplicate) use. */
  claim(apiKeyId: string, requestId: string): Promise<boolean> {
    return this.batcher.submit({ apiKeyId, requestId });
  }

  private async insert(claims: Claim[]): Promise<boolean[]> {
    const pair = (c: { apiKeyId: string; requestId: string }) => `${c.apiKeyId}\n${c.requestId}`;
    const rows = await queryPrepared<{ api_key_id: string; request_id: string }>(
      this.db,
      `INSERT INTO auth_request_ids (api_key_id, request_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING api_key_id, request_id`,
      [claims.map((c) => c.apiKeyId), claims.map((c) => c.requestId)],
    );
    const inserted = new Set(rows.map((r) => pair({ apiKeyId: r.api_key_id, requestId: r.request_id })));
    // Two equal pairs in one batch: only the first may be fresh; the second is a replay whatever the database says.
    const taken = new Set<string>();
    return claims.map((c) => {
      const k = pair(c);
      const fresh = inserted.has(k) && !taken.has(k);
      taken.add(k);
      return fresh;
    });
  }
}
