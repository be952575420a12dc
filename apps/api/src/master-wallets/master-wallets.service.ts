import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@app/auth';
import { KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, Page, paginate } from '@app/common';
import { isUuid, MasterWallet, OrganizationsRepository } from '@app/db';
import { CreateMasterWalletDto, ListMasterWalletsQueryDto, MasterWalletDto } from './dto/master-wallet.dto';

@Injectable()
export class MasterWalletsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /** Returns the organization's one master wallet for (chain, network), creating it on first call. */
  async create(principal: Principal, dto: CreateMasterWalletDto): Promise<{ created: boolean; wallet: MasterWalletDto }> {
    const network = this.registry.resolve(dto.chain, dto.network);
    const account = await this.organizations.accountIndex(principal.organizationId);
    const inserted = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO master_wallets (id, organization_id, chain, network, label, address, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, true)
       ON CONFLICT (organization_id, network) DO NOTHING RETURNING id`,
      [randomUUID(), principal.organizationId, network.chain, network.key, dto.label ?? null, this.keyring.address(network, account, 0)],
    );
    const wallet = await this.db.manager.findOneByOrFail(MasterWallet, { organizationId: principal.organizationId, network: network.key });
    return { created: inserted.length > 0, wallet: await this.view(wallet) };
  }

  async list(principal: Principal, query: ListMasterWalletsQueryDto): Promise<Page<MasterWalletDto> & { count: number }> {
    const qb = this.db.manager.createQueryBuilder(MasterWallet, 'm').where('m.organization_id = :org', { org: principal.organizationId });
    const [{ rows, nextCursor }, count] = await Promise.all([
      paginate(qb, query),
      this.db.manager.countBy(MasterWallet, { organizationId: principal.organizationId }),
    ]);
    const children = await this.childCounts(principal.organizationId);
    return { data: rows.map((m) => this.toDto(m, children.get(m.network) ?? 0)), next_cursor: nextCursor, count };
  }

  async get(principal: Principal, id: string): Promise<MasterWalletDto> {
    const wallet = isUuid(id) ? await this.db.manager.findOneBy(MasterWallet, { organizationId: principal.organizationId, id }) : null;
    if (!wallet) throw new DomainError(ErrorCode.WalletNotFound, 'No master wallet with that id in this organization');
    return this.view(wallet);
  }

  private async view(wallet: MasterWallet): Promise<MasterWalletDto> {
    const children = await this.childCounts(wallet.organizationId, wallet.network);
    return this.toDto(wallet, children.get(wallet.network) ?? 0);
  }

  private async childCounts(organizationId: string, network?: string): Promise<Map<string, number>> {
    const rows = await this.db.query<Array<{ network: string; n: string }>>(
      `SELECT network, count(*) AS n FROM addresses WHERE organization_id = $1 ${network ? 'AND network = $2' : ''} GROUP BY network`,
      network ? [organizationId, network] : [organizationId],
    );
    return new Map(rows.map((r) => [r.network, Number(r.n)]));
  }

  private toDto(wallet: MasterWallet, childCount: number): MasterWalletDto {
    const network = this.registry.byKey(wallet.network);
    return {
      id: wallet.id,
      organization_id: wallet.organizationId,
      chain: wallet.chain,
      network: network?.name ?? wallet.network.split(':')[1],
      address: wallet.address,
      label: wallet.label,
      is_active: wallet.isActive,
      child_count: childCount,
      created_at: wallet.createdAt.toISOString(),
      updated_at: wallet.updatedAt.toISOString(),
    };
  }
}
