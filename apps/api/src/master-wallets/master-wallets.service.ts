import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { KeyringService, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, formatAmount, Page } from '@app/common';
import {
  AddressesRepository,
  MasterWallet,
  MasterWalletsRepository,
  OrganizationsRepository,
  WalletTransactionsRepository,
} from '@app/db';
import { PricesService } from '@app/prices';
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
    private readonly masters: MasterWalletsRepository,
    private readonly addresses: AddressesRepository,
    private readonly transactions: WalletTransactionsRepository,
    private readonly registry: NetworkRegistry,
    private readonly keyring: KeyringService,
    private readonly organizations: OrganizationsRepository,
    private readonly balances: MasterBalancesService,
    private readonly prices: PricesService,
  ) {}

  /** Returns the organization's one master wallet for (chain, network), creating it on first call. */
  async create(
    principal: Principal,
    dto: CreateMasterWalletDto,
  ): Promise<{ created: boolean; wallet: MasterWalletDto }> {
    const network = this.registry.resolve(dto.chain, dto.network);
    const account = await this.organizations.accountIndex(principal.organizationId);
    const created = await this.masters.insertIfAbsent(principal.organizationId, {
      id: randomUUID(),
      chain: network.chain,
      network: network.key,
      label: dto.label ?? null,
      address: this.keyring.address(network, account, 0),
    });
    const wallet = await this.masters.findByOrgAndNetworkOrFail(principal.organizationId, network.key);
    if (created) this.balances.kick();
    return { created, wallet: await this.view(wallet) };
  }

  async list(
    principal: Principal,
    query: ListMasterWalletsWithBalancesQueryDto,
  ): Promise<Page<MasterWalletDto> & { count: number }> {
    const [{ rows, nextCursor }, count] = await Promise.all([
      this.masters.listPage(principal.organizationId, query),
      this.masters.countForOrg(principal.organizationId),
    ]);
    const children = await this.childCounts(principal.organizationId);
    const balances = query.include_balances
      ? await this.balances.forMasters(principal.organizationId, rows)
      : undefined;
    return {
      data: rows.map((m) => ({
        ...this.toDto(m, children.get(m.network) ?? 0),
        ...(balances ? { balances: balances.get(m.id) ?? [] } : {}),
      })),
      next_cursor: nextCursor,
      count,
    };
  }

  async get(principal: Principal, id: string, includeBalances = false): Promise<MasterWalletDto> {
    const wallet = await this.require(principal, id);
    const view = await this.view(wallet);
    if (!includeBalances) return view;
    return {
      ...view,
      balances: (await this.balances.forMasters(principal.organizationId, [wallet])).get(wallet.id) ?? [],
    };
  }

  async tokenBalances(principal: Principal, id: string): Promise<MasterBalanceListDto> {
    const wallet = await this.require(principal, id);
    const data = (await this.balances.forMasters(principal.organizationId, [wallet])).get(wallet.id) ?? [];
    const held = data.filter((b) => b.balance_raw !== '0');
    return {
      data,
      total_usd: this.prices.total(held.map((b) => b.balance_usd)),
      usd_stale: held.some((b) => b.usd_stale),
    };
  }

  /**
   * The single-token balance, with the organization's unconfirmed deposits on the network as pending_in (funds on
   * their way to the organization, swept to this address once final on account-based chains) and the withdrawals
   * leaving this master address as pending_out.
   */
  async tokenBalance(
    principal: Principal,
    id: string,
    query: MasterTokenBalanceQueryDto,
  ): Promise<MasterTokenBalanceDto> {
    const wallet = await this.require(principal, id);
    const asset = this.registry.resolveAssetQuery(query);
    if (asset.network.key !== wallet.network) {
      throw new DomainError(ErrorCode.InvalidNetwork, `This master wallet is on ${wallet.network.replace(':', ' ')}`, {
        chain: wallet.chain,
      });
    }
    const row = ((await this.balances.forMasters(principal.organizationId, [wallet])).get(wallet.id) ?? []).find(
      (b) => b.token_symbol === asset.symbol,
    )!;
    const [pendingIn, pendingOut] = await Promise.all([
      this.transactions.sumPendingIncoming(wallet.organizationId, wallet.network, asset.symbol),
      this.transactions.sumPendingOutgoing(wallet.organizationId, wallet.network, asset.symbol),
    ]);
    const usd = this.prices.usdMany(asset, { pendingIn, pendingOut });
    return {
      chain: row.chain,
      network: row.network,
      token_symbol: row.token_symbol,
      balance: row.balance,
      balance_raw: row.balance_raw,
      pending_in: formatAmount(pendingIn, asset.decimals),
      pending_in_raw: pendingIn.toString(),
      pending_out: formatAmount(pendingOut, asset.decimals),
      pending_out_raw: pendingOut.toString(),
      is_stale: row.is_stale,
      last_synced: row.last_synced,
      balance_usd: row.balance_usd,
      pending_in_usd: usd.values.pendingIn,
      pending_out_usd: usd.values.pendingOut,
      usd_rate: usd.usd_rate,
      usd_rate_at: usd.usd_rate_at,
      usd_stale: usd.usd_stale,
    };
  }

  private async require(principal: Principal, id: string): Promise<MasterWallet> {
    const wallet = await this.masters.findByOrgAndId(principal.organizationId, id);
    if (!wallet) throw new DomainError(ErrorCode.WalletNotFound, 'No master wallet with that id in this organization');
    return wallet;
  }

  private async view(wallet: MasterWallet): Promise<MasterWalletDto> {
    const children = await this.childCounts(wallet.organizationId, wallet.network);
    return this.toDto(wallet, children.get(wallet.network) ?? 0);
  }

  private childCounts(organizationId: string, network?: string): Promise<Map<string, number>> {
    return this.addresses.countByNetwork(organizationId, network);
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
