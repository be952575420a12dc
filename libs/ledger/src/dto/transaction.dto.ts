/** A wallet transaction in API responses (the class behind `TransactionView`, for the OpenAPI document). */
export class TransactionDestinationDto {
  /**
   * `public_address`, `external_account`, `wallet` (an internal transfer) or `adjustment` (an operator's credit or
   * debit of a fiat wallet against the organization's settlement account).
   * @example "public_address"
   */
  type!: string;
  /** @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72" */
  address!: string | null;
  /** @example "8a6e4c2b-1d3f-4a5b-9c7d-2e4f6a8b0c1d" */
  wallet_id!: string | null;
  /** @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f" */
  external_account_id!: string | null;
}

export class TransactionDto {
  /**
   * Local id (the `transaction_id` of events).
   * @example "2f1e0d9c-8b7a-4c6d-9e5f-0a1b2c3d4e5f"
   */
  id!: string;
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  wallet_id!: string;
  /** @example "incoming" */
  direction!: string;
  /**
   * incoming: detected, confirming, confirmed, quarantined, failed; outgoing: pending, broadcast, confirming,
   * confirmed, failed.
   * @example "confirming"
   */
  status!: string;
  /** @example "USDC" */
  asset!: string;
  /**
   * The chain name; `fiat` for USD of fiat wallets (ledger only).
   * @example "ethereum"
   */
  network!: string;
  /** @example "125.5" */
  amount!: string;
  /** @example "125500000" */
  amount_raw!: string;
  /** @example "0x8f3c5d2e1b0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d" */
  tx_hash!: string | null;
  /** @example "1284" */
  block_number!: string | null;
  /** @example 2 */
  confirmations!: number;
  /** @example 3 */
  required_confirmations!: number;
  /** @example "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" */
  from_address!: string | null;
  /** @example "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c" */
  to_address!: string | null;
  /**
   * Why it failed: `reorged`, `chain_reset`, ...
   * @example "reorged"
   */
  failure_reason!: string | null;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
  /** @example "2026-11-22T10:00:30.000Z" */
  updated_at!: string;
  /** @example "2026-11-22T10:01:00.000Z" */
  confirmed_at!: string | null;
  /**
   * Outgoing, while `pending`: `queued`, `waiting_for_funds` (the master address is short of the asset or of gas;
   * sweeps of confirmed deposits fund it), `signed` (stored, about to be broadcast).
   * @example "waiting_for_funds"
   */
  sub_status!: string | null;
  /** Outgoing: where the funds go. */
  destination!: TransactionDestinationDto | null;
  /** @example "Withdrawal #1042" */
  note!: string | null;
  /** @example "withdrawal-1042" */
  external_id!: string | null;
  /** @example "0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69" */
  batch_id!: string | null;
  /**
   * Network fee paid, in the network's native asset, once mined; booked to your organization's fee account, not to the
   * wallet.
   * @example "0.000021"
   */
  fee!: string | null;
  /** @example "21000000000000" */
  fee_raw!: string | null;
  /** @example "ETH" */
  fee_asset!: string | null;
  /**
   * Set once the send was sped up (`POST /v1/transactions/{id}/speed-up`); null otherwise.
   * @example null
   */
  speed_up!: TransactionSpeedUpDto | null;
  /**
   * `amount` in USD at `usd_rate`, fixed when the transaction was confirmed and kept for accounting (two decimals,
   * rounded half to even); null before confirmation, or when no current price was known at that moment.
   * @example "125.49"
   */
  amount_usd!: string | null;
  /**
   * The asset's USD rate when the transaction was confirmed (per whole unit); it never changes afterwards.
   * @example "0.9999"
   */
  usd_rate!: string | null;
  /**
   * The time of that rate (when the price source observed it).
   * @example "2026-11-22T10:29:12.000Z"
   */
  usd_rate_at!: string | null;
  /**
   * `amount` in USD at the current price (in a webhook, the price when the event happened); null when there is no
   * current price.
   * @example "125.51"
   */
  amount_usd_now!: string | null;
  /**
   * The current USD rate used for `amount_usd_now`.
   * @example "1.0001"
   */
  usd_rate_now!: string | null;
  /**
   * When the price source observed the current rate (with a stale price, the stale price's time).
   * @example "2026-11-22T11:00:12.000Z"
   */
  usd_rate_now_at!: string | null;
  /**
   * True when the current price exists but is too old to show: `amount_usd_now` is then null.
   * @example false
   */
  usd_stale!: boolean;
}

export class TransactionSpeedUpDto {
  /**
   * `cpfp` (Bitcoin: a child transaction spends this one's change with a fee that pays for both) or `replacement`
   * (EVM: a transaction with the same nonce and higher fees; `tx_hash` above is the one that counts).
   * @example "cpfp"
   */
  method!: string;
  /**
   * cpfp: the child transaction. replacement: the other transaction of the same nonce (only one of them is mined).
   * @example "5e3c...b1"
   */
  tx_hash!: string | null;
  /**
   * cpfp: the child's fee, booked to your organization's fee account with the send's (null for a replacement, whose
   * whole fee is `fee`).
   * @example "0.00000880"
   */
  fee!: string | null;
  /** @example "880" */
  fee_raw!: string | null;
  /** @example "2026-12-04T10:00:00.000Z" */
  created_at!: string;
}

export class TransactionListDto {
  data!: TransactionDto[];
  /** @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9" */
  next_cursor!: string | null;
}
