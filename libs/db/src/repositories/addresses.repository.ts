import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { paginate, PageQueryDto } from '@app/common';
import { Address } from '../entities/address.entity';
import { queryPrepared } from '../prepared';

/** A new receive address, before the database stamps it. */
export type NewAddress = Omit<Address, 'createdAt' | 'organization' | 'wallet' | 'organizationId'> & {
  /** The wallet currency of the asset (`btc`, `usdt`, ...): a single-asset wallet of another currency gets none. */
  currency: string;
};

/** Receive addresses: handed out per (wallet, asset, network), watched by the deposit scanner. */
@Injectable()
export class AddressesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the address if its wallet is the organization's and active, in one statement that also stores the
   * request's reply (`reply`: its key, status and body without `created_at`, which the database's clock stamps, as it
   * stamps the row): the row's `created_at` (ISO 8601, as `toISOString` writes it) and whether the reply was stored;
   * undefined when the wallet is not there, not active, or a single-asset wallet of another currency (nothing
   * written). `to_char` writes the timestamp as
   * `toISOString` does.
   */
  async insertForActiveWallet(
    organizationId: string,
    address: NewAddress,
    reply?: { key: string; status: number; body: Record<string, unknown> },
  ): Promise<{ createdAt: string; replyStored: boolean } | undefined> {
    const values = [
      address.id,
      organizationId,
      address.walletId,
      address.network,
      address.chain,
      address.asset,
      address.address,
      address.family,
      address.derivationIndex,
      address.label,
      reply?.key ?? null,
      reply?.status ?? null,
      reply ? JSON.stringify(reply.body) : null,
      address.currency,
    ];
    const [row] = await queryPrepared<{ created_at: string; stored: boolean }>(
      this.dataSource,
      `WITH ins AS (
         INSERT INTO addresses (id, organization_id, wallet_id, network, chain, asset, address, family, derivation_index, label)
         SELECT $1::uuid, $2::uuid, w.id, $4::text, $5::text, $6::text, $7::text, $8::text, $9::int, $10::text
           FROM wallets w WHERE w.organization_id = $2::uuid AND w.id = $3::uuid AND w.status = 'active'
            AND (w.currency IS NULL OR w.currency = $14::text)
         RETURNING to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at)
       SELECT created_at, CASE WHEN $11::text IS NULL THEN false ELSE idempotency_store_reply($2::uuid, $11::text, $12::int,
           $13::jsonb || jsonb_build_object('created_at', created_at), '{}'::jsonb) END AS stored
         FROM ins`,
      values,
    );
    return row && { createdAt: row.created_at, replyStored: row.stored };
  }

  /** A page of a wallet's addresses, newest first. */
  async listPage(
    organizationId: string,
    walletId: string,
    filters: { asset?: string; chain?: string },
    page: PageQueryDto,
  ): Promise<{ rows: Address[]; nextCursor: string | null }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Address, 'a')
      .where('a.organization_id = :org AND a.wallet_id = :walletId', { org: organizationId, walletId });
    if (filters.asset) qb.andWhere('a.asset = :asset', { asset: filters.asset });
    if (filters.chain) qb.andWhere('a.chain = :chain', { chain: filters.chain });
    return paginate(qb, page);
  }

  /** Whether the address is one of the organization's (a receive address or a master wallet address). */
  async isOrganizations(organizationId: string, network: string, address: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM addresses WHERE organization_id = $1 AND network = $2 AND address = $3
       UNION ALL SELECT 1 FROM master_wallets WHERE organization_id = $1 AND network = $2 AND address = $3 LIMIT 1`,
      [organizationId, network, address],
    );
    return rows.length > 0;
  }

  /**
   * The owners of those of `addresses` that are receive addresses on `network`, across organizations (the deposit
   * scanner looks up a block's recipients here, instead of holding every address ever issued in memory).
   */
  async ownersOf(
    network: string,
    addresses: string[],
  ): Promise<Map<string, { organizationId: string; walletId: string }>> {
    if (addresses.length === 0) return new Map();
    const rows = await queryPrepared<{ address: string; organization_id: string; wallet_id: string }>(
      this.dataSource,
      'SELECT address, organization_id, wallet_id FROM addresses WHERE network = $1 AND address = ANY($2::text[])',
      [network, [...new Set(addresses)]],
    );
    return new Map(rows.map((r) => [r.address, { organizationId: r.organization_id, walletId: r.wallet_id }]));
  }

  /** How many addresses the organization has on each network (only `network` when given). */
  async countByNetwork(organizationId: string, network?: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ network: string; n: string }>>(
      `SELECT network, count(*) AS n FROM addresses WHERE organization_id = $1 ${network ? 'AND network = $2' : ''} GROUP BY network`,
      network ? [organizationId, network] : [organizationId],
    );
    return new Map(rows.map((r) => [r.network, Number(r.n)]));
  }
}
