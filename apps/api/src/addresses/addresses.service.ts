import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@app/auth';
import { checkAddress, KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, InlineCompletion, isoTimestampSql, Page, paginate, SqlExpression, SqlParams } from '@app/common';
import { Address, isUuid, OrganizationsRepository, queryPrepared, WalletsRepository } from '@app/db';
import { DerivationIndexes } from './derivation-indexes';
import { AddressDto, AddressValidationDto, CreateAddressDto, ListAddressesQueryDto, ValidateAddressQueryDto } from './dto/address.dto';

@Injectable()
export class AddressesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wallets: WalletsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly indexes: DerivationIndexes,
  ) {}

  /**
   * A fresh child address of the organization's account on the network's chain family. The index comes from this
   * process's block of the organization's counter (`DerivationIndexes`), so concurrent requests never share an
   * index (or an address). One round trip: the insert itself checks that the wallet is the organization's and
   * active, and stores the Idempotency-Key response (`inline`); when the wallet is not there or not active, nothing is
   * written, the index goes back for the next request and a read tells 404 from 409.
   */
  async create(principal: Principal, walletId: string, dto: CreateAddressDto, inline?: InlineCompletion): Promise<AddressDto> {
    const asset = this.registry.receiveAsset(dto.asset.toUpperCase(), dto.network.toLowerCase());
    const network = asset.network;
    if (!isUuid(walletId)) throw DomainError.notFound('Wallet');
    const org = principal.organizationId;
    const account = await this.organizations.accountIndex(org);
    const index = await this.indexes.take(org, network.family);
    const derived = await this.keyring.receiveAddress(network, account, index, this.indexes.ahead(org, network.family)).catch((e: unknown) => {
      this.indexes.giveBack(org, network.family, index);
      throw e;
    });
    const view: AddressDto = {
      id: randomUUID(),
      wallet_id: walletId.toLowerCase(),
      asset: asset.symbol,
      network: network.chain,
      currency: asset.currency,
      address: derived,
      label: dto.label ?? null,
      created_at: '',
    };
    // The database's clock stamps the row (the deposit scanner reads new addresses by created_at), so the response's
    // created_at comes from the statement, and so does the stored Idempotency-Key response's.
    const sql = new SqlParams();
    const orgParam = sql.add(org, 'uuid');
    const insert = `ins AS (INSERT INTO addresses (id, organization_id, wallet_id, network, chain, asset, address, family, derivation_index, label)
       SELECT ${sql.add(view.id, 'uuid')}, ${orgParam}, w.id, ${sql.add(network.key, 'text')}, ${sql.add(network.chain, 'text')}, ${sql.add(asset.symbol, 'text')},
         ${sql.add(derived, 'text')}, ${sql.add(network.family, 'text')}, ${sql.add(index, 'int')}, ${sql.add(view.label, 'text')}
       FROM wallets w WHERE w.organization_id = ${orgParam} AND w.id = ${sql.add(view.wallet_id, 'uuid')} AND w.status = 'active'
       RETURNING ${isoTimestampSql('created_at')} AS created_at)`;
    const { created_at: _, ...known } = view;
    const stored = inline?.cte(sql, 'idem', new SqlExpression(`${sql.add(JSON.stringify(known), 'jsonb')} || jsonb_build_object('created_at', (SELECT created_at FROM ins))`), {}, 'ins');
    const [inserted] = await queryPrepared<{ created_at: string; stored: boolean }>(
      this.db,
      `WITH ${[insert, ...(stored ? [stored] : [])].join(', ')}
       SELECT created_at, ${stored ? 'EXISTS (SELECT 1 FROM idem)' : 'false'} AS stored FROM ins`,
      sql.values,
    );
    if (!inserted) {
      this.indexes.giveBack(org, network.family, index);
      const wallet = await this.wallets.findByOrgAndId(org, walletId);
      if (!wallet) throw DomainError.notFound('Wallet');
      throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${wallet.status}`, { status: wallet.status });
    }
    view.created_at = inserted.created_at;
    if (inserted.stored) inline?.stored(view, {});
    return view;
  }

  async list(principal: Principal, walletId: string, query: ListAddressesQueryDto): Promise<Page<AddressDto>> {
    const wallet = await this.wallets.findByOrgAndId(principal.organizationId, walletId);
    if (!wallet) throw DomainError.notFound('Wallet');
    const qb = this.db.manager
      .createQueryBuilder(Address, 'a')
      .where('a.organization_id = :org AND a.wallet_id = :walletId', { org: principal.organizationId, walletId: wallet.id });
    if (query.asset) qb.andWhere('a.asset = :asset', { asset: query.asset.toUpperCase() });
    if (query.network) qb.andWhere('a.chain = :chain', { chain: query.network.toLowerCase() });
    const { rows, nextCursor } = await paginate(qb, query);
    return { data: rows.map((a) => this.view(a)), next_cursor: nextCursor };
  }

  async validate(principal: Principal, query: ValidateAddressQueryDto): Promise<AddressValidationDto> {
    const network = this.registry.byChain(query.network.toLowerCase());
    if (!network) {
      throw new DomainError(ErrorCode.InvalidNetwork, `Unknown network ${JSON.stringify(query.network)}`, { supported: this.registry.chainNames() });
    }
    const check = checkAddress(query.address, network);
    let internal = false;
    if (check.valid && check.normalized) {
      const params = [principal.organizationId, network.key, check.normalized];
      const [own] = await this.db.query<unknown[]>(
        `SELECT 1 FROM addresses WHERE organization_id = $1 AND network = $2 AND address = $3
         UNION ALL SELECT 1 FROM master_wallets WHERE organization_id = $1 AND network = $2 AND address = $3 LIMIT 1`,
        params,
      );
      internal = own !== undefined;
    }
    return { valid: check.valid, normalized: check.normalized ?? null, is_internal: internal, network: network.chain, reason: check.reason ?? null };
  }

  private view(address: Address, currency?: string): AddressDto {
    const network = this.registry.byKey(address.network);
    return {
      id: address.id,
      wallet_id: address.walletId,
      asset: address.asset,
      network: address.chain,
      currency: currency ?? network?.assets.find((a) => a.symbol === address.asset)?.currency ?? address.asset,
      address: address.address,
      label: address.label,
      created_at: address.createdAt.toISOString(),
    };
  }
}
