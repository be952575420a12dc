import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Client } from 'pg';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { ApiKey } from '../entities/api-key.entity';
import { Organization } from '../entities/organization.entity';

interface KeyRow {
  id: string;
  organization_id: string;
  name: string;
  scopes: string[];
  secret_hash: string;
  secret_ciphertext: string;
  created_at: Date;
  wallets_enabled: boolean;
  org_name: string;
  account_index: number;
}

/**
 * API keys. A key is looked up by its id before its organization is known (that lookup is what authenticates a
 * request), and the operator revokes keys by id: those methods work across organizations and say so.
 */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKey) private readonly repo: Repository<ApiKey>) {}

  /**
   * Across organizations (authentication): an unrevoked key with its organization, or undefined.
   * One indexed join, no ORM query building: this runs on every authenticated request that misses the cache.
   */
  async findActiveWithOrganization(id: string): Promise<{ key: ApiKey; organization: Organization } | undefined> {
    const [row] = await this.repo.manager.query<KeyRow[]>(
      `SELECT k.id, k.organization_id, k.name, k.scopes, k.secret_hash, k.secret_ciphertext, k.created_at,
              o.wallets_enabled, o.name AS org_name, o.account_index
       FROM api_keys k JOIN organizations o ON o.id = k.organization_id WHERE k.id = $1 AND k.revoked_at IS NULL`,
      [id],
    );
    if (!row) return undefined;
    const organization = Object.assign(new Organization(), {
      id: row.organization_id,
      name: row.org_name,
      walletsEnabled: row.wallets_enabled,
      accountIndex: row.account_index,
    });
    const key = Object.assign(new ApiKey(), {
      id: row.id,
      organizationId: row.organization_id,
      name: row.name,
      scopes: row.scopes,
      secretHash: row.secret_hash,
      secretCiphertext: row.secret_ciphertext,
      createdAt: row.created_at,
      revokedAt: null,
      organization,
    });
    return { key, organization };
  }

  async insert(
    organizationId: string,
    fields: Pick<ApiKey, 'id' | 'name' | 'scopes' | 'secretHash' | 'secretCiphertext'>,
    manager?: EntityManager,
  ): Promise<ApiKey> {
    const m = manager ?? this.repo.manager;
    const key = m.create(ApiKey, { ...fields, organizationId, revokedAt: null });
    await m.save(key);
    return key;
  }

  /**
   * Across organizations (an operator action, by key id): marks the key revoked; false when no active key has that id.
   */
  async revoke(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.repo.manager).update(
      ApiKey,
      { id, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  /** NOTIFY on `channel` (delivered when `manager`'s transaction commits, at once outside one). */
  async notify(channel: string, payload: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.repo.manager).query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  /**
   * Connects `client`, a dedicated connection outside the pool that the caller owns (its handlers, its end), and
   * LISTENs on `channel` with it: the other half of `notify`.
   */
  async listen(client: Client, channel: string): Promise<void> {
    await client.connect();
    await client.query(`LISTEN ${channel}`);
  }
}
