import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsMetadata, Optional, PageQueryDto, QueryBoolean, ValidateUUID, VISIBLE_ASCII } from '@app/common';
import { NetworkBalancesDto } from '@app/ledger';
import { WALLET_CURRENCY_CODES, WALLET_STATUSES, type WalletCurrencyCode, type WalletStatus } from '@app/db';

export class CreateWalletDto {
  /**
   * A single-asset wallet of this currency: `btc`, `eth`, `usdt`, `usdc` (crypto: addresses and transfers
   * of that asset only, on any network the asset is offered on), or `usd` (a fiat wallet: a ledger-only balance in
   * cents, no addresses, moved by internal transfers and adjustments). Omitted: a multi-asset wallet.
   * @example "btc"
   */
  @Optional()
  @IsIn(WALLET_CURRENCY_CODES)
  currency?: WalletCurrencyCode;

  /**
   * Human-readable name.
   * @example "Player 12345"
   */
  @Optional()
  @IsString()
  @Length(1, 200)
  name?: string;

  /**
   * Your own id for this wallet, unique in your organization (1-255 visible ASCII characters): a second wallet
   * with the same one is `409 conflict`.
   * @example "player-12345"
   */
  @Optional()
  @Matches(VISIBLE_ASCII, { message: 'external_id must be 1-255 visible ASCII characters' })
  external_id?: string;

  /**
   * Binds the wallet to an end user of yours.
   * @example "0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69"
   */
  @ValidateUUID({ optional: true })
  end_user_id?: string;

  /**
   * Binds the wallet to an umbrella link.
   * @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f"
   */
  @ValidateUUID({ optional: true })
  umbrella_link_id?: string;

  /**
   * Up to 50 string key/value pairs for your own use.
   * @example {"tier":"vip"}
   */
  @Optional()
  @IsMetadata()
  metadata?: Record<string, string>;
}

export class UpdateWalletDto {
  /** @example "Player 12345 (VIP)" */
  @Optional({ nullable: true })
  @IsString()
  @Length(1, 200)
  name?: string | null;

  /** @example "player-12345" */
  @Optional({ nullable: true })
  @Matches(VISIBLE_ASCII, { message: 'external_id must be 1-255 visible ASCII characters' })
  external_id?: string | null;

  /** @example "0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69" */
  @Optional({ nullable: true })
  @ValidateUUID()
  end_user_id?: string | null;

  /** @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f" */
  @Optional({ nullable: true })
  @ValidateUUID()
  umbrella_link_id?: string | null;

  /**
   * Replaces the metadata.
   * @example {"tier":"vip"}
   */
  @Optional()
  @IsMetadata()
  metadata?: Record<string, string>;

  /**
   * `disabled` stops new addresses and transfers; `active` re-enables a disabled wallet.
   * @example "disabled"
   */
  @Optional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';
}

export class ListWalletsQueryDto extends PageQueryDto {
  /**
   * The wallet with this 10-digit wallet number (at most one).
   * @example "4829103847"
   */
  @Optional()
  @Matches(/^[0-9]{10}$/, { message: 'wallet_number must be 10 digits' })
  wallet_number?: string;

  /** @example "player-12345" */
  @Optional()
  @IsString()
  @Length(1, 255)
  external_id?: string;

  /** @example "active" */
  @Optional()
  @IsIn(WALLET_STATUSES)
  status?: WalletStatus;

  /** Inline each wallet's balances (per network and asset). */
  @Optional()
  @QueryBoolean()
  @IsIn([true, false])
  include_balances?: boolean;
}

export class GetWalletQueryDto {
  /** Inline the wallet's balances (per network and asset). */
  @Optional()
  @QueryBoolean()
  @IsIn([true, false])
  include_balances?: boolean;
}

/**
 * One figure of a wallet's `balance`. Which keys appear depends on the wallet's currency: the major and minor unit
 * of its currency, and `usd`.
 */
export class WalletBalanceAmountDto {
  /**
   * U.S. dollar value, decimal string; null while no price is known. For a `usd` wallet, its amount in dollars.
   * @example "1523.4"
   */
  usd!: string | null;
  /**
   * btc wallets: bitcoin, decimal string.
   * @example "0.015"
   */
  btc?: string;
  /**
   * btc wallets: satoshis (10^-8 BTC), integer string.
   * @example "1500000"
   */
  sat?: string;
  /**
   * eth wallets: ether, decimal string.
   * @example "1.5"
   */
  eth?: string;
  /**
   * eth wallets: wei (10^-18 ETH), integer string.
   * @example "1500000000000000000"
   */
  wei?: string;
  /**
   * usdt wallets: USDT, decimal string.
   * @example "125.5"
   */
  usdt?: string;
  /**
   * usdt wallets: 10^-6 USDT, integer string.
   * @example "125500000"
   */
  micro_usdt?: string;
  /**
   * usdc wallets: USDC, decimal string.
   * @example "125.5"
   */
  usdc?: string;
  /**
   * usdc wallets: 10^-6 USDC, integer string.
   * @example "125500000"
   */
  micro_usdc?: string;
  /**
   * usd (fiat) wallets: cents, integer string.
   * @example "1234"
   */
  cent?: string;
}

/** The wallet's balance object: available, pending and ledger. */
export class WalletBalanceDto {
  /** What can be spent now (posted funds less outgoing holds). */
  available!: WalletBalanceAmountDto;
  /** In flight: incoming not yet final plus outgoing not yet final. */
  pending!: WalletBalanceAmountDto;
  /** available + pending. */
  ledger!: WalletBalanceAmountDto;
}

const BTC_BALANCE_EXAMPLE = {
  available: { btc: '0.015', sat: '1500000', usd: null },
  pending: { btc: '0.001', sat: '100000', usd: null },
  ledger: { btc: '0.016', sat: '1600000', usd: null },
};

export class WalletDto {
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  id!: string;
  /**
   * The provider of record; never the underlying technology vendor.
   * @example "balansas"
   */
  provider!: string;
  /** @example "active" */
  status!: WalletStatus;
  /** @example "Player 12345" */
  name!: string | null;
  /** @example "player-12345" */
  external_id!: string | null;
  /** @example "0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69" */
  end_user_id!: string | null;
  /** @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f" */
  umbrella_link_id!: string | null;
  /**
   * The organization that owns the wallet.
   * @example "9d2c4b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d"
   */
  company_id!: string;
  /**
   * 10-digit wallet number for internal transfers and support.
   * @example "4829103847"
   */
  wallet_number!: string;
  /** @example true */
  active!: boolean;
  /**
   * The currency of a single-asset wallet (`btc`, `eth`, `usdt`, `usdc`, `usd`); null for a multi-asset
   * wallet.
   * @example "btc"
   */
  currency!: WalletCurrencyCode | null;
  /**
   * The wallet's type: `bitcoin` (btc), `ethereum` (eth), `usdt`, `usdc`, `fiat` (usd); `multi_asset` for a
   * multi-asset wallet.
   * @example "bitcoin"
   */
  asset_type!: string;
  /**
   * The balance object: `available`, `pending` and `ledger` (= available + pending). A single-asset wallet
   * gives each in its currency's major unit (decimal string under the currency's code: `btc`), its minor unit
   * (integer string under the unit's name: `sat`; `wei`, `micro_usdt`, `micro_usdc`, `cent`) and `usd` (the U.S.
   * dollar value as a decimal string, null while no price is known; a fiat `usd` wallet's own amount). A
   * multi-asset wallet gives `usd` totals only.
   */
  @ApiProperty({ type: WalletBalanceDto, example: BTC_BALANCE_EXAMPLE })
  balance!: WalletBalanceDto;
  /**
   * True when a `usd` figure of `balance` is null because a held asset's price is stale (older than
   * `PRICE_STALE_SECONDS`, or its feed's round is late): the value is unknown, not zero.
   * @example false
   */
  usd_stale!: boolean;
  /** @example {"tier":"vip"} */
  metadata!: Record<string, string>;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
  /** @example "2026-11-22T10:00:00.000Z" */
  updated_at!: string;
  /** With `include_balances=true`: balances per network, as GET /v1/wallets/{id}/balances. */
  balances?: NetworkBalancesDto[];
}

export class WalletListDto {
  data!: WalletDto[];
  /**
   * Pass as `cursor` to get the next page; null on the last page.
   * @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9"
   */
  next_cursor!: string | null;
}
