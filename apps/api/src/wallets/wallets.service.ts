import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { assetTypeOf, CURRENCIES, FIAT_NETWORK_KEY, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, formatAmount, JobScheduler, Page } from '@app/common';
import { AppConfig } from '@app/config';
import { DuplicateKey, Transactions, Wallet, WalletsRepository } from '@app/db';
import { EventsService } from '@app/events';
import { PricesService, sumUsd } from '@app/prices';
import { BalanceFigures, WalletBalancesService } from '@app/ledger';
import {
  CreateWalletDto,
  ListWalletsQueryDto,
  UpdateWalletDto,
  WalletBalanceAmountDto,
  WalletBalanceDto,
  WalletDto,
} from './dto/wallet.dto';
import { toWalletDto } from './wallet.view';

export const PROVISIONING_JOB = 'wallet-provisioning';
const PROVISIONING_BATCH = 100;

@Injectable()
export class WalletsService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly wallets: WalletsRepository,
    private readonly events: EventsService,
    private readonly jobs: JobScheduler,
    private readonly config: AppConfig,
    private readonly balances: WalletBalancesService,
    private readonly registry: NetworkRegistry,
    private readonly prices: PricesService,
  ) {}

  onModuleInit(): void {
    this.jobs.every(PROVISIONING_JOB, this.config.jobsPollIntervalMs, () => this.provisionPending());
  }

  async create(principal: Principal, dto: CreateWalletDto): Promise<WalletDto> {
    for (let attempt = 0; ; attempt++) {
      let wallet: Wallet;
      try {
        wallet = await this.wallets.insert(principal.organizationId, {
          id: randomUUID(),
          name: dto.name ?? null,
          externalId: dto.external_id ?? null,
          endUserId: dto.end_user_id ?? null,
          umbrellaLinkId: dto.umbrella_link_id ?? null,
          metadata: dto.metadata ?? {},
          walletNumber: String(randomInt(1_000_000_000, 10_000_000_000)),
          status: 'pending',
          currency: dto.currency ?? null,
        });
      } catch (e) {
        if (e instanceof DuplicateKey && e.key === 'external_id') throw this.externalIdTaken(dto.external_id);
        if (e instanceof DuplicateKey && e.key === 'wallet_number' && attempt < 5) continue; // 1 in 9e9 per wallet: draw again
        throw e;
      }
      this.jobs.kick(PROVISIONING_JOB);
      return this.view(wallet, []); // a new wallet has no ledger account yet
    }
  }

  async list(principal: Principal, query: ListWalletsQueryDto): Promise<Page<WalletDto>> {
    const { rows, nextCursor } = await this.wallets.pageForOrg(
      principal.organizationId,
      { externalId: query.external_id, status: query.status, walletNumber: query.wallet_number },
      query,
    );
    const data = await this.views(principal.organizationId, rows);
    if (query.include_balances) await this.attachBalances(principal.organizationId, data);
    return { data, next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string, includeBalances = false): Promise<WalletDto> {
    const [view] = await this.views(principal.organizationId, [await this.require(principal, id)]);
    if (includeBalances) await this.attachBalances(principal.organizationId, [view]);
    return view;
  }

  private async attachBalances(organizationId: string, views: WalletDto[]): Promise<void> {
    const balances = await this.balances.forWallets(
      organizationId,
      views.map((v) => v.id),
    );
    for (const view of views) view.balances = balances.get(view.id)?.networks ?? [];
  }

  async update(principal: Principal, id: string, dto: UpdateWalletDto): Promise<WalletDto> {
    const updated = await this.transactions.run(async (manager) => {
      const wallet = await this.wallets.findByOrgAndId(principal.organizationId, id, manager, 'pessimistic_write');
      if (!wallet) throw DomainError.notFound('Wallet');
      if (dto.status !== undefined && dto.status !== wallet.status) {
        if (wallet.status === 'pending') {
          throw new DomainError(ErrorCode.WalletNotActive, 'The wallet is still being provisioned', {
            status: wallet.status,
          });
        }
        wallet.status = dto.status;
      }
      if (dto.name !== undefined) wallet.name = dto.name;
      if (dto.external_id !== undefined) wallet.externalId = dto.external_id;
      if (dto.end_user_id !== undefined) wallet.endUserId = dto.end_user_id;
      if (dto.umbrella_link_id !== undefined) wallet.umbrellaLinkId = dto.umbrella_link_id;
      if (dto.metadata !== undefined) wallet.metadata = dto.metadata;
      try {
        await this.wallets.saveChanges(principal.organizationId, wallet, manager);
      } catch (e) {
        if (e instanceof DuplicateKey && e.key === 'external_id')
          throw this.externalIdTaken(dto.external_id ?? undefined);
        throw e;
      }
      return wallet;
    });
    return (await this.views(principal.organizationId, [updated]))[0];
  }

  /**
   * The provisioning job: flips pending wallets to active and emits `wallet.created`, in one transaction per batch.
   * SKIP LOCKED lets any number of job replicas share the queue without taking the same wallet twice.
   */
  async provisionPending(): Promise<number> {
    return this.transactions.run(async (manager) => {
      const pending = await this.wallets.lockPendingBatch(PROVISIONING_BATCH, manager);
      for (const wallet of pending) {
        await this.wallets.markActive(wallet.organizationId, wallet.id, manager);
        await this.events.record(manager, wallet.organizationId, 'wallet.created', {
          wallet_id: wallet.id,
          external_id: wallet.externalId,
          wallet_number: wallet.walletNumber,
          currency: wallet.currency ?? null,
          asset_type: assetTypeOf(wallet.currency),
          status: 'active',
        });
      }
      return pending.length;
    });
  }

  private async require(principal: Principal, id: string): Promise<Wallet> {
    const wallet = await this.wallets.findByOrgAndId(principal.organizationId, id);
    if (!wallet) throw DomainError.notFound('Wallet');
    return wallet;
  }

  private externalIdTaken(externalId?: string): DomainError {
    return new DomainError(ErrorCode.Conflict, 'A wallet with this external_id already exists', {
      external_id: externalId ?? null,
    });
  }

  /** The wallets' views with their `balance` objects: one read of their ledger accounts for all of them. */
  private async views(organizationId: string, wallets: Wallet[]): Promise<WalletDto[]> {
    const accounts = await this.balances.accountsOf(
      organizationId,
      wallets.map((w) => w.id),
    );
    return wallets.map((w) => this.view(w, accounts.get(w.id) ?? []));
  }

  private view(
    wallet: Wallet,
    accounts: Array<{ network: string; asset: string; figures: BalanceFigures }>,
  ): WalletDto {
    return toWalletDto(wallet, this.config.walletProviderName, this.balanceOf(wallet, accounts));
  }

  /**
   * The wallet's balance object. A single-asset wallet: its currency's accounts summed over the networks it is held
   * on, in the major unit, the minor unit and USD. A multi-asset wallet: USD totals over all its accounts, null as
   * soon as one of its nonzero holdings has no USD value. `usdStale` says a null came from a stale price. The one
   * place a price enters a wallet's balance object.
   */
  private balanceOf(
    wallet: Wallet,
    accounts: Array<{ network: string; asset: string; figures: BalanceFigures }>,
  ): { balance: WalletBalanceDto; usdStale: boolean } {
    let usdStale = false;
    const usdOf = (asset: { symbol: string; decimals: number }, raw: bigint): string | null => {
      const value = this.prices.usd(asset, raw);
      usdStale ||= value.usd_stale;
      return value.usd;
    };
    let balance: WalletBalanceDto;
    if (wallet.currency) {
      const spec = CURRENCIES[wallet.currency];
      const held = accounts.filter(
        (a) =>
          a.asset === spec.symbol &&
          (spec.fiat ? a.network === FIAT_NETWORK_KEY : this.registry.decimalsOf(a.network, a.asset) === spec.decimals),
      );
      const entry = (figure: 'available' | 'pending' | 'ledger'): WalletBalanceAmountDto => {
        const raw = held.reduce((sum, a) => sum + a.figures[figure], 0n);
        return {
          [spec.code]: formatAmount(raw, spec.decimals),
          [spec.minorUnit]: raw.toString(),
          usd: usdOf(spec, raw),
        };
      };
      balance = { available: entry('available'), pending: entry('pending'), ledger: entry('ledger') };
    } else {
      // USD totals: null as soon as a holding has no current price (nothing is worth nothing, priced or not).
      const total = (figure: 'available' | 'pending' | 'ledger'): WalletBalanceAmountDto => ({
        usd: sumUsd(
          accounts
            .filter((a) => a.figures[figure] !== 0n)
            .map((a) =>
              usdOf({ symbol: a.asset, decimals: this.registry.decimalsOf(a.network, a.asset) }, a.figures[figure]),
            ),
        ),
      });
      balance = { available: total('available'), pending: total('pending'), ledger: total('ledger') };
    }
    return { balance, usdStale };
  }
}
