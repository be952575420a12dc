import { IsString, Length, Matches } from 'class-validator';
import { Optional } from '@app/common';

/** Look a wallet up by `wallet_id` or by your `external_id` (wallet_id wins when both are given). */
export class BalanceLookupDto {
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  @Optional()
  @IsString()
  @Length(1, 255)
  wallet_id?: string;

  /** @example "player-12345" */
  @Optional()
  @IsString()
  @Length(1, 255)
  external_id?: string;
}

export class LookupAccountDto {
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  id!: string;
  /** @example "Player 12345" */
  name!: string | null;
  /** @example "player-12345" */
  external_id!: string | null;
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  wallet_id!: string;
}

export class CurrencyBalanceDto {
  /** @example "USDTTRC20" */
  currency!: string;
  /** @example "USDT" */
  asset!: string;
  /** @example "tron" */
  network!: string;
  /**
   * Total: available + pending.
   * @example "500"
   */
  amount!: string;
  /** @example "500000000" */
  amount_raw!: string;
  /**
   * In pending transactions (deposits confirming, withdrawals in flight).
   * @example "100"
   */
  pending_amount!: string;
  /** @example "100000000" */
  pending_amount_raw!: string;
  /**
   * Available for transfers.
   * @example "400"
   */
  available_balance!: string;
  /** @example "400000000" */
  available_balance_raw!: string;
  /**
   * `amount` in USD (two decimals, rounded half to even); null when there is no current price.
   * @example "500.00"
   */
  amount_usd!: string | null;
  /**
   * `pending_amount` in USD; null when there is no current price.
   * @example "100.00"
   */
  pending_amount_usd!: string | null;
  /**
   * `available_balance` in USD; null when there is no current price.
   * @example "400.00"
   */
  available_balance_usd!: string | null;
  /**
   * The asset's USD price used (per whole unit); null when there is no current price.
   * @example "1"
   */
  usd_rate!: string | null;
  /**
   * When the price source observed that price (a Chainlink round's time).
   * @example "2026-11-22T10:29:12.000Z"
   */
  usd_rate_at!: string | null;
  /**
   * True when a price exists but is too old to show: the USD figures are then null. False with null figures: no price
   * source for this asset.
   * @example false
   */
  usd_stale!: boolean;
}

/** The wallet's totals in USD across its balances. */
export class LookupTotalUsdDto {
  /**
   * Sum of the rows' `amount_usd`; null when an asset the wallet holds has no current price.
   * @example "500.00"
   */
  amount_usd!: string | null;
  /** @example "100.00" */
  pending_amount_usd!: string | null;
  /** @example "400.00" */
  available_balance_usd!: string | null;
  /**
   * True when an asset the wallet holds has a stale price (the totals are then null).
   * @example false
   */
  usd_stale!: boolean;
}

export class BalanceLookupResultDto {
  account!: LookupAccountDto;
  balances!: CurrencyBalanceDto[];
  /** The wallet's totals in USD across `balances`. */
  total_usd!: LookupTotalUsdDto;
}

/** `network` + `asset`, or master-wallet style `chain` + `network` + `token` [+ `token_address`]. */
export class SingleBalanceQueryDto {
  /**
   * The chain name (`ethereum`; `fiat` with asset `USD` for a fiat wallet); with `chain`, the network's name
   * (`devnet`, `sepolia`, ...).
   * @example "ethereum"
   */
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/i)
  network?: string;

  /** @example "USDC" */
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,12}$/)
  asset?: string;

  /**
   * Chain of the asset (with `network` as the network's name).
   * @example "ethereum"
   */
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/i)
  chain?: string;

  /**
   * Token symbol (with `chain`).
   * @example "USDC"
   */
  @Optional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,12}$/)
  token?: string;

  /** The token contract, for ambiguous symbols. */
  @Optional()
  @IsString()
  @Length(1, 128)
  token_address?: string;
}

export class SingleBalanceDto {
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  wallet_id!: string;
  /** @example "ethereum" */
  chain!: string;
  /** @example "devnet" */
  network!: string;
  /** @example "USDC" */
  token_symbol!: string;
  /** @example "USDCERC20" */
  currency!: string;
  /** @example 6 */
  decimals!: number;
  /**
   * Posted balance (confirmed in minus confirmed out).
   * @example "1000"
   */
  balance!: string;
  /** @example "1000000000" */
  balance_raw!: string;
  /** @example "1000" */
  available!: string;
  /** @example "1000000000" */
  available_raw!: string;
  /** @example "0" */
  pending_in!: string;
  /** @example "0" */
  pending_in_raw!: string;
  /** @example "0" */
  pending_out!: string;
  /** @example "0" */
  pending_out_raw!: string;
  /** @example false */
  is_stale!: boolean;
  /** @example "2026-11-22T10:30:00.000Z" */
  last_synced!: string | null;
  /**
   * `balance` in USD (two decimals, rounded half to even); null when there is no current price.
   * @example "1000.00"
   */
  balance_usd!: string | null;
  /** @example "1000.00" */
  available_usd!: string | null;
  /** @example "0.00" */
  pending_in_usd!: string | null;
  /** @example "0.00" */
  pending_out_usd!: string | null;
  /**
   * `pending_in + pending_out` in USD, as `pending_usd` of every other balance row.
   * @example "0.00"
   */
  pending_usd!: string | null;
  /**
   * `available + pending` in USD (the wallet's total of this asset), as `ledger_usd` of every other balance row.
   * @example "1000.00"
   */
  ledger_usd!: string | null;
  /**
   * The asset's USD price used (per whole unit); null when there is no current price.
   * @example "1"
   */
  usd_rate!: string | null;
  /**
   * When the price source observed that price (a Chainlink round's time).
   * @example "2026-11-22T10:29:12.000Z"
   */
  usd_rate_at!: string | null;
  /**
   * True when a price exists but is too old to show: the USD figures are then null. False with null figures: no price
   * source for this asset.
   * @example false
   */
  usd_stale!: boolean;
}
