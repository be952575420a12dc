import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Wallet } from '../entities/wallet.entity';
import { queryPrepared } from '../prepared';
import { isUuid } from './tenant-scope';

interface WalletRow {
  id: string;
  organization_id: string;
  name: string | null;
  external_id: string | null;
  end_user_id: string | null;
  umbrella_link_id: string | null;
  metadata: Record<string, string>;
  wallet_number: string;
  status: Wallet['status'];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, organization_id, name, external_id, end_user_id, umbrella_link_id, metadata, wallet_number, status, created_at, updated_at';

function toWallet(r: WalletRow): Wallet {
  return Object.assign(new Wallet(), {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    externalId: r.external_id,
    endUserId: r.end_user_id,
    umbrellaLinkId: r.umbrella_link_id,
    metadata: r.metadata,
    walletNumber: r.wallet_number,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

/**
 * Every read of a wallet names its organization: a query without a tenant cannot be written through this class.
 * The lookups are plain SQL: they run on almost every request, and ORM query building showed in the profiles.
 */
@Injectable()
export class WalletsRepository {
  constructor(@InjectRepository(Wallet) private readonly repo: Repository<Wallet>) {}

  async findByOrgAndId(organizationId: string, id: string, manager?: EntityManager, lock?: 'pessimistic_write'): Promise<Wallet | null> {
    if (!isUuid(id)) return null;
    const m = manager ?? this.repo.manager;
    const [row] = await queryPrepared<WalletRow>(m, `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [organizationId, id]);
    return row ? toWallet(row) : null;
  }

  /** Several wallets of an organization in one query (ids that are not UUIDs are skipped); keyed by lower-case id. */
  async findManyByOrgAndIds(organizationId: string, ids: string[]): Promise<Map<string, Wallet>> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return new Map();
    const rows = await queryPrepared<WalletRow>(this.repo.manager, `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, valid]);
    return new Map(rows.map((r) => [r.id, toWallet(r)]));
  }

  async findByOrgAndExternalId(organizationId: string, externalId: string): Promise<Wallet | null> {
    const [row] = await queryPrepared<WalletRow>(this.repo.manager, `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND external_id = $2`, [organizationId, externalId]);
    return row ? toWallet(row) : null;
  }

  queryForOrg(organizationId: string, alias = 'w'): SelectQueryBuilder<Wallet> {
    return this.repo.createQueryBuilder(alias).where(`${alias}.organization_id = :organizationId`, { organizationId });
  }
}
