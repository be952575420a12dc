import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@app/auth';
import { Asset, ChainClients, checkAddress, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, FaultInjector, formatAmount, JobScheduler, parseAmount, parseRawAmount, SqlParams } from '@app/common';
import { DestinationType, ExternalAccount, insertRows, isUniqueViolation, isUuid, queryPrepared, TransferBatch, Wallet, WalletsRepository, WalletTransaction } from '@app/db';
import { EventsService, EventType } from '@app/events';
import { isInsufficientFunds, isLedgerEntryMissing, LedgerService, toTransactionView, TransactionView, TransferInput, transactionEventData } from '@app/ledger';
import { BatchDestinationDto, BatchDto, CreateBatchDto, CreateTransferDto, TransferDestinationDto } from './dto/transfer.dto';

export const TRANSFER_JOB_PREFIX = 'transfers:';

interface Item {
  type: DestinationType;
  address: string | null;
  walletId: string | null;
  externalAccountId: string | null;
  amount: bigint;
}

interface Plan {
  rows: WalletTransaction[];
  events: Array<{ type: EventType; tx: WalletTransaction }>;
  ledger: Array<{ index: number; phase: 'posted' | 'pending'; input: TransferInput }>;
  out: WalletTransaction[];
}

interface Extras {
  note?: string | null;
  externalId?: string | null;
  idempotencyKey?: string | null;
  batchId?: string | null;
}

/** Adds the index of the failing batch item to an error, so a 422 names it. */
function atIndex(e: unknown, index: number | undefined): unknown {
  if (index === undefined || !(e instanceof DomainError)) return e;
  return new DomainError(e.code, `destinations[${index}]: ${e.message}`, { ...e.details, index }, e.headers);
}

/**
 * Sends from a wallet: internal (another wallet of the organization: an instant, posted ledger transfer) or on-chain
 * (a hold now; the transfer job signs, broadcasts and confirms it). A wallet is debited exactly its amount; network
 * fees go to the organization's fee account.
 */
@Injectable()
export class TransfersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wallets: WalletsRepository,
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
    private readonly ledger: LedgerService,
    private readonly events: EventsService,
    private readonly jobs: JobScheduler,
    private readonly faults: FaultInjector,
  ) {}

  async create(principal: Principal, walletId: string, dto: CreateTransferDto, idempotencyKey?: string): Promise<TransactionView> {
    // A transfer already made under the same business key is found by the unique indexes when the insert below
    // collides, or here when a check fails first (say the wallet was disabled since): no lookup on the happy path.
    let wallet: Wallet, asset: Asset, item: Item;
    try {
      const destination: TransferDestinationDto | undefined = dto.destination ?? (dto.destination_address !== undefined ? { type: 'public_address', address: dto.destination_address } : undefined);
      // The source and a destination wallet are read in one query.
      const destinationWalletId = destination?.type === 'wallet' ? (destination.id ?? destination.wallet_id) : undefined;
      const wallets = await this.wallets.findManyByOrgAndIds(principal.organizationId, destinationWalletId ? [walletId, destinationWalletId] : [walletId]);
      wallet = this.requireActive(wallets.get(walletId.toLowerCase()) ?? null);
      asset = this.asset(dto.asset, dto.network);
      if (dto.destination_address !== undefined && dto.destination !== undefined) {
        throw new DomainError(ErrorCode.InvalidRequest, 'Send destination_address or destination, not both');
      }
      if (!destination) throw new DomainError(ErrorCode.InvalidRequest, 'destination_address (or destination) is required', { field: 'destination_address' });
      item = await this.resolve(principal, wallet, asset, { ...destination, amount: dto.amount, amount_raw: dto.amount_raw }, wallets);
    } catch (e) {
      const existing = e instanceof DomainError ? await this.existing(principal, idempotencyKey, dto.external_id) : null;
      if (existing) return this.view(existing);
      throw e;
    }
    try {
      const tx = await this.executeOne(principal, wallet, asset, item, { note: dto.note ?? null, externalId: dto.external_id ?? null, idempotencyKey: idempotencyKey ?? null });
      if (item.type !== 'wallet') this.kick(asset); // internal transfers are final already: nothing for the signer
      return this.view(tx);
    } catch (e) {
      // A concurrent or later request with the same business key committed first: it is the same transfer.
      if (isUniqueViolation(e, 'wallet_transactions_idempotency') || isUniqueViolation(e, 'wallet_transactions_external_id')) {
        const winner = await this.existing(principal, idempotencyKey, dto.external_id);
        if (winner) return this.view(winner);
      }
      throw e;
    }
  }

  /** Seed 002: every destination validated and every amount held in one transaction, or nothing happens. */
  async batch(principal: Principal, walletId: string, dto: CreateBatchDto, idempotencyKey?: string): Promise<BatchDto> {
    if (idempotencyKey) {
      const done = await this.db.manager.findOneBy(TransferBatch, { organizationId: principal.organizationId, idempotencyKey });
      if (done) return this.batchView(done);
    }
    const wallet = await this.activeWallet(principal, walletId);
    const asset = this.asset(dto.asset, dto.network);
    const items: Item[] = [];
    for (const [index, destination] of dto.destinations.entries()) {
      try {
        items.push(await this.resolve(principal, wallet, asset, destination));
      } catch (e) {
        throw atIndex(e, index);
      }
    }
    const batch = Object.assign(new TransferBatch(), {
      id: randomUUID(),
      organizationId: principal.organizationId,
      walletId: wallet.id,
      network: asset.network.key,
      asset: asset.symbol,
      itemCount: items.length,
      total: items.reduce((sum, i) => sum + i.amount, 0n),
      idempotencyKey: idempotencyKey ?? null,
    });
    try {
      await this.db.transaction(async (m) => {
        await m.insert(TransferBatch, batch);
        await this.execute(m, principal, wallet, asset, items, { note: dto.note ?? null, batchId: batch.id });
      });
    } catch (e) {
      if (idempotencyKey && isUniqueViolation(e, 'transfer_batches_idempotency')) {
        const done = await this.db.manager.findOneByOrFail(TransferBatch, { organizationId: principal.organizationId, idempotencyKey });
        return this.batchView(done);
      }
      throw e;
    }
    if (items.some((i) => i.type !== 'wallet')) this.kick(asset);
    return this.batchView(await this.db.manager.findOneByOrFail(TransferBatch, { id: batch.id }));
  }

  async batchView(batch: TransferBatch): Promise<BatchDto> {
    const txs = await this.db.manager.find(WalletTransaction, { where: { batchId: batch.id, direction: 'outgoing' }, order: { createdAt: 'ASC', id: 'ASC' } });
    const decimals = this.decimals(batch.network, batch.asset);
    const ordered = txs.sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
    return {
      id: batch.id,
      wallet_id: batch.walletId,
      asset: batch.asset,
      network: batch.network.split(':')[0],
      total: formatAmount(batch.total, decimals),
      total_raw: batch.total.toString(),
      items: ordered.map((t) => ({
        index: t.batchIndex ?? 0,
        transaction_id: t.id,
        type: t.destinationType ?? 'public_address',
        address: t.toAddress,
        wallet_id: t.destinationWalletId,
        external_account_id: t.externalAccountId,
        amount: formatAmount(t.amount, decimals),
        amount_raw: t.amount.toString(),
        status: t.status,
      })),
      created_at: batch.createdAt.toISOString(),
    };
  }

  /** The rows, events and ledger operations of a send (no I/O). */
  private plan(principal: Principal, wallet: Wallet, asset: Asset, items: Item[], extras: Extras): Plan {
    const m = this.db.manager;
    const network = asset.network;
    const plan: Plan = { rows: [], events: [], ledger: [], out: [] };
    const source = { organizationId: principal.organizationId, kind: 'wallet' as const, walletId: wallet.id, network: network.key, asset: asset.symbol };
    const now = new Date();
    for (const [index, item] of items.entries()) {
      const id = randomUUID();
      const ledgerId = randomUUID();
      const base = {
        organizationId: principal.organizationId,
        walletId: wallet.id,
        direction: 'outgoing' as const,
        network: network.key,
        chain: network.chain,
        asset: asset.symbol,
        amount: item.amount,
        destinationType: item.type,
        destinationWalletId: item.walletId,
        externalAccountId: item.externalAccountId,
        note: extras.note ?? null,
        externalId: extras.externalId ?? null,
        idempotencyKey: extras.idempotencyKey ?? null,
        batchId: extras.batchId ?? null,
        batchIndex: extras.batchId ? index : null,
        ledgerTransferId: ledgerId,
        createdAt: now,
        updatedAt: now,
      };
      if (item.type === 'wallet') {
        // Internal: off-chain and instant; both sides are final at once.
        const inId = randomUUID();
        const sent = m.create(WalletTransaction, { ...base, id, status: 'confirmed', requiredConfirmations: 0, counterpartId: inId, confirmedAt: now });
        const received = m.create(WalletTransaction, {
          id: inId,
          organizationId: principal.organizationId,
          walletId: item.walletId!,
          direction: 'incoming',
          status: 'confirmed',
          network: network.key,
          chain: network.chain,
          asset: asset.symbol,
          amount: item.amount,
          requiredConfirmations: 0,
          counterpartId: id,
          ledgerTransferId: ledgerId,
          destinationType: 'wallet',
          destinationWalletId: item.walletId,
          note: extras.note ?? null,
          confirmedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        plan.rows.push(sent, received);
        plan.events.push({ type: 'wallet_transaction.confirmed', tx: sent }, { type: 'wallet.incoming_transaction', tx: received }, { type: 'wallet_transaction.confirmed', tx: received });
        plan.ledger.push({ index, phase: 'posted', input: { id: ledgerId, debit: source, credit: { ...source, walletId: item.walletId! }, amount: item.amount, reference: `internal:${id}` } });
        plan.out.push(sent);
      } else {
        const pending = m.create(WalletTransaction, {
          ...base,
          id,
          status: 'pending',
          subStatus: 'queued',
          toAddress: item.address,
          requiredConfirmations: network.confirmations,
          feeAsset: network.assets.find((a) => a.native)?.symbol ?? null,
        });
        plan.rows.push(pending);
        plan.ledger.push({
          index,
          phase: 'pending',
          input: {
            id: ledgerId,
            debit: source,
            credit: { organizationId: principal.organizationId, kind: 'external', network: network.key, asset: asset.symbol },
            amount: item.amount,
            reference: `withdrawal:${id}`,
          },
        });
        plan.out.push(pending);
      }
    }
    return plan;
  }

  /**
   * A batch, in the caller's transaction: the transactions and their events first and the ledger last, just before
   * the commit, so the ledger row locks are held for as short as possible.
   */
  private async execute(m: EntityManager, principal: Principal, wallet: Wallet, asset: Asset, items: Item[], extras: Extras): Promise<WalletTransaction[]> {
    const plan = this.plan(principal, wallet, asset, items, extras);
    await m.insert(WalletTransaction, plan.rows);
    await this.events.recordMany(m, principal.organizationId, this.eventItems(plan, asset));
    for (const op of plan.ledger) {
      try {
        await (op.phase === 'posted' ? this.ledger.transfer(m, op.input) : this.ledger.pending(m, op.input));
      } catch (e) {
        throw atIndex(e, extras.batchId ? op.index : undefined);
      }
    }
    this.faults.check('transfer.before_commit');
    return plan.out;
  }

  /**
   * A single send as one statement, which is its own transaction: the ledger entry and both balance updates, the
   * transaction rows, the events and their deliveries. Nothing waits on the application while the source wallet's
   * ledger row is locked (a hot wallet's sends queue only for the statement itself), and there is no BEGIN/COMMIT
   * round trip. Any failure (a debit beyond `available` trips the ledger CHECK; a repeated business key trips a
   * unique index) fails all of it.
   */
  private async executeOne(principal: Principal, wallet: Wallet, asset: Asset, item: Item, extras: Extras): Promise<WalletTransaction> {
    const plan = this.plan(principal, wallet, asset, [item], extras);
    const [op] = plan.ledger;
    const sql = new SqlParams();
    // The rows first: a repeated business key fails the statement on its unique index before any balance is touched.
    const rows = `txs AS (${insertRows(this.db, WalletTransaction, plan.rows, sql, 'id')})`;
    const ledger = await this.ledger.ctes(this.db.manager, op.input, op.phase, sql, 'ledger', 'txs');
    if (!ledger) {
      // A first transfer into (or out of) an account that does not exist yet: created inside a transaction, so that
      // a refused send leaves nothing behind.
      const [tx] = await this.db.transaction((m) => this.execute(m, principal, wallet, asset, [item], extras));
      return tx;
    }
    const events = this.events.ctes(sql, principal.organizationId, this.eventItems(plan, asset), 'ev');
    const statement = `WITH ${[rows, ...ledger.ctes, ...events.ctes].join(',\n')} SELECT ${ledger.entryCheck}`;
    this.faults.check('transfer.before_commit'); // the statement is the commit: nothing is written before it
    try {
      await queryPrepared(this.db, statement, sql.values);
    } catch (e) {
      if (isInsufficientFunds(e)) throw new DomainError(ErrorCode.InsufficientFunds, 'Insufficient funds', { required_raw: item.amount.toString() });
      if (isLedgerEntryMissing(e)) this.ledger.forgetAccounts();
      throw e;
    }
    this.faults.check('transfer.after_commit'); // committed, but the reply is lost: a retry must return this transfer
    return plan.out[0];
  }

  private eventItems(plan: Plan, asset: Asset): Array<{ type: EventType; data: Record<string, unknown> }> {
    return plan.events.map((e) => ({ type: e.type, data: transactionEventData(e.tx, asset.decimals) }));
  }

  /** Validates one destination and amount. 422 `invalid_address`/`invalid_amount`, 404 for unknown ids. */
  private async resolve(
    principal: Principal,
    wallet: Wallet,
    asset: Asset,
    d: TransferDestinationDto & Pick<BatchDestinationDto, 'amount' | 'amount_raw'>,
    prefetched?: Map<string, Wallet>,
  ): Promise<Item> {
    const network = asset.network;
    if ((d.amount === undefined) === (d.amount_raw === undefined)) {
      throw new DomainError(ErrorCode.InvalidAmount, 'Send amount (decimal) or amount_raw (base units), one of them', { field: 'amount' });
    }
    const amount = d.amount !== undefined ? parseAmount(d.amount, asset.decimals) : parseRawAmount(d.amount_raw);
    switch (d.type) {
      case 'wallet': {
        const id = d.id ?? d.wallet_id;
        const target = !id ? null : (prefetched?.get(id.toLowerCase()) ?? (await this.wallets.findByOrgAndId(principal.organizationId, id)));
        if (!target) throw new DomainError(ErrorCode.NotFound, 'Destination wallet not found', { field: 'destination.id' });
        if (target.id === wallet.id) throw new DomainError(ErrorCode.InvalidAddress, 'The destination is the source wallet', { field: 'destination.id' });
        if (target.status !== 'active') throw new DomainError(ErrorCode.WalletNotActive, `The destination wallet is ${target.status}`, { field: 'destination.id' });
        return { type: 'wallet', address: null, walletId: target.id, externalAccountId: null, amount };
      }
      case 'external_account': {
        this.requireOnChain(asset);
        const account = d.id && isUuid(d.id) ? await this.db.manager.findOneBy(ExternalAccount, { organizationId: principal.organizationId, id: d.id }) : null;
        if (!account || account.deletedAt) throw new DomainError(ErrorCode.NotFound, 'External account not found', { field: 'destination.id' });
        if (account.network !== network.key) {
          throw new DomainError(ErrorCode.InvalidAddress, `The external account is on ${account.chain}, not ${network.chain}`, { field: 'destination.id' });
        }
        return { type: 'external_account', address: account.address, walletId: null, externalAccountId: account.id, amount };
      }
      case 'public_address': {
        this.requireOnChain(asset);
        const raw = d.address ?? d.public_address;
        if (!raw) throw new DomainError(ErrorCode.InvalidAddress, 'The destination address is missing', { field: 'destination_address' });
        const check = checkAddress(raw, network);
        if (!check.valid || !check.normalized) {
          throw new DomainError(ErrorCode.InvalidAddress, `Not a valid ${network.chain} address: ${check.reason ?? 'invalid'}`, { field: 'destination_address' });
        }
        return { type: 'public_address', address: check.normalized, walletId: null, externalAccountId: null, amount };
      }
    }
  }

  private asset(symbol: string, chain: string): Asset {
    const network = this.registry.byChain(chain.toLowerCase());
    const asset = network?.assets.find((a) => a.symbol === symbol.toUpperCase() && (a.receive || a.native));
    if (!asset) {
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `${symbol} on ${chain} is not supported`, { asset: symbol, network: chain, supported: this.registry.receivePairs() });
    }
    return asset;
  }

  private requireOnChain(asset: Asset): void {
    if (!this.clients.evm(asset.network) || (!asset.native && !asset.contract)) {
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `On-chain sends of ${asset.symbol} on ${asset.network.chain} are not available on this deployment`, {
        asset: asset.symbol,
        network: asset.network.chain,
      });
    }
  }

  private async activeWallet(principal: Principal, walletId: string): Promise<Wallet> {
    return this.requireActive(await this.wallets.findByOrgAndId(principal.organizationId, walletId));
  }

  private requireActive(wallet: Wallet | null): Wallet {
    if (!wallet) throw DomainError.notFound('Wallet');
    if (wallet.status !== 'active') throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${wallet.status}`, { status: wallet.status });
    return wallet;
  }

  /** A transfer made before under the same business key (the Idempotency-Key it stored, or external_id). */
  private async existing(principal: Principal, idempotencyKey?: string, externalId?: string): Promise<WalletTransaction | null> {
    if (!idempotencyKey && !externalId) return null;
    const found = await this.db.manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(`t.organization_id = :org AND t.direction = 'outgoing' AND (t.idempotency_key = :key OR t.external_id = :ext)`, {
        org: principal.organizationId,
        key: idempotencyKey ?? null,
        ext: externalId ?? null,
      })
      .getMany();
    return found.find((t) => idempotencyKey && t.idempotencyKey === idempotencyKey) ?? found[0] ?? null;
  }

  private kick(asset: Asset): void {
    this.jobs.kick(`${TRANSFER_JOB_PREFIX}${asset.network.key}`);
  }

  private decimals(networkKey: string, symbol: string): number {
    const network = this.registry.byKey(networkKey);
    return (network && this.registry.findAsset(network, symbol)?.decimals) ?? 0;
  }

  view(t: WalletTransaction): TransactionView {
    return toTransactionView(t, this.decimals(t.network, t.asset), this.decimals(t.network, t.feeAsset ?? ''));
  }

}
