import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import {
  Asset,
  ChainClients,
  checkAddress,
  CURRENCIES,
  dustThreshold,
  FIAT_CHAIN,
  FIAT_NETWORK_KEY,
  FiatAsset,
  NetworkRegistry,
  scriptOf,
  USD_FIAT,
} from '@app/chains';
import {
  DomainError,
  ErrorCode,
  FaultInjector,
  formatAmount,
  IdempotentRequest,
  JobScheduler,
  parseAmount,
  parseRawAmount,
  sumAmounts,
} from '@app/common';
import {
  ExternalAccountsRepository,
  isUuid,
  Transactions,
  TransferBatch,
  TransfersRepository,
  Wallet,
  WalletsRepository,
  WalletTransaction,
  WalletCurrencyCode,
  WalletTransactionsRepository,
  WithdrawalsRepository,
} from '@app/db';
import { LedgerService, Refusal, toTransactionView, transactionEventData, TransactionView } from '@app/ledger';
import { PricesService, UsdValue } from '@app/prices';
import {
  BatchDestinationDto,
  BatchDto,
  CreateBatchDto,
  CreateTransferDto,
  TransferDestinationDto,
} from './dto/transfer.dto';
import { planSend, SendExtras, SendItem } from './send-plan';

export const TRANSFER_JOB_PREFIX = 'transfers:';

/** The `Location` of a created transfer. */
export const transactionLocation = (id: string): string => `/v1/transactions/${id}`;

/** Times a send whose wallets changed while it was written is tried again before giving up. */
const ATTEMPTS = 3;

/** The asset of a send: on a chain (the registry's), or USD of the fiat ledger (wallet to wallet only). */
type SendableAsset = Asset | FiatAsset;

const isFiat = (asset: SendableAsset): asset is FiatAsset => asset.network.key === FIAT_NETWORK_KEY;

/** Wallet currencies read, per organization and wallet: a wallet's currency never changes once it is created. */
const CURRENCY_CACHE_SIZE = 100_000;

/** Adds the index of the failing batch item to an error, so a 422 names it. */
function atIndex(e: unknown, index: number | undefined): unknown {
  if (index === undefined || !(e instanceof DomainError)) return e;
  return new DomainError(e.code, `destinations[${index}]: ${e.message}`, { ...e.details, index }, e.headers);
}

/**
 * Sends from a wallet: internal (another wallet of the organization: an instant, posted ledger transfer) or on-chain
 * (a hold now; the transfer job signs, broadcasts and confirms it). A send is validated and planned here
 * (`planSend`) and written as one ledger posting together with its rows, events and stored reply.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly wallets: WalletsRepository,
    private readonly transfers: TransfersRepository,
    private readonly externalAccounts: ExternalAccountsRepository,
    private readonly registry: NetworkRegistry,
    private readonly clients: ChainClients,
    private readonly ledger: LedgerService,
    private readonly jobs: JobScheduler,
    private readonly faults: FaultInjector,
    private readonly transactions: Transactions,
    private readonly withdrawals: WithdrawalsRepository,
    private readonly rows: WalletTransactionsRepository,
    private readonly prices: PricesService,
  ) {}

  private readonly currencyCache = new Map<string, WalletCurrencyCode | null>();

  async create(
    principal: Principal,
    walletId: string,
    dto: CreateTransferDto,
    request?: IdempotentRequest,
  ): Promise<TransactionView> {
    // A transfer made before under the same business key is found when the posting repeats it, or when a check
    // fails (say the wallet was disabled since): no lookup on the happy path.
    const extras: SendExtras = {
      note: dto.note ?? null,
      feeLevel: dto.fee_level ?? null,
      externalId: dto.external_id ?? null,
      idempotencyKey: request?.key ?? null,
    };
    const source = walletId.toLowerCase();
    let asset: SendableAsset, item: SendItem;
    try {
      // The wallets are not read first: the posting checks them.
      if (!isUuid(walletId)) throw DomainError.notFound('Wallet');
      asset = this.asset(dto.asset, dto.network);
      if (dto.destination_address !== undefined && dto.destination !== undefined) {
        throw new DomainError(ErrorCode.InvalidRequest, 'Send destination_address or destination, not both');
      }
      const destination: TransferDestinationDto | undefined =
        dto.destination ??
        (dto.destination_address !== undefined
          ? { type: 'public_address', address: dto.destination_address }
          : undefined);
      if (!destination)
        throw new DomainError(ErrorCode.InvalidRequest, 'destination_address (or destination) is required', {
          field: 'destination_address',
        });
      item = await this.resolve(
        principal,
        source,
        asset,
        { ...destination, amount: dto.amount, amount_raw: dto.amount_raw },
        'checked-later',
      );
      await this.requireCurrencies(principal, source, asset, [item]);
    } catch (e) {
      // The source wallet's own error comes first, as if it had been read first.
      const first = e instanceof DomainError ? await this.walletsError(principal, walletId) : undefined;
      return this.orExisting(principal, first ?? e, extras);
    }
    const { posting, out } = planSend(principal.organizationId, source, asset, [item], {
      ...extras,
      prices: this.prices,
    });
    const view = this.view(out[0]);
    const headers = { Location: transactionLocation(view.id) };
    for (let attempt = 1; ; attempt++) {
      this.faults.check('transfer.before_commit'); // the posting is the commit: nothing is written before it
      const result = await this.ledger.commit({ ...posting, reply: request?.reply(view, headers) });
      if (result.ok) {
        if (result.replyStored) request?.stored();
        if (item.type !== 'wallet') this.kick(asset); // internal transfers are final already: nothing for the signer
        this.faults.check('transfer.after_commit'); // committed, but the reply is lost: a retry must return this transfer
        return view;
      }
      const error = await this.refusalError(principal, result.refusal, source, [item]);
      if (error || attempt >= ATTEMPTS) return this.orExisting(principal, error ?? this.changedWhileSending(), extras);
      // The wallets were fine when read after the refusal: one of them changed meanwhile. Send again.
    }
  }

  /** A batch: every destination validated and every amount held in one posting, or nothing happens. */
  async batch(
    principal: Principal,
    walletId: string,
    dto: CreateBatchDto,
    request?: IdempotentRequest,
  ): Promise<BatchDto> {
    const org = principal.organizationId;
    if (request) {
      const done = await this.transfers.findBatchByKey(org, request.key);
      if (done) return this.batchView(done, await this.transfers.batchItems(org, done.id));
    }
    const wallet = await this.activeWallet(principal, walletId);
    const asset = this.asset(dto.asset, dto.network);
    const items: SendItem[] = [];
    for (const [index, destination] of dto.destinations.entries()) {
      try {
        items.push(await this.resolve(principal, wallet.id, asset, destination));
      } catch (e) {
        throw atIndex(e, index);
      }
    }
    await this.requireCurrencies(principal, wallet.id, asset, items);
    const batch = Object.assign(new TransferBatch(), {
      id: randomUUID(),
      organizationId: org,
      walletId: wallet.id,
      network: asset.network.key,
      asset: asset.symbol,
      itemCount: items.length,
      total: sumAmounts(
        items.map((i) => i.amount),
        'destinations',
      ),
      idempotencyKey: request?.key ?? null,
      createdAt: new Date(),
    });
    const { posting, out } = planSend(org, wallet.id, asset, items, {
      note: dto.note ?? null,
      feeLevel: dto.fee_level ?? null,
      batch,
      prices: this.prices,
    });
    const view = this.batchView(batch, out);
    for (let attempt = 1; ; attempt++) {
      this.faults.check('transfer.before_commit');
      const result = await this.ledger.commit({ ...posting, reply: request?.reply(view) });
      if (result.ok) {
        if (result.replyStored) request?.stored();
        if (items.some((i) => i.type !== 'wallet')) this.kick(asset);
        return view;
      }
      if (result.refusal.code === 'duplicate' && request) {
        const done = await this.transfers.findBatchByKey(org, request.key);
        if (done) return this.batchView(done, await this.transfers.batchItems(org, done.id));
      }
      const error = await this.refusalError(principal, result.refusal, wallet.id, items);
      if (error) throw result.refusal.code === 'insufficient_funds' ? atIndex(error, result.refusal.transfer) : error;
      if (attempt >= ATTEMPTS) throw this.changedWhileSending();
    }
  }

  /**
   * Cancels an on-chain send that is not signed yet (`queued` or `waiting_for_funds`): `failed` with reason
   * `canceled`, the hold voided, `wallet_transaction.failed`. Canceling it again answers the same; a send signed
   * meanwhile (the signer holds its row while it signs) is 409.
   */
  async cancel(principal: Principal, id: string): Promise<TransactionView> {
    const org = principal.organizationId;
    if (!isUuid(id)) throw DomainError.notFound('Transaction');
    const canceled = await this.transactions.run(async (m) => {
      const row = await this.withdrawals.lockUnsigned(m, org, id.toLowerCase());
      if (!row) return null;
      Object.assign(row, { status: 'failed', subStatus: null, failureReason: 'canceled', nextAttemptAt: null });
      await this.withdrawals.save(m, row);
      await this.ledger.commitAllWithin(m, [
        {
          organizationId: org,
          transfers: [{ phase: 'void_pending', pendingId: row.ledgerTransferId! }],
          events: [
            {
              type: 'wallet_transaction.failed',
              data: transactionEventData(row, this.decimals(row.network, row.asset), this.usdNow(row)),
            },
          ],
        },
      ]);
      return row;
    });
    if (canceled) return this.view(canceled);
    const tx = await this.rows.findByOrgAndId(org, id.toLowerCase());
    if (!tx) throw DomainError.notFound('Transaction');
    if (tx.status === 'failed' && tx.failureReason === 'canceled') return this.view(tx);
    const state = tx.subStatus ? `${tx.status}/${tx.subStatus}` : tx.status;
    throw new DomainError(
      ErrorCode.Conflict,
      `Only an on-chain send not signed yet can be canceled (this one is ${tx.direction}, ${state})`,
      { status: tx.status, sub_status: tx.subStatus },
    );
  }

  /** A batch as it stands: each item's status and, once signed, its transaction. */
  async getBatch(principal: Principal, walletId: string, batchId: string): Promise<BatchDto> {
    const org = principal.organizationId;
    const batch = isUuid(batchId) && isUuid(walletId) ? await this.transfers.findBatch(org, batchId) : null;
    if (!batch || batch.walletId !== walletId.toLowerCase()) throw DomainError.notFound('Batch');
    return this.batchView(batch, await this.transfers.batchItems(org, batch.id));
  }

  private batchView(batch: TransferBatch, txs: WalletTransaction[]): BatchDto {
    const decimals = this.decimals(batch.network, batch.asset);
    const onChain = txs.filter((t) => t.destinationType !== 'wallet');
    const hashes = new Set(onChain.map((t) => t.txHash));
    const oneTx = this.registry.byKey(batch.network)?.family === 'bitcoin' && hashes.size === 1;
    return {
      id: batch.id,
      wallet_id: batch.walletId,
      asset: batch.asset,
      network: batch.network.split(':')[0],
      total: formatAmount(batch.total, decimals),
      total_raw: batch.total.toString(),
      items: txs.map((t) => ({
        index: t.batchIndex ?? 0,
        transaction_id: t.id,
        type: t.destinationType ?? 'public_address',
        address: t.toAddress ?? null,
        wallet_id: t.destinationWalletId ?? null,
        external_account_id: t.externalAccountId ?? null,
        amount: formatAmount(t.amount, decimals),
        amount_raw: t.amount.toString(),
        status: t.status,
        tx_hash: t.destinationType === 'wallet' ? null : (t.txHash ?? null),
        output_index: t.destinationType === 'wallet' || !t.txHash ? null : (t.logIndex ?? null),
      })),
      tx_hash: oneTx ? (onChain[0].txHash ?? null) : null,
      created_at: batch.createdAt.toISOString(),
    };
  }

  /**
   * What a refused posting means for the caller, as an error; undefined when its wallets turned out fine when read
   * now (one of them changed while the posting was written).
   */
  private async refusalError(
    principal: Principal,
    refusal: Refusal,
    walletId: string,
    items: SendItem[],
  ): Promise<DomainError | Error | undefined> {
    switch (refusal.code) {
      case 'insufficient_funds':
        return new DomainError(ErrorCode.InsufficientFunds, 'Insufficient funds', {
          required_raw: (items[refusal.transfer] ?? items[0]).amount.toString(),
        });
      case 'wallet_unavailable':
        return this.walletsError(
          principal,
          walletId,
          items.filter((i) => i.type === 'wallet').map((i) => i.walletId!),
        );
      case 'duplicate':
        // A business key was used before: `orExisting` answers the transfer made under it.
        return new DomainError(ErrorCode.Conflict, 'A transfer with this external_id exists already', {
          field: 'external_id',
        });
      case 'hold_not_found':
      case 'hold_resolved':
      case 'exceeds_hold':
        return new Error(`a send was refused ${refusal.code}`);
    }
  }

  private changedWhileSending(): DomainError {
    return new DomainError(ErrorCode.WalletNotActive, 'The wallet changed while sending; retry', {});
  }

  /**
   * A send that failed: the transfer made before under the same business key, if there is one (a concurrent or
   * earlier request committed first, or a check fails now that passed then); otherwise the error.
   */
  private async orExisting(principal: Principal, e: unknown, extras: SendExtras): Promise<TransactionView> {
    const existing =
      e instanceof DomainError ? await this.transfers.findSendByBusinessKey(principal.organizationId, extras) : null;
    if (existing) return this.view(existing);
    throw e;
  }

  /** What is wrong with the source wallet (and internal destinations), read now; undefined if nothing. */
  private async walletsError(
    principal: Principal,
    walletId: string,
    destinations: string[] = [],
  ): Promise<DomainError | undefined> {
    try {
      const wallets = await this.wallets.findManyByOrgAndIds(principal.organizationId, [walletId, ...destinations]);
      this.requireActive(wallets.get(walletId.toLowerCase()) ?? null);
      for (const id of destinations) this.requireDestination(wallets.get(id.toLowerCase()) ?? null);
      return undefined;
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
  }

  /**
   * Validates one destination and amount. 422 `invalid_address`/`invalid_amount`, 404 for unknown ids. A destination
   * wallet is read, unless `'checked-later'`: then the posting checks it.
   */
  private async resolve(
    principal: Principal,
    walletId: string,
    asset: SendableAsset,
    d: TransferDestinationDto & Pick<BatchDestinationDto, 'amount' | 'amount_raw'>,
    wallets?: 'checked-later',
  ): Promise<SendItem> {
    const network = asset.network;
    if ((d.amount === undefined) === (d.amount_raw === undefined)) {
      throw new DomainError(ErrorCode.InvalidAmount, 'Send amount (decimal) or amount_raw (base units), one of them', {
        field: 'amount',
      });
    }
    const amount = d.amount !== undefined ? parseAmount(d.amount, asset.decimals) : parseRawAmount(d.amount_raw);
    switch (d.type) {
      case 'wallet': {
        let id = d.id ?? d.wallet_id;
        if (d.wallet_number !== undefined && id !== undefined) {
          throw new DomainError(
            ErrorCode.InvalidRequest,
            'Name the destination wallet by id or by wallet_number, not both',
            {
              field: 'destination.wallet_number',
            },
          );
        }
        // A wallet number, or an integer-looking wallet id (an id of digits only is a wallet number).
        const number = d.wallet_number ?? (id !== undefined && /^[0-9]+$/.test(id) ? id : undefined);
        const field = d.wallet_number !== undefined ? 'destination.wallet_number' : 'destination.id';
        const notFound = () => new DomainError(ErrorCode.NotFound, 'Destination wallet not found', { field });
        let found: Wallet | null | undefined;
        if (number !== undefined) {
          found = await this.wallets.findByOrgAndWalletNumber(principal.organizationId, number);
          if (!found) throw notFound();
          id = found.id;
        }
        if (!id || !isUuid(id)) throw notFound();
        if (id.toLowerCase() === walletId)
          throw new DomainError(ErrorCode.InvalidAddress, 'The destination is the source wallet', { field });
        if (wallets !== 'checked-later')
          this.requireDestination(found ?? (await this.wallets.findByOrgAndId(principal.organizationId, id)));
        return { type: 'wallet', address: null, walletId: id.toLowerCase(), externalAccountId: null, amount };
      }
      case 'external_account': {
        if (isFiat(asset)) throw this.fiatOffChain();
        this.requireOnChain(asset);
        const account =
          d.id && isUuid(d.id)
            ? await this.externalAccounts.findActiveByOrgAndId(principal.organizationId, d.id)
            : null;
        if (!account)
          throw new DomainError(ErrorCode.NotFound, 'External account not found', { field: 'destination.id' });
        if (account.network !== network.key) {
          throw new DomainError(
            ErrorCode.InvalidAddress,
            `The external account is on ${account.chain}, not ${network.chain}`,
            { field: 'destination.id' },
          );
        }
        this.requireAboveDust(asset, account.address, amount);
        return {
          type: 'external_account',
          address: account.address,
          walletId: null,
          externalAccountId: account.id,
          amount,
        };
      }
      case 'public_address': {
        if (isFiat(asset)) throw this.fiatOffChain();
        this.requireOnChain(asset);
        const raw = d.address ?? d.public_address;
        if (!raw)
          throw new DomainError(ErrorCode.InvalidAddress, 'The destination address is missing', {
            field: 'destination_address',
          });
        const check = checkAddress(raw, asset.network);
        if (!check.valid || !check.normalized) {
          throw new DomainError(
            ErrorCode.InvalidAddress,
            `Not a valid ${asset.network.chain} address: ${check.reason ?? 'invalid'}`,
            { field: 'destination_address' },
          );
        }
        this.requireAboveDust(asset, check.normalized, amount);
        return { type: 'public_address', address: check.normalized, walletId: null, externalAccountId: null, amount };
      }
    }
  }

  private asset(symbol: string, chain: string): SendableAsset {
    if (chain.toLowerCase() === FIAT_CHAIN && symbol.toUpperCase() === USD_FIAT.symbol) return USD_FIAT;
    const network = this.registry.byChain(chain.toLowerCase());
    const asset = network?.assets.find((a) => a.symbol === symbol.toUpperCase() && (a.receive || a.native));
    if (!asset) {
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `${symbol} on ${chain} is not supported`, {
        asset: symbol,
        network: chain,
        supported: [...this.registry.receivePairs(), { asset: USD_FIAT.symbol, network: FIAT_CHAIN }],
      });
    }
    return asset;
  }

  private fiatOffChain(): DomainError {
    return new DomainError(
      ErrorCode.UnsupportedAssetNetwork,
      'USD moves between wallets only (a destination of type wallet); no bank rail is attached',
      { asset: USD_FIAT.symbol, network: FIAT_CHAIN, field: 'destination.type' },
    );
  }

  /**
   * A single-asset wallet sends and receives its currency only, and USD lives in fiat (`usd`) wallets
   * only: 422 `wallet_currency_mismatch` otherwise. A wallet that is not the organization's is left to the posting
   * (404).
   */
  private async requireCurrencies(
    principal: Principal,
    source: string,
    asset: SendableAsset,
    items: SendItem[],
  ): Promise<void> {
    const destinations = items.filter((i) => i.type === 'wallet').map((i) => i.walletId!);
    const currencies = await this.currenciesOf(principal.organizationId, [source, ...destinations]);
    const fits = (currency: WalletCurrencyCode | null | undefined) =>
      currency === undefined || (currency === null ? !isFiat(asset) : CURRENCIES[currency].symbol === asset.symbol);
    const sourceCurrency = currencies.get(source);
    if (!fits(sourceCurrency)) {
      throw new DomainError(
        ErrorCode.WalletCurrencyMismatch,
        sourceCurrency
          ? `This wallet holds ${sourceCurrency} only; it cannot send ${asset.symbol}`
          : `${asset.symbol} moves between fiat (usd) wallets only`,
        { wallet_currency: sourceCurrency ?? null, asset: asset.symbol },
      );
    }
    for (const [index, item] of items.entries()) {
      if (item.type !== 'wallet') continue;
      const currency = currencies.get(item.walletId!);
      if (fits(currency)) continue;
      const error = new DomainError(
        ErrorCode.WalletCurrencyMismatch,
        currency
          ? `The destination wallet holds ${currency} only; it cannot receive ${asset.symbol}`
          : `${asset.symbol} moves between fiat (usd) wallets only`,
        { field: 'destination.id', wallet_currency: currency ?? null, asset: asset.symbol },
      );
      throw items.length > 1 ? atIndex(error, index) : error;
    }
  }

  /** The currencies of the organization's wallets among `ids` (absent: not the organization's wallet). */
  private async currenciesOf(organizationId: string, ids: string[]): Promise<Map<string, WalletCurrencyCode | null>> {
    const result = new Map<string, WalletCurrencyCode | null>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.currencyCache.get(`${organizationId}|${id}`);
      if (cached !== undefined) result.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    for (const [id, currency] of await this.wallets.currenciesOf(organizationId, missing)) {
      if (this.currencyCache.size >= CURRENCY_CACHE_SIZE) this.currencyCache.clear();
      this.currencyCache.set(`${organizationId}|${id}`, currency);
      result.set(id, currency);
    }
    return result;
  }

  private requireOnChain(asset: Asset): void {
    const network = asset.network;
    const sendable =
      network.family === 'bitcoin'
        ? this.clients.bitcoin(network) !== undefined && asset.native
        : this.clients.evm(network) !== undefined && (asset.native || asset.contract !== undefined);
    if (!sendable) {
      throw new DomainError(
        ErrorCode.UnsupportedAssetNetwork,
        `On-chain sends of ${asset.symbol} on ${asset.network.chain} are not available on this deployment`,
        {
          asset: asset.symbol,
          network: asset.network.chain,
        },
      );
    }
  }

  /** On Bitcoin, an output worth less than spending it would cost is refused by nodes (Core's dust rule): 422. */
  private requireAboveDust(asset: Asset, address: string, amount: bigint): void {
    const params = asset.network.bitcoin;
    if (!params) return;
    const dust = dustThreshold(scriptOf(address, params), params.dustRelayFeeRate);
    if (amount < dust) {
      throw new DomainError(
        ErrorCode.AmountBelowDust,
        `An output to ${address} must be at least ${dust} satoshis (the network's dust limit)`,
        { field: 'amount', minimum_raw: dust.toString() },
      );
    }
  }

  private async activeWallet(principal: Principal, walletId: string): Promise<Wallet> {
    return this.requireActive(await this.wallets.findByOrgAndId(principal.organizationId, walletId));
  }

  private requireDestination(wallet: Wallet | null): Wallet {
    if (!wallet) throw new DomainError(ErrorCode.NotFound, 'Destination wallet not found', { field: 'destination.id' });
    if (wallet.status !== 'active')
      throw new DomainError(ErrorCode.WalletNotActive, `The destination wallet is ${wallet.status}`, {
        field: 'destination.id',
      });
    return wallet;
  }

  private requireActive(wallet: Wallet | null): Wallet {
    if (!wallet) throw DomainError.notFound('Wallet');
    if (wallet.status !== 'active')
      throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${wallet.status}`, { status: wallet.status });
    return wallet;
  }

  private kick(asset: SendableAsset): void {
    this.jobs.kick(`${TRANSFER_JOB_PREFIX}${asset.network.key}`);
  }

  private decimals(networkKey: string, symbol: string): number {
    return this.registry.decimalsOf(networkKey, symbol);
  }

  view(t: WalletTransaction): TransactionView {
    return toTransactionView(
      t,
      this.decimals(t.network, t.asset),
      this.decimals(t.network, t.feeAsset ?? ''),
      this.usdNow(t),
    );
  }

  private usdNow(t: WalletTransaction): UsdValue {
    return this.prices.usd({ symbol: t.asset, decimals: this.decimals(t.network, t.asset) }, t.amount);
  }
}
