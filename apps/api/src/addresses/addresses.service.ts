import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@app/auth';
import { checkAddress, KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, Page, paginate } from '@app/common';
import { Address, isUuid, OrganizationsRepository, WalletsRepository } from '@app/db';
import { AddressDto, AddressValidationDto, CreateAddressDto, ListAddressesQueryDto, ValidateAddressQueryDto } from './dto/address.dto';

@Injectable()
export class AddressesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wallets: WalletsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
  ) {}

  /**
   * A fresh child address of the organization's account on the network's chain family. The index comes from an
   * atomic upsert on the organization's counter row, so concurrent requests never share an index (or an address).
   * Two round trips and no explicit transaction: (1) the wallet check and the index allocation in one statement,
   * (2) the insert. If (2) fails, an index stays unused, which is harmless (indexes need not be contiguous).
   */
  async create(principal: Principal, walletId: string, dto: CreateAddressDto): Promise<AddressDto> {
    const asset = this.registry.receiveAsset(dto.asset.toUpperCase(), dto.network.toLowerCase());
    const network = asset.network;
    if (!isUuid(walletId)) throw DomainError.notFound('Wallet');
    const account = await this.organizations.accountIndex(principal.organizationId);
    const [allocation] = await this.db.query<Array<{ status: string | null; index: number | null }>>(
      `WITH w AS (SELECT status FROM wallets WHERE organization_id = $1 AND id = $2),
       c AS (
         INSERT INTO derivation_counters (organization_id, family, next_index)
         SELECT $1, $3, 2 WHERE EXISTS (SELECT 1 FROM w WHERE status = 'active')
         ON CONFLICT (organization_id, family) DO UPDATE SET next_index = derivation_counters.next_index + 1
         RETURNING next_index - 1 AS index
       )
       SELECT (SELECT status FROM w) AS status, (SELECT index FROM c) AS index`,
      [principal.organizationId, walletId, network.family],
    );
    if (!allocation?.status) throw DomainError.notFound('Wallet');
    if (allocation.index === null) {
      throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${allocation.status}`, { status: allocation.status });
    }
    const address = this.db.manager.create(Address, {
      id: randomUUID(),
      organizationId: principal.organizationId,
      walletId,
      network: network.key,
      chain: network.chain,
      asset: asset.symbol,
      address: this.keyring.address(network, account, allocation.index),
      family: network.family,
      derivationIndex: allocation.index,
      label: dto.label ?? null,
    });
    // The database's clock stamps the row: the deposit scanner reads new addresses by created_at.
    const [inserted] = await this.db.query<Array<{ created_at: Date }>>(
      `INSERT INTO addresses (id, organization_id, wallet_id, network, chain, asset, address, family, derivation_index, label)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING created_at`,
      [address.id, address.organizationId, address.walletId, address.network, address.chain, address.asset, address.address, address.family, address.derivationIndex, address.label],
    );
    address.createdAt = inserted.created_at;
    return this.view(address, asset.currency);
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
