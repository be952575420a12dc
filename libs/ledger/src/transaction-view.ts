import type { WalletTransaction } from '@app/db';
import { formatAmount } from '@app/common';

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
}

export function toTransactionView(t: WalletTransaction, decimals: number, feeDecimals = 18): TransactionView {
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
  };
}

/** Event payload of a transaction event: `{wallet_id, transaction_id, ...}`. */
export function transactionEventData(t: WalletTransaction, decimals: number): Record<string, unknown> {
  const { id, ...rest } = toTransactionView(t, decimals);
  return { transaction_id: id, ...rest };
}
