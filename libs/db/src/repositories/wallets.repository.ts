import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { decodeCursor, encodeCursor, PageQueryDto } from '@app/common';
import { Wallet } from '../entities/wallet.entity';
import { queryPrepared } from '../prepared';
import { isUuid, withUniqueKeys } from './tenant-scope';

/** The business keys of a wallet (DuplicateKey names them). */
const UNIQUE_KEYS = { wallets_org_external_id: 'external_id', wallets_number_unique: 'wallet_number' };

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
  currency: Wallet['currency'];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, organization_id, name, external_id, end_user_id, umbrella_link_id, metadata, wallet_number, status, currency, created_at, updated_at';

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
    currency: r.currency,
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

  async findByOrgAndId(
    organizationId: string,
    id: string,
    manager?: EntityManager,
    lock?: 'pessimistic_write',
  ): Promise<Wallet | null> {
    if (!isUuid(id)) return null;
    const m = manager ?? this.repo.manager;
    const [row] = await queryPrepared<WalletRow>(
      m,
      `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [organizationId, id],
    );
    return row ? toWallet(row) : null;
  }

  /** Several wallets of an organization in one query (ids that are not UUIDs are skipped); keyed by lower-case id. */
  async findManyByOrgAndIds(organizationId: string, ids: string[]): Promise<Map<string, Wallet>> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return new Map();
    const rows = await queryPrepared<WalletRow>(
      this.repo.manager,
      `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, valid],
    );
    return new Map(rows.map((r) => [r.id, toWallet(r)]));
  }

  /** The organization's wallet with this 10-digit wallet number, or null. */
  async findByOrgAndWalletNumber(organizationId: string, walletNumber: string): Promise<Wallet | null> {
    if (!/^[1-9][0-9]{9}$/.test(walletNumber)) return null;
    const [row] = await queryPrepared<WalletRow>(
      this.repo.manager,
      `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND wallet_number = $2`,
      [organizationId, walletNumber],
    );
    return row ? toWallet(row) : null;
  }

  /**
   * The currency of each of these wallets of the organization (null: multi-asset), keyed by lower-case id; ids that
   * are not the organization's wallets are absent.
   */
  async currenciesOf(organizationId: string, ids: string[]): Promise<Map<string, Wallet['currency']>> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return new Map();
    const rows = await queryPrepared<{ id: string; currency: Wallet['currency'] }>(
      this.repo.manager,
      `SELECT id, currency FROM wallets WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, valid],
    );
    return new Map(rows.map((r) => [r.id, r.currency]));
  }

  async findByOrgAndExternalId(organizationId: string, externalId: string): Promise<Wallet | null> {
    const [row] = await queryPrepared<WalletRow>(
      this.repo.manager,
      `SELECT ${COLUMNS} FROM wallets WHERE organization_id = $1 AND external_id = $2`,
      [organizationId, externalId],
    );
    return row ? toWallet(row) : null;
  }

  /**
   * One page of an organization's wallets, newest first, with the keyset cursor of `paginate` (created_at, id of
   * the last row seen): one prepared statement per combination of filters, rows mapped without the ORM.
   */
  async pageForOrg(
    organizationId: string,
    filters: { externalId?: string; status?: Wallet['status']; walletNumber?: string },
    page: PageQueryDto,
    defaultLimit = 20,
  ): Promise<{ rows: Wallet[]; nextCursor: string | null }> {
    const limit = page.limit ?? defaultLimit;
    const values: unknown[] = [organizationId];
    const where = ['organization_id = $1'];
    if (filters.externalId !== undefined) where.push(`external_id = $${values.push(filters.externalId)}`);
    if (filters.status !== undefined) where.push(`status = $${values.push(filters.status)}`);
    if (filters.walletNumber !== undefined) where.push(`wallet_number = $${values.push(filters.walletNumber)}`);
    if (page.cursor) {
      where.push(
        `(created_at, id) < (SELECT c.created_at, c.id FROM wallets c WHERE c.id = $${values.push(decodeCursor(page.cursor))}::uuid)`,
      );
    }
    const rows = await queryPrepared<WalletRow>(
      this.repo.manager,
      `SELECT ${COLUMNS} FROM wallets WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${values.push(limit + 1)}`,
      values,
    );
    const hasMore = rows.length > limit;
    const shown = (hasMore ? rows.slice(0, limit) : rows).map(toWallet);
    return { rows: shown, nextCursor: hasMore ? encodeCursor(shown[shown.length - 1].id) : null };
  }

  /**
   * Stores a new wallet of the organization and returns it as inserted (with its timestamps). A unique violation
   * (`wallets_org_external_id`, `wallets_number_unique`) is the driver's error, for the caller to answer.
   */
  async insert(
    organizationId: string,
    fields: Pick<
      Wallet,
      | 'id'
      | 'name'
      | 'externalId'
      | 'endUserId'
      | 'umbrellaLinkId'
      | 'metadata'
      | 'walletNumber'
      | 'status'
      | 'currency'
    >,
  ): Promise<Wallet> {
    const m = this.repo.manager;
    const wallet = m.create(Wallet, { ...fields, organizationId });
    await withUniqueKeys(m.insert(Wallet, wallet), UNIQUE_KEYS);
    return wallet;
  }

  /**
   * Stores the changed fields of a wallet read through this class (ORM save: it refreshes `updatedAt` on the object).
   */
  async saveChanges(organizationId: string, wallet: Wallet, manager?: EntityManager): Promise<Wallet> {
    if (wallet.organizationId !== organizationId)
      throw new Error('saveChanges: the wallet belongs to another organization');
    return withUniqueKeys((manager ?? this.repo.manager).save(wallet), UNIQUE_KEYS);
  }

  /**
   * Across organizations (the provisioning job): locks up to `limit` pending wallets, oldest first, skipping those
   * another transaction holds, so that any number of job replicas share the queue without taking the same wallet twice.
   */
  lockPendingBatch(limit: number, manager: EntityManager): Promise<Wallet[]> {
    return manager
      .createQueryBuilder(Wallet, 'w')
      .where(`w.status = 'pending'`)
      .orderBy('w.created_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async markActive(organizationId: string, id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.repo.manager).update(Wallet, { organizationId, id }, { status: 'active' });
  }
}
