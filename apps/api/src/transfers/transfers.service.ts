import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '@app/auth';
import { Asset, ChainClients, checkAddress, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, FaultInjector, formatAmount, InlineCompletion, JobScheduler, SimulatedCrash, parseAmount, parseRawAmount, SqlParams } from '@app/common';
import { DestinationType, ExternalAccount, insertRows, isUniqueViolation, isUuid, queryPrepared, TransferBatch, Wallet, WalletsRepository, WalletTransaction } from '@app/db';
import { EventsService, EventType } from '@app/events';
import { isInsufficientFunds, isLedgerEntryMissing, LedgerService, toTransactionView, TransactionView, TransferInput, transactionEventData } from '@app/ledger';
import { BatchDestinationDto, BatchDto, CreateBatchDto, CreateTransferDto, TransferDestinationDto } from './dto/transfer.dto';

export const TRANSFER_JOB_PREFIX = 'transfers:';

/** The `Location` of a created transfer. */
export const transactionLocation = (id: string): string => `/v1/transactions/${id}`;

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

/** One send waiting in its wallet's lane (see `TransfersService.send`). */
interface Send {
  principal: Principal;
  walletId: string;
  asset: Asset;
  item: Item;
  extras: Extras;
  inline?: InlineCompletion;
}

interface Queued {
  send: Send;
  resolve: (view: TransactionView) => void;
  reject: (error: unknown) => void;
}

/**
 * The next group of a lane's waiting sends: the first MAX_GROUP in arrival order; the others stay for a later group.
 * A wallet may both send and receive in a group: the ledger then updates its account only if what it had before
 * covers its debits alone (see `LedgerService.ctes`), so a credit in the group never pays for a debit of the group.
 */
function takeGroup(waiting: Queued[]): Queued[] {
  return waiting.splice(0, MAX_GROUP);
}

/** What a statement of sends wrote: per send, its view, its Location and whether its idempotent reply was stored. */
interface Written {
  views: TransactionView[];
  headers: Array<Record<string, string>>;
  stored: boolean[];
}

/** Sends from one wallet written by one statement at most. */
const MAX_GROUP = 32;

/** Statements of one wallet's lane running at once. */
const LANE_STATEMENTS = 2;

/**
 * Group statement texts prepared per process. A group's text varies with its size and its accounts; a hot wallet
 * sending to a few destinations reuses a few dozen texts, and parsing and planning one costs about as much as
 * running it. Beyond this many (each is a cached plan in every pooled connection), groups run unprepared.
 */
const PREPARED_GROUP_TEXTS = 64;

interface Lane {
  running: number;
  waiting: Queued[];
}

/** Runs `task` and hands its outcome to the waiting caller. */
async function settle(q: Queued, task: () => Promise<TransactionView>): Promise<void> {
  try {
    q.resolve(await task());
  } catch (e) {
    q.reject(e);
  }
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
  /** Per wallet lane: its running statements and the sends waiting for them (see `send`). */
  private readonly lanes = new Map<string, Lane>();
  /** Group statement texts prepared so far (see PREPARED_GROUP_TEXTS). */
  private readonly preparedGroups = new Set<string>();

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

  async create(principal: Principal, walletId: string, dto: CreateTransferDto, idempotencyKey?: string, inline?: InlineCompletion): Promise<TransactionView> {
    // A transfer already made under the same business key is found by the unique indexes when the insert below
    // collides, or when a check fails (say the wallet was disabled since): no lookup on the happy path.
    const extras = { note: dto.note ?? null, externalId: dto.external_id ?? null, idempotencyKey: idempotencyKey ?? null };
    let asset: Asset, item: Item;
    try {
      // The wallets are not read first: the send's own statement checks them (`executeOne`).
      if (!isUuid(walletId)) throw DomainError.notFound('Wallet');
      asset = this.asset(dto.asset, dto.network);
      if (dto.destination_address !== undefined && dto.destination !== undefined) {
        throw new DomainError(ErrorCode.InvalidRequest, 'Send destination_address or destination, not both');
      }
      const destination: TransferDestinationDto | undefined = dto.destination ?? (dto.destination_address !== undefined ? { type: 'public_address', address: dto.destination_address } : undefined);
      if (!destination) throw new DomainError(ErrorCode.InvalidRequest, 'destination_address (or destination) is required', { field: 'destination_address' });
      item = await this.resolve(principal, walletId.toLowerCase(), asset, { ...destination, amount: dto.amount, amount_raw: dto.amount_raw }, 'checked-later');
    } catch (e) {
      // The source wallet's own error comes first, as if it had been read first.
      const first = e instanceof DomainError ? await this.walletsError(principal, walletId) : undefined;
      return this.orExisting(principal, first ?? e, extras);
    }
    try {
      const view = await this.send({ principal, walletId: walletId.toLowerCase(), asset, item, extras, inline });
      if (item.type !== 'wallet') this.kick(asset); // internal transfers are final already: nothing for the signer
      return view;
    } catch (e) {
      if (item.type !== 'wallet') this.kick(asset); // the send may have been written before the error (a lost reply)
      return this.orExisting(principal, e, extras);
    }
  }

  /**
   * A send that failed: the transfer made before under the same business key, if there is one (a concurrent or
   * earlier request committed first, or a check fails now that passed then); otherwise the error.
   */
  private async orExisting(principal: Principal, e: unknown, extras: Extras): Promise<TransactionView> {
    const keyed = e instanceof DomainError || isUniqueViolation(e, 'wallet_transactions_idempotency') || isUniqueViolation(e, 'wallet_transactions_external_id');
    const existing = keyed ? await this.existing(principal, extras.idempotencyKey ?? undefined, extras.externalId ?? undefined) : null;
    if (existing) return this.view(existing);
    throw e;
  }

  /** What is wrong with the source wallet (and an internal destination), read now; undefined if nothing. */
  private async walletsError(principal: Principal, walletId: string, destinationId?: string): Promise<DomainError | undefined> {
    try {
      const wallets = await this.wallets.findManyByOrgAndIds(principal.organizationId, destinationId ? [walletId, destinationId] : [walletId]);
      this.requireActive(wallets.get(walletId.toLowerCase()) ?? null);
      if (destinationId) this.requireDestination(wallets.get(destinationId.toLowerCase()) ?? null);
      return undefined;
    } catch (e) {
      if (e instanceof DomainError) return e;
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
        items.push(await this.resolve(principal, wallet.id, asset, destination));
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
        await this.execute(m, principal, wallet.id, asset, items, { note: dto.note ?? null, batchId: batch.id });
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
  private plan(principal: Principal, walletId: string, asset: Asset, items: Item[], extras: Extras): Plan {
    const m = this.db.manager;
    const network = asset.network;
    const plan: Plan = { rows: [], events: [], ledger: [], out: [] };
    const source = { organizationId: principal.organizationId, kind: 'wallet' as const, walletId, network: network.key, asset: asset.symbol };
    const now = new Date();
    for (const [index, item] of items.entries()) {
      const id = randomUUID();
      const ledgerId = randomUUID();
      const base = {
        organizationId: principal.organizationId,
        walletId,
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
  private async execute(m: EntityManager, principal: Principal, walletId: string, asset: Asset, items: Item[], extras: Extras): Promise<WalletTransaction[]> {
    const plan = this.plan(principal, walletId, asset, items, extras);
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
   * Sends go through one lane per process: internal sends per organization (network and asset), on-chain sends per
   * wallet. While two of a lane's statements run, the next sends wait here, and then go together as one statement
   * (`write`), which takes each ledger row once for the whole group instead of once per send. Internal sends of one
   * organization share a lane because they lock each other's rows (a wallet is debited by its own sends and credited
   * by others'). A group that cannot go through as a whole (its sums overdraw a wallet, a send repeats a business
   * key, or names a wallet that is not active) wrote nothing, and its sends then run one by one, each with its own
   * answer, exactly as if they had come alone.
   */
  private send(send: Send): Promise<TransactionView> {
    const { principal, walletId, asset, item } = send;
    const key = `${principal.organizationId}|${item.type === 'wallet' ? '*' : walletId}|${asset.network.key}|${asset.symbol}|${item.type === 'wallet' ? 'posted' : 'pending'}`;
    return new Promise<TransactionView>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { running: 0, waiting: [] }));
      lane.waiting.push({ send, resolve, reject });
      this.drain(key, lane);
    });
  }

  /**
   * Starts the lane's waiting sends as one group, unless LANE_STATEMENTS of the lane are running already: one holds
   * the wallet's row, the next waits for it in the database (so it starts the moment the row is free), and the rest
   * gather here into the next group.
   */
  private drain(key: string, lane: Lane): void {
    if (lane.running >= LANE_STATEMENTS || lane.waiting.length === 0) {
      if (lane.running === 0) this.lanes.delete(key);
      return;
    }
    const group = takeGroup(lane.waiting);
    lane.running++;
    void (group.length === 1 ? settle(group[0], () => this.executeOne(group[0].send)) : this.executeGroup(group)).finally(() => {
      lane.running--;
      this.drain(key, lane);
    });
  }

  private async executeGroup(group: Queued[]): Promise<void> {
    // One order for every group, so two groups inserting the same business keys cannot deadlock on the unique index.
    const order = (q: Queued) => `${q.send.extras.externalId ?? ''}\n${q.send.extras.idempotencyKey ?? ''}`;
    group.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    let written: Written | undefined;
    try {
      const result = await this.write(group.map((q) => q.send));
      if (typeof result !== 'string') written = result;
    } catch (e) {
      if (e instanceof SimulatedCrash) {
        for (const q of group) q.reject(e); // the process "died" before the commit: no send goes on
        return;
      }
      // No entry: an account row vanished (forget the cached ids, so that the sends below look them up again), or a
      // wallet's debits were not covered by what it held before the group (then forgetting only costs lookups).
      if (isLedgerEntryMissing(e)) this.ledger.forgetAccounts();
    }
    if (!written) {
      // Nothing of the group was written: each send on its own says what is wrong with it (or goes through). They run
      // at once, each its own statement (accounts locked in id order), so that one wallet's failing sends do not hold
      // up the others of the organization's lane.
      await Promise.all(group.map((q) => settle(q, () => this.executeOne(q.send))));
      return;
    }
    for (const [i, q] of group.entries()) {
      if (written.stored[i]) q.send.inline?.stored(written.views[i], written.headers[i]);
      await settle(q, () => {
        this.faults.check('transfer.after_commit'); // committed, but the reply is lost: a retry must return it
        return Promise.resolve(written.views[i]);
      });
    }
  }

  /**
   * A single send as one statement, which is its own transaction (see `write`). A wallet that is not there or not
   * active makes it write nothing, and a read then says which.
   */
  private async executeOne(send: Send, attempt = 1): Promise<TransactionView> {
    const { principal, walletId, asset, item, extras } = send;
    const destinationId = item.type === 'wallet' ? item.walletId! : undefined;
    let result: Written | 'no-account' | 'not-sent';
    try {
      result = await this.write([send]);
    } catch (e) {
      if (isInsufficientFunds(e)) throw new DomainError(ErrorCode.InsufficientFunds, 'Insufficient funds', { required_raw: item.amount.toString() });
      if (isLedgerEntryMissing(e)) this.ledger.forgetAccounts();
      throw e;
    }
    if (result === 'no-account') {
      // A first transfer into (or out of) an account that does not exist yet: created inside a transaction, so that
      // a refused send leaves nothing behind.
      const wrong = await this.walletsError(principal, walletId, destinationId);
      if (wrong) throw wrong;
      const [tx] = await this.db.transaction((m) => this.execute(m, principal, walletId, asset, [item], extras));
      return this.view(tx);
    }
    if (result === 'not-sent') {
      // Nothing was written: a wallet is not there or not active. Say which; if both are fine by now, send again.
      const wrong = await this.walletsError(principal, walletId, destinationId);
      if (wrong) throw wrong;
      if (attempt >= 3) throw new DomainError(ErrorCode.WalletNotActive, 'The wallet changed while sending; retry', {});
      return this.executeOne(send, attempt + 1);
    }
    // The key's row may be gone (reaped while a retry took it over): then the interceptor stores the response itself.
    if (result.stored[0]) send.inline?.stored(result.views[0], result.headers[0]);
    this.faults.check('transfer.after_commit'); // committed, but the reply is lost: a retry must return this transfer
    return result.views[0];
  }

  /**
   * Sends of one lane as one statement, which is its own transaction: the check that the source and any internal
   * destination wallets are the organization's and active, the transaction rows, the ledger entries and the balance
   * updates (each account once), the events and their deliveries, and each request's stored Idempotency-Key
   * response. There is no read before it nor BEGIN/COMMIT round trip, and nothing waits on the application while the
   * wallet's ledger row is locked. Any failure (a debit beyond `available` trips the ledger CHECK; a repeated
   * business key trips a unique index) fails all of it; 'not-sent' when a wallet check failed (nothing written);
   * 'no-account' when a ledger account does not exist yet (nothing run).
   */
  private async write(sends: Send[]): Promise<Written | 'no-account' | 'not-sent'> {
    const [{ principal, asset }] = sends;
    const org = principal.organizationId;
    const plans = sends.map((s) => this.plan(principal, s.walletId, asset, [s.item], s.extras));
    const ids = [...new Set(sends.flatMap((s) => [s.walletId, ...(s.item.type === 'wallet' ? [s.item.walletId!] : [])]))];
    const sql = new SqlParams();
    // The rows first, and only if the wallets are fine: a repeated business key fails the statement on its unique
    // index before any balance is touched.
    const walletsActive = `(SELECT count(*) FROM wallets WHERE organization_id = ${sql.add(org, 'uuid')} AND id = ANY(${sql.add(ids, 'uuid[]')}) AND status = 'active') = ${sql.add(ids.length, 'int')}`;
    const rows = `txs AS (${insertRows(this.db, WalletTransaction, plans.flatMap((p) => p.rows), sql, { returning: 'id', where: walletsActive })})`;
    const ledger = await this.ledger.ctes(this.db.manager, plans.map((p) => p.ledger[0].input), plans[0].ledger[0].phase, sql, 'ledger', 'txs');
    if (!ledger) return 'no-account';
    const views = plans.map((p) => this.view(p.out[0]));
    const headers = views.map((v) => ({ Location: transactionLocation(v.id) }));
    const events = this.events.ctes(sql, org, plans.flatMap((p) => this.eventItems(p, asset)), 'ev', undefined, 'txs');
    const stored = sends.map((s, i) => (s.inline ? s.inline.cte(sql, `idem${i}`, views[i], headers[i], 'ledger_entry') : undefined));
    // `entry` fails the statement (22012) if the rows went in but not every ledger entry was written.
    const statement = `WITH ${[rows, ...ledger.ctes, ...events.ctes, ...stored.filter((c) => c !== undefined)].join(',\n')}
      SELECT EXISTS (SELECT 1 FROM txs) AS sent, CASE WHEN EXISTS (SELECT 1 FROM txs) THEN ${ledger.entryCheck} END AS entry,
        ARRAY[${stored.map((c, i) => (c ? `EXISTS (SELECT 1 FROM idem${i})` : 'false')).join(', ')}] AS stored`;
    this.faults.check('transfer.before_commit'); // the statement is the commit: nothing is written before it
    const [result] = await queryPrepared<{ sent: boolean; stored: boolean[] }>(this.db, statement, sql.values, { prepare: this.preparable(statement, sends.length) });
    return result.sent ? { views, headers, stored: result.stored } : 'not-sent';
  }

  /** A single send's statement always; a group's while fewer than PREPARED_GROUP_TEXTS group texts were prepared. */
  private preparable(statement: string, sends: number): boolean {
    if (sends === 1 || this.preparedGroups.has(statement)) return true;
    if (this.preparedGroups.size >= PREPARED_GROUP_TEXTS) return false;
    this.preparedGroups.add(statement);
    return true;
  }

  private eventItems(plan: Plan, asset: Asset): Array<{ type: EventType; data: Record<string, unknown> }> {
    return plan.events.map((e) => ({ type: e.type, data: transactionEventData(e.tx, asset.decimals) }));
  }

  /**
   * Validates one destination and amount. 422 `invalid_address`/`invalid_amount`, 404 for unknown ids. A destination
   * wallet is read, unless `'checked-later'`: then the send's statement checks it (`executeOne`).
   */
  private async resolve(
    principal: Principal,
    walletId: string,
    asset: Asset,
    d: TransferDestinationDto & Pick<BatchDestinationDto, 'amount' | 'amount_raw'>,
    wallets?: 'checked-later',
  ): Promise<Item> {
    const network = asset.network;
    if ((d.amount === undefined) === (d.amount_raw === undefined)) {
      throw new DomainError(ErrorCode.InvalidAmount, 'Send amount (decimal) or amount_raw (base units), one of them', { field: 'amount' });
    }
    const amount = d.amount !== undefined ? parseAmount(d.amount, asset.decimals) : parseRawAmount(d.amount_raw);
    switch (d.type) {
      case 'wallet': {
        const id = d.id ?? d.wallet_id;
        const notFound = () => new DomainError(ErrorCode.NotFound, 'Destination wallet not found', { field: 'destination.id' });
        if (!id || !isUuid(id)) throw notFound();
        if (id.toLowerCase() === walletId) throw new DomainError(ErrorCode.InvalidAddress, 'The destination is the source wallet', { field: 'destination.id' });
        if (wallets !== 'checked-later') this.requireDestination(await this.wallets.findByOrgAndId(principal.organizationId, id));
        return { type: 'wallet', address: null, walletId: id.toLowerCase(), externalAccountId: null, amount };
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

  private requireDestination(wallet: Wallet | null): Wallet {
    if (!wallet) throw new DomainError(ErrorCode.NotFound, 'Destination wallet not found', { field: 'destination.id' });
    if (wallet.status !== 'active') throw new DomainError(ErrorCode.WalletNotActive, `The destination wallet is ${wallet.status}`, { field: 'destination.id' });
    return wallet;
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
