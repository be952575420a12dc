import type { WalletTransaction } from '@app/db';
import { formatAmount } from '@app/common';
import type { UsdValue } from '@app/prices';

/** The public shape of a wallet transaction: in API responses and in event payloads alike (local ids only). */
export interface TransactionView {
  id: string;
  wallet_id: string;
  direction: string;
  status: string;
  asset: string;
  network: string;
  amount: string;
  amount_raw: string;
  tx_hash: string | null;
  block_number: string | null;
  confirmations: number;
  required_confirmations: number;
  from_address: string | null;
  to_address: string | null;
  failure_reason: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  /**
   * Outgoing, while pending: `queued`, `waiting_for_funds` (the master address is short; sweeps will fund it),
   * `signed`.
   */
  sub_status: string | null;
  destination: {
    type: string;
    address: string | null;
    wallet_id: string | null;
    external_account_id: string | null;
  } | null;
  note: string | null;
  external_id: string | null;
  batch_id: string | null;
  /** Network fee paid (outgoing), in the network's native asset; booked to the organization's fee account. */
  fee: string | null;
  fee_raw: string | null;
  fee_asset: string | null;
  speed_up: {
    method: string;
    tx_hash: string | null;
    fee: string | null;
    fee_raw: string | null;
    created_at: string;
  } | null;
  /** `amount` in USD at `usd_rate`, fixed when the transaction was confirmed (null before, or without a price then). */
  amount_usd: string | null;
  /** The USD rate the transaction was valued at when confirmed. */
  usd_rate: string | null;
  usd_rate_at: string | null;
  /** `amount` in USD at the current price (at the event's time in an event payload). */
  amount_usd_now: string | null;
  usd_rate_now: string | null;
  usd_rate_now_at: string | null;
  /** The current price exists but is stale: `amount_usd_now` is null. */
  usd_stale: boolean;
}

const NO_PRICE: UsdValue = { usd: null, usd_rate: null, usd_rate_at: null, usd_stale: false };

/**
 * `usdNow` is the amount at the current price (`PricesService.usd`); the fixed `amount_usd` and `usd_rate` come from
 * the row.
 */
export function toTransactionView(
  t: WalletTransaction,
  decimals: number,
  feeDecimals = 18,
  usdNow: UsdValue = NO_PRICE,
): TransactionView {
  return {
    id: t.id,
    wallet_id: t.walletId,
    direction: t.direction,
    status: t.status,
    asset: t.asset,
    network: t.chain,
    amount: formatAmount(t.amount, decimals),
    amount_raw: t.amount.toString(),
    // Rows built in memory (not read back) leave unset columns undefined: `?? null` keeps the shape stable.
    tx_hash: t.txHash ?? null,
    block_number: t.blockNumber != null ? t.blockNumber.toString() : null,
    confirmations: t.confirmations ?? 0,
    required_confirmations: t.requiredConfirmations,
    from_address: t.fromAddress ?? null,
    to_address: t.toAddress ?? null,
    failure_reason: t.failureReason ?? null,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    confirmed_at: t.confirmedAt ? t.confirmedAt.toISOString() : null,
    sub_status: t.subStatus ?? null,
    destination: t.destinationType
      ? {
          type: t.destinationType,
          address: t.toAddress ?? null,
          wallet_id: t.destinationWalletId ?? null,
          external_account_id: t.externalAccountId ?? null,
        }
      : null,
    note: t.note ?? null,
    external_id: t.externalId ?? null,
    batch_id: t.batchId ?? null,
    fee: t.fee != null ? formatAmount(t.fee, feeDecimals) : null,
    fee_raw: t.fee != null ? t.fee.toString() : null,
    fee_asset: t.feeAsset ?? null,
    speed_up: t.speedUpMethod
      ? {
          method: t.speedUpMethod,
          tx_hash: t.speedUpTxHash ?? null,
          fee: t.speedUpFee != null ? formatAmount(t.speedUpFee, feeDecimals) : null,
          fee_raw: t.speedUpFee != null ? t.speedUpFee.toString() : null,
          created_at: (t.spedUpAt ?? t.updatedAt).toISOString(),
        }
      : null,
    amount_usd: t.amountUsd ?? null,
    usd_rate: t.usdRate ?? null,
    usd_rate_at: t.usdRateAt ? t.usdRateAt.toISOString() : null,
    amount_usd_now: usdNow.usd,
    usd_rate_now: usdNow.usd_rate,
    usd_rate_now_at: usdNow.usd_rate_at,
    usd_stale: usdNow.usd_stale,
  };
}

/** Event payload of a transaction event: `{wallet_id, transaction_id, ...}`, priced at the event's time. */
export function transactionEventData(
  t: WalletTransaction,
  decimals: number,
  usdNow: UsdValue = NO_PRICE,
): Record<string, unknown> {
  const { id, ...rest } = toTransactionView(t, decimals, 18, usdNow);
  return { transaction_id: id, ...rest };
}
