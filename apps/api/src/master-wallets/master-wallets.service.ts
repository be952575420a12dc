import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@app/auth';
import { KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, formatAmount, Page, paginate } from '@app/common';
import { isUuid, MasterWallet, OrganizationsRepository } from '@app/db';
import {
  CreateMasterWalletDto,
  ListMasterWalletsWithBalancesQueryDto,
  MasterBalanceListDto,
  MasterTokenBalanceDto,
  MasterTokenBalanceQueryDto,
  MasterWalletDto,
} from './dto/master-wallet.dto';
import { MasterBalancesService } from './master-balances.service';

@Injectable()
export class MasterWalletsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly organizations: OrganizationsRepository,
    private readonly balances: MasterBalancesService,
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
    if (inserted.length) this.balances.kick();
    return { created: inserted.length > 0, wallet: await this.view(wallet) };
  }

  async list(principal: Principal, query: ListMasterWalletsWithBalancesQueryDto): Promise<Page<MasterWalletDto> & { count: number }> {
    const qb = this.db.manager.createQueryBuilder(MasterWallet, 'm').where('m.organization_id = :org', { org: principal.organizationId });
    const [{ rows, nextCursor }, count] = await Promise.all([
      paginate(qb, query),
      this.db.manager.countBy(MasterWallet, { organizationId: principal.organizationId }),
    ]);
    const children = await this.childCounts(principal.organizationId);
    const balances = query.include_balances ? await this.balances.forMasters(rows) : undefined;
    return {
      data: rows.map((m) => ({ ...this.toDto(m, children.get(m.network) ?? 0), ...(balances ? { balances: balances.get(m.id) ?? [] } : {}) })),
      next_cursor: nextCursor,
      count,
    };
  }

  async get(principal: Principal, id: string, includeBalances = false): Promise<MasterWalletDto> {
    const wallet = await this.require(principal, id);
    const view = await this.view(wallet);
    if (!includeBalances) return view;
    return { ...view, balances: (await this.balances.forMasters([wallet])).get(wallet.id) ?? [] };
  }

  async tokenBalances(principal: Principal, id: string): Promise<MasterBalanceListDto> {
    const wallet = await this.require(principal, id);
    return { data: (await this.balances.forMasters([wallet])).get(wallet.id) ?? [] };
  }

  /** Seed 004's single-token balance, with the withdrawals leaving this master address as pending_out. */
  async tokenBalance(principal: Principal, id: string, query: MasterTokenBalanceQueryDto): Promise<MasterTokenBalanceDto> {
    const wallet = await this.require(principal, id);
    const asset = this.registry.resolveAssetQuery(query);
    if (asset.network.key !== wallet.network) {
      throw new DomainError(ErrorCode.InvalidNetwork, `This master wallet is on ${wallet.network.replace(':', ' ')}`, { chain: wallet.chain });
    }
    const row = ((await this.balances.forMasters([wallet])).get(wallet.id) ?? []).find((b) => b.token_symbol === asset.symbol)!;
    const [{ out }] = await this.db.query<Array<{ out: string | null }>>(
      `SELECT sum(amount) AS out FROM wallet_transactions WHERE organization_id = $1 AND network = $2 AND asset = $3
       AND direction = 'outgoing' AND status IN ('pending', 'broadcast', 'confirming')`,
      [wallet.organizationId, wallet.network, asset.symbol],
    );
    const pendingOut = BigInt(out ?? '0');
    return {
      chain: row.chain,
      network: row.network,
      token_symbol: row.token_symbol,
      balance: row.balance,
      balance_raw: row.balance_raw,
      // Nothing but sweeps moves funds into a master address, and sweeps are booked when they confirm.
      pending_in: '0',
      pending_in_raw: '0',
      pending_out: formatAmount(pendingOut, asset.decimals),
      pending_out_raw: pendingOut.toString(),
      is_stale: row.is_stale,
      last_synced: row.last_synced,
    };
  }

  private async require(principal: Principal, id: string): Promise<MasterWallet> {
    const wallet = isUuid(id) ? await this.db.manager.findOneBy(MasterWallet, { organizationId: principal.organizationId, id }) : null;
    if (!wallet) throw new DomainError(ErrorCode.WalletNotFound, 'No master wallet with that id in this organization');
    return wallet;
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
