import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { DomainError, ErrorCode, JobScheduler, Page } from '@app/common';
import { AppConfig } from '@app/config';
import { DuplicateKey, Transactions, Wallet, WalletsRepository } from '@app/db';
import { EventsService } from '@app/events';
import { WalletBalancesService } from '@app/ledger';
import { CreateWalletDto, ListWalletsQueryDto, UpdateWalletDto, WalletDto } from './dto/wallet.dto';
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
        });
      } catch (e) {
        if (e instanceof DuplicateKey && e.key === 'external_id') throw this.externalIdTaken(dto.external_id);
        if (e instanceof DuplicateKey && e.key === 'wallet_number' && attempt < 5) continue; // 1 in 9e9 per wallet: draw again
        throw e;
      }
      this.jobs.kick(PROVISIONING_JOB);
      return this.view(wallet);
    }
  }

  async list(principal: Principal, query: ListWalletsQueryDto): Promise<Page<WalletDto>> {
    const { rows, nextCursor } = await this.wallets.pageForOrg(
      principal.organizationId,
      { externalId: query.external_id, status: query.status },
      query,
    );
    const data = rows.map((w) => this.view(w));
    if (query.include_balances) await this.attachBalances(principal.organizationId, data);
    return { data, next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string, includeBalances = false): Promise<WalletDto> {
    const view = this.view(await this.require(principal, id));
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
    return this.transactions.run(async (manager) => {
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
      return this.view(wallet);
    });
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

  private view(wallet: Wallet): WalletDto {
    return toWalletDto(wallet, this.config.walletProviderName);
  }
}
