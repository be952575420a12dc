import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Optional, PageQueryDto, QueryBoolean } from '@app/common';

export class CreateMasterWalletDto {
  /**
   * `ethereum`, `polygon`, `base`, `bsc`, `tron` or `bitcoin` (`solana` and `aptos` are not yet available).
   * @example "ethereum"
   */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'chain must be a lower-case chain name such as ethereum' })
  chain!: string;

  /**
   * The concrete network, which must be this deployment's: `mainnet`, `sepolia`, `amoy`, `shasta`, `testnet`,
   * `devnet`, `regtest` (see GET /v1/networks).
   * @example "devnet"
   */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'network must be a lower-case network name such as mainnet' })
  network!: string;

  /**
   * Friendly name.
   * @example "Main ETH Wallet"
   */
  @Optional()
  @IsString()
  @Length(1, 200)
  label?: string;
}

export class ListMasterWalletsQueryDto extends PageQueryDto {}

export class MasterWalletDto {
  /** @example "0e7c2a9b-3f4d-4b6e-8a1c-2d3e4f5a6b7c" */
  id!: string;
  /** @example "9d2c4b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d" */
  organization_id!: string;
  /** @example "ethereum" */
  chain!: string;
  /** @example "devnet" */
  network!: string;
  /**
   * The master address: index 0 of your organization's account on this chain.
   * @example "0xd502b72b8D969D60D1094174b1457C73671eb9d8"
   */
  address!: string;
  /** @example "Main ETH Wallet" */
  label!: string | null;
  /** @example true */
  is_active!: boolean;
  /**
   * Receive addresses derived under this master wallet.
   * @example 5
   */
  child_count!: number;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
  /** @example "2026-11-22T10:00:00.000Z" */
  updated_at!: string;
  /** With `include_balances=true`: the on-chain balances. */
  balances?: MasterBalanceDto[];
}

export class MasterWalletListDto {
  data!: MasterWalletDto[];
  /** @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9" */
  next_cursor!: string | null;
  /**
   * Master wallets in your organization.
   * @example 2
   */
  count!: number;
}

export class MasterWalletQueryDto {
  /** Inline the on-chain balances. */
  @Optional()
  @QueryBoolean()
  @IsIn([true, false])
  include_balances?: boolean;
}

export class ListMasterWalletsWithBalancesQueryDto extends ListMasterWalletsQueryDto {
  /** Inline the on-chain balances. */
  @Optional()
  @QueryBoolean()
  @IsIn([true, false])
  include_balances?: boolean;
}

export class MasterBalanceDto {
  /** @example "5b8f2f3e-1c2d-5e4f-8a9b-0c1d2e3f4a5b" */
  asset_id!: string;
  /** @example "ethereum" */
  chain!: string;
  /** @example "devnet" */
  network!: string;
  /** @example "ETH" */
  token_symbol!: string;
  /** @example 18 */
  token_decimals!: number;
  /**
   * On-chain balance of the master address.
   * @example "0.5"
   */
  balance!: string;
  /** @example "500000000000000000" */
  balance_raw!: string;
  /**
   * The last refresh is older than the sync interval allows, or never happened.
   * @example false
   */
  is_stale!: boolean;
  /** @example "2026-11-22T10:30:00.000Z" */
  last_synced!: string | null;
  /**
   * `balance` in USD (two decimals, rounded half to even); null when there is no current price.
   * @example "1500.00"
   */
  balance_usd!: string | null;
  /**
   * The asset's USD price used (per whole unit); null when there is no current price.
   * @example "3000"
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

export class MasterBalanceListDto {
  data!: MasterBalanceDto[];
  /**
   * The master wallet's total in USD: the exact sum of the rows' `balance_usd`; null when an asset it holds has no
   * current price.
   * @example "1500.00"
   */
  total_usd!: string | null;
  /**
   * True when an asset it holds has a stale price (the total is then null).
   * @example false
   */
  usd_stale!: boolean;
}

export class MasterTokenBalanceQueryDto {
  /** @example "ethereum" */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/i)
  chain!: string;

  /** @example "devnet" */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/i)
  network!: string;

  /** @example "USDC" */
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,12}$/)
  token!: string;

  /** Contract address, for ambiguous symbols. */
  @Optional()
  @IsString()
  @Length(1, 128)
  token_address?: string;
}

export class MasterTokenBalanceDto {
  /** @example "ethereum" */
  chain!: string;
  /** @example "devnet" */
  network!: string;
  /** @example "USDC" */
  token_symbol!: string;
  /** @example "1000" */
  balance!: string;
  /** @example "1000000000" */
  balance_raw!: string;
  /**
   * The organization's deposits on this network and token seen in a block but not confirmed yet (quarantined ones
   * excluded): funds on their way in.
   * @example "0"
   */
  pending_in!: string;
  /** @example "0" */
  pending_in_raw!: string;
  /**
   * Withdrawals leaving the master address, not yet confirmed.
   * @example "0"
   */
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
  /** @example "0.00" */
  pending_in_usd!: string | null;
  /** @example "0.00" */
  pending_out_usd!: string | null;
  /**
   * The asset's USD price used (per whole unit); null when there is no current price.
   * @example "3000"
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
