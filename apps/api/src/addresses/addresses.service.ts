import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@app/auth';
import { checkAddress, KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, Page, paginate } from '@app/common';
import { Address, OrganizationsRepository, WalletsRepository } from '@app/db';
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
   */
  async create(principal: Principal, walletId: string, dto: CreateAddressDto): Promise<AddressDto> {
    const asset = this.registry.receiveAsset(dto.asset.toUpperCase(), dto.network.toLowerCase());
    const network = asset.network;
    const account = await this.organizations.accountIndex(principal.organizationId);
    return this.db.transaction(async (manager) => {
      const wallet = await this.wallets.findByOrgAndId(principal.organizationId, walletId, manager);
      if (!wallet) throw DomainError.notFound('Wallet');
      if (wallet.status !== 'active') {
        throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${wallet.status}`, { status: wallet.status });
      }
      const [{ index }] = await manager.query<Array<{ index: number }>>(
        `INSERT INTO derivation_counters (organization_id, family, next_index) VALUES ($1, $2, 2)
         ON CONFLICT (organization_id, family) DO UPDATE SET next_index = derivation_counters.next_index + 1
         RETURNING next_index - 1 AS index`,
        [principal.organizationId, network.family],
      );
      const address = manager.create(Address, {
        id: randomUUID(),
        organizationId: principal.organizationId,
        walletId: wallet.id,
        network: network.key,
        chain: network.chain,
        asset: asset.symbol,
        address: this.keyring.address(network, account, index),
        family: network.family,
        derivationIndex: index,
        label: dto.label ?? null,
      });
      await manager.insert(Address, address);
      return this.view(address, asset.currency);
    });
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
