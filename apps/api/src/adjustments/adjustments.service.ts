import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { CURRENCIES, FIAT_CHAIN, FIAT_NETWORK_KEY, USD_FIAT } from '@app/chains';
import { DomainError, ErrorCode, IdempotentRequest, parseAmount, parseRawAmount } from '@app/common';
import { isUuid, Wallet, WalletsRepository, WalletTransaction, WalletTransactionsRepository } from '@app/db';
import {
  AccountRef,
  LedgerService,
  PostingEvent,
  Refusal,
  toTransactionView,
  transactionEventData,
  TransactionView,
} from '@app/ledger';
import { PricesService, UsdValue } from '@app/prices';
import { CreateAdjustmentDto } from './dto/adjustment.dto';

/** The `Location` of a booked adjustment: the wallet transaction it made. */
export const adjustmentLocation = (id: string): string => `/v1/transactions/${id}`;

/**
 * Operator-booked credits and debits of fiat (`usd`) wallets, double entry against the organization's fiat
 * settlement account (a system account of the ledger, `settlement` on the `fiat:ledger` pseudo network). A credit
 * is a posted transfer settlement -> wallet, a debit wallet -> settlement; each is one wallet transaction
 * (`destination.type: "adjustment"`, the reason as its `note`), final at once, with its events, committed in one
 * posting together with the request's stored reply. Nothing leaves the ledger: no bank rail is attached; the
 * operator reconciles the settlement account with the bank.
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly wallets: WalletsRepository,
    private readonly rows: WalletTransactionsRepository,
    private readonly ledger: LedgerService,
    private readonly prices: PricesService,
  ) {}

  async create(
    principal: Principal,
    walletId: string,
    dto: CreateAdjustmentDto,
    request?: IdempotentRequest,
  ): Promise<TransactionView> {
    const org = principal.organizationId;
    // A retry after the Idempotency-Key expired: the adjustment booked under it, never a second one.
    const done = request ? await this.rows.findAdjustmentByKey(org, request.key) : null;
    if (done) return this.existing(done, walletId);
    const wallet = await this.requireFiat(principal, walletId);
    const amount = this.amount(dto);
    const now = new Date();
    const id = randomUUID();
    const ledgerTransferId = randomUUID();
    const credit = dto.direction === 'credit';
    const row = Object.assign(new WalletTransaction(), {
      id,
      organizationId: org,
      walletId: wallet.id,
      direction: credit ? 'incoming' : 'outgoing',
      status: 'confirmed',
      network: FIAT_NETWORK_KEY,
      chain: FIAT_CHAIN,
      asset: USD_FIAT.symbol,
      amount,
      requiredConfirmations: 0,
      destinationType: 'adjustment',
      note: dto.reason,
      idempotencyKey: request?.key ?? null,
      ledgerTransferId,
      // Final at once: its USD value is fixed now, like an internal transfer's.
      ...this.prices.fix(USD_FIAT, amount),
      confirmedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const account: AccountRef = { kind: 'wallet', walletId: wallet.id, network: FIAT_NETWORK_KEY, asset: 'USD' };
    const settlement: AccountRef = { kind: 'settlement', network: FIAT_NETWORK_KEY, asset: 'USD' };
    const data = transactionEventData(row, USD_FIAT.decimals, this.usdNow(row));
    const events: PostingEvent[] = credit
      ? [
          { type: 'wallet.incoming_transaction', data },
          { type: 'wallet_transaction.confirmed', data },
        ]
      : [{ type: 'wallet_transaction.confirmed', data }];
    const view = this.view(row);
    const result = await this.ledger.commit({
      organizationId: org,
      activeWallets: [wallet.id],
      transfers: [
        {
          phase: 'posted',
          id: ledgerTransferId,
          debit: credit ? settlement : account,
          credit: credit ? account : settlement,
          amount,
          reference: `adjustment:${id}`,
        },
      ],
      rows: [row],
      events,
      reply: request?.reply(view, { Location: adjustmentLocation(id) }),
    });
    if (result.ok) {
      if (result.replyStored) request?.stored();
      return view;
    }
    if (result.refusal.code === 'duplicate') {
      // The Idempotency-Key is on a transaction already: this adjustment's (a concurrent retry committed first), or
      // another request's (the key was reused after it expired).
      const first = request ? await this.rows.findAdjustmentByKey(org, request.key) : null;
      if (first) return this.existing(first, walletId);
      throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used for another request', {});
    }
    throw await this.refusalError(principal, result.refusal, walletId, amount);
  }

  private async refusalError(
    principal: Principal,
    refusal: Refusal,
    walletId: string,
    amount: bigint,
  ): Promise<DomainError | Error> {
    switch (refusal.code) {
      case 'insufficient_funds':
        return new DomainError(
          ErrorCode.InsufficientFunds,
          'Insufficient funds: a debit never takes a wallet below zero',
          {
            required_raw: amount.toString(),
          },
        );
      case 'wallet_unavailable':
        // Disabled (or gone) since it was read: the wallet's error now.
        await this.requireFiat(principal, walletId);
        return new DomainError(ErrorCode.WalletNotActive, 'The wallet changed while booking; retry', {});
      case 'duplicate': // answered by the caller
      case 'hold_not_found':
      case 'hold_resolved':
      case 'exceeds_hold':
        return new Error(`an adjustment was refused ${refusal.code}`);
    }
  }

  /** The adjustment booked before under the request's key: itself if it is this wallet's, else a reused key. */
  private existing(done: WalletTransaction, walletId: string): TransactionView {
    if (done.walletId !== walletId.toLowerCase()) {
      throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used for another request', {});
    }
    return this.view(done);
  }

  /** The organization's active fiat wallet: 404, 422 `wallet_currency_mismatch` for another kind, 409 if not active. */
  private async requireFiat(principal: Principal, walletId: string): Promise<Wallet> {
    const wallet = isUuid(walletId) ? await this.wallets.findByOrgAndId(principal.organizationId, walletId) : null;
    if (!wallet) throw DomainError.notFound('Wallet');
    if (wallet.currency !== CURRENCIES.usd.code) {
      throw new DomainError(
        ErrorCode.WalletCurrencyMismatch,
        'Adjustments are booked on fiat (usd) wallets only; crypto balances move on chain or between wallets',
        { wallet_currency: wallet.currency ?? null, asset: USD_FIAT.symbol },
      );
    }
    if (wallet.status !== 'active') {
      throw new DomainError(ErrorCode.WalletNotActive, `The wallet is ${wallet.status}`, { status: wallet.status });
    }
    return wallet;
  }

  private amount(dto: CreateAdjustmentDto): bigint {
    if ((dto.amount === undefined) === (dto.amount_raw === undefined)) {
      throw new DomainError(ErrorCode.InvalidAmount, 'Send amount (dollars) or amount_raw (cents), one of them', {
        field: 'amount',
      });
    }
    return dto.amount !== undefined ? parseAmount(dto.amount, USD_FIAT.decimals) : parseRawAmount(dto.amount_raw);
  }

  private view(t: WalletTransaction): TransactionView {
    return toTransactionView(t, USD_FIAT.decimals, 18, this.usdNow(t));
  }

  private usdNow(t: WalletTransaction): UsdValue {
    return this.prices.usd(USD_FIAT, t.amount);
  }
}
