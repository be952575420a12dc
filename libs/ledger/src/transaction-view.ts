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
}

export function toTransactionView(t: WalletTransaction, decimals: number): TransactionView {
  return {
    id: t.id,
    wallet_id: t.walletId,
    direction: t.direction,
    status: t.status,
    asset: t.asset,
    network: t.chain,
    amount: formatAmount(t.amount, decimals),
    amount_raw: t.amount.toString(),
    tx_hash: t.txHash,
    block_number: t.blockNumber === null ? null : t.blockNumber.toString(),
    confirmations: t.confirmations,
    required_confirmations: t.requiredConfirmations,
    from_address: t.fromAddress,
    to_address: t.toAddress,
    failure_reason: t.failureReason,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    confirmed_at: t.confirmedAt ? t.confirmedAt.toISOString() : null,
  };
}

/** Event payload of a transaction event: `{wallet_id, transaction_id, ...}`. */
export function transactionEventData(t: WalletTransaction, decimals: number): Record<string, unknown> {
  const { id, ...rest } = toTransactionView(t, decimals);
  return { transaction_id: id, ...rest };
}
