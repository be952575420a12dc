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
}
