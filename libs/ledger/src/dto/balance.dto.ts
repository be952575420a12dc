/** One asset's balance in a wallet on one network. Every figure is a decimal string with a base-unit `_raw` twin. */
export class AssetBalanceDto {
  /** @example "USDC" */
  asset!: string;
  /** @example "USDCERC20" */
  currency!: string;
  /** @example 6 */
  decimals!: number;
  /**
   * Confirmed funds minus holds of withdrawals in flight: what can be spent.
   * @example "100.5"
   */
  available!: string;
  /** @example "100500000" */
  available_raw!: string;
  /**
   * pending_in + pending_out.
   * @example "25"
   */
  pending!: string;
  /** @example "25000000" */
  pending_raw!: string;
  /**
   * Deposits seen on chain, not yet at the required confirmations.
   * @example "25"
   */
  pending_in!: string;
  /** @example "25000000" */
  pending_in_raw!: string;
  /**
   * Withdrawals in flight (held, not yet confirmed on chain).
   * @example "0"
   */
  pending_out!: string;
  /** @example "0" */
  pending_out_raw!: string;
  /**
   * available + pending: the total (the wallet's ledger balance).
   * @example "125.5"
   */
  ledger!: string;
  /** @example "125500000" */
  ledger_raw!: string;
  /**
   * Deposits held by AML screening; they credit nothing.
   * @example "0"
   */
  quarantined!: string;
  /** @example "0" */
  quarantined_raw!: string;
  /**
   * `available` in USD at `usd_rate` (two decimals, rounded half to even); null when there is no current price.
   * @example "100.49"
   */
  available_usd!: string | null;
  /**
   * `pending` in USD; null when there is no current price.
   * @example "25.00"
   */
  pending_usd!: string | null;
  /**
   * `ledger` in USD; null when there is no current price.
   * @example "125.49"
   */
  ledger_usd!: string | null;
  /**
   * The asset's USD price used (per whole unit); null when there is no current price.
   * @example "0.9999"
   */
  usd_rate!: string | null;
  /**
   * When the price source observed that price (a Chainlink round's time); with a stale price, the stale price's time.
   * @example "2026-11-22T10:29:12.000Z"
   */
  usd_rate_at!: string | null;
  /**
   * True when a price exists but is too old to show (its feed missed its heartbeat, or the price job has not
   * refreshed it within PRICE_STALE_SECONDS): the USD figures are then null. False with null figures: no price
   * source for this asset.
   * @example false
   */
  usd_stale!: boolean;
}

export class NetworkBalancesDto {
  /**
   * Chain name (the `network` of the request).
   * @example "ethereum"
   */
  network!: string;
  /**
   * The concrete network of this deployment.
   * @example "devnet"
   */
  network_name!: string;
  /**
   * The wallet's receive addresses on this network.
   * @example ["0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c"]
   */
  addresses!: string[];
  /**
   * Last block the deposit scanner processed; null when no node is configured for this network.
   * @example "1284"
   */
  indexed_height!: string | null;
  /** @example "2026-11-22T10:30:00.000Z" */
  last_synced!: string | null;
  /**
   * True when the scanner has not completed a pass recently (or cannot run): balances may lag the chain.
   * @example false
   */
  is_stale!: boolean;
  assets!: AssetBalanceDto[];
}

export class WalletBalancesDto {
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  wallet_id!: string;
  networks!: NetworkBalancesDto[];
  /**
   * The wallet's total available funds in USD across every network and asset: the exact sum of the rows'
   * `available_usd`; null when an asset the wallet holds has no current price.
   * @example "1250.49"
   */
  available_usd!: string | null;
  /**
   * Total of the rows' `pending_usd`; null as above.
   * @example "25.00"
   */
  pending_usd!: string | null;
  /**
   * Total of the rows' `ledger_usd`; null as above.
   * @example "1275.49"
   */
  ledger_usd!: string | null;
  /**
   * True when an asset the wallet holds has a stale price (the totals are then null).
   * @example false
   */
  usd_stale!: boolean;
}
