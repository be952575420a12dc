import { Injectable } from '@nestjs/common';
import { MicroBatcher } from '@app/common';
import { AuthRequestIdsRepository, RequestIdClaim } from '@app/db';

/**
 * The replay guard of HMAC-signed requests: a (key, X-Request-ID) pair is accepted once, by whichever process sees
 * it first (the table is shared). Claims made in the same turn of the event loop share one INSERT.
 */
@Injectable()
export class RequestIds {
  private readonly batcher = new MicroBatcher<RequestIdClaim, boolean>((claims) => this.insert(claims));

  constructor(private readonly requestIds: AuthRequestIdsRepository) {}

  /** True the first time this key presents this request id; false for every later (or concurrent duplicate) use. */
  claim(apiKeyId: string, requestId: string): Promise<boolean> {
    return this.batcher.submit({ apiKeyId, requestId });
  }

  private async insert(claims: RequestIdClaim[]): Promise<boolean[]> {
    const pair = (c: RequestIdClaim) => `${c.apiKeyId}\n${c.requestId}`;
    const inserted = new Set((await this.requestIds.insertNew(claims)).map(pair));
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
