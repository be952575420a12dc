import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthRequestId } from '../entities/auth-request-id.entity';
import { queryPrepared } from '../prepared';

export interface RequestIdClaim {
  apiKeyId: string;
  requestId: string;
}

/**
 * The replay guard's table of (API key, X-Request-ID) pairs already seen. Keyed by API key, which authentication
 * reads before any organization is known: these methods work across organizations.
 */
@Injectable()
export class AuthRequestIdsRepository {
  constructor(@InjectRepository(AuthRequestId) private readonly repo: Repository<AuthRequestId>) {}

  /** Inserts the pairs in one statement; returns those that were not there yet (a pair already stored is left out). */
  async insertNew(claims: RequestIdClaim[]): Promise<RequestIdClaim[]> {
    const rows = await queryPrepared<{ api_key_id: string; request_id: string }>(
      this.repo.manager,
      `INSERT INTO auth_request_ids (api_key_id, request_id)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING api_key_id, request_id`,
      [claims.map((c) => c.apiKeyId), claims.map((c) => c.requestId)],
    );
    return rows.map((r) => ({ apiKeyId: r.api_key_id, requestId: r.request_id }));
  }

  /** Across organizations (the reaper job): forgets pairs older than `seconds`; returns how many. */
  async deleteOlderThan(seconds: number): Promise<number> {
    const [, affected] = await this.repo.manager.query<[unknown, number]>(
      `DELETE FROM auth_request_ids WHERE created_at < now() - make_interval(secs => $1)`,
      [seconds],
    );
    return affected;
  }
}
