import type { IdempotentReply } from '@app/common';
import type { LedgerAccountKind, TransferBatch, WalletTransaction } from '@app/db';
import type { EventType } from '@app/events';

/** A ledger account: a wallet's per (wallet, network, asset), or a system account of the organization. */
export interface AccountRef {
  kind: LedgerAccountKind;
  /** Set for `kind: 'wallet'` only. */
  walletId?: string;
  network: string;
  asset: string;
}

/** One movement of a posting (TigerBeetle's transfer kinds). */
export type LedgerOp =
  /** Moves `amount` from `debit` to `credit` at once. */
  | { phase: 'posted'; id?: string; debit: AccountRef; credit: AccountRef; amount: bigint; reference: string }
  /**
   * A hold: `debit` has `amount` less available (pending_out), `credit` sees it as pending_in, until it is resolved.
   */
  | { phase: 'pending'; id?: string; debit: AccountRef; credit: AccountRef; amount: bigint; reference: string }
  /** Posts a hold: all of it, or `amount` of it (the rest is released). */
  | { phase: 'post_pending'; id?: string; pendingId: string; amount?: bigint }
  /** Voids a hold: nothing moves. */
  | { phase: 'void_pending'; id?: string; pendingId: string };

/** An event to record with a posting (the outbox): written, and its webhook deliveries queued, iff the posting is. */
export interface PostingEvent {
  type: EventType;
  data: Record<string, unknown>;
}

/** Rows that commit with a posting, or not at all. */
export type PostingRow = WalletTransaction | TransferBatch;

/**
 * What must happen together, or not at all: ledger transfers of one organization, applied in order, plus the rows,
 * events and stored request reply that commit with them.
 */
export interface Posting {
  organizationId: string;
  /** Wallets that must be the organization's and active (else refused `wallet_unavailable`, nothing written). */
  activeWallets?: string[];
  transfers: LedgerOp[];
  rows?: PostingRow[];
  events?: PostingEvent[];
  /** The reply of the request that makes this posting (Idempotency-Key), stored with it. */
  reply?: IdempotentReply;
}

/** Why a posting was refused; nothing of it was written. */
export type Refusal =
  /**
   * Transfer `transfer` (its index in the posting) would take `account` below zero (an account never opened holds
   * nothing).
   */
  | { code: 'insufficient_funds'; account: AccountRef; transfer: number }
  /** A wallet of `activeWallets` is not the organization's, or not active. */
  | { code: 'wallet_unavailable' }
  /** A row repeats a business key (the unique index `key`), or a transfer id was used before. */
  | { code: 'duplicate'; key: string }
  /** The hold to post or void does not exist (or is not the organization's). */
  | { code: 'hold_not_found'; pendingId: string }
  /** The hold was posted or voided before. */
  | { code: 'hold_resolved' }
  /** A post of more than the hold, or of nothing. */
  | { code: 'exceeds_hold'; pendingId: string };

export type PostingResult = { ok: true; replyStored: boolean } | { ok: false; refusal: Refusal };

/** The posting was refused: a bug for callers that cannot be refused (a deposit's credit, a hold's resolution). */
export class PostingRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`posting refused: ${JSON.stringify(refusal)}`);
    this.name = 'PostingRefused';
  }
}
