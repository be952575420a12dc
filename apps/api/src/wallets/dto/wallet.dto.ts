import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsMetadata, Optional, PageQueryDto, QueryBoolean, ValidateUUID, VISIBLE_ASCII } from '@app/common';
import { NetworkBalancesDto } from '@app/ledger';
import { WALLET_STATUSES, type WalletStatus } from '@app/db';

export class CreateWalletDto {
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

  @Optional({ nullable: true })
  @ValidateUUID()
  end_user_id?: string | null;

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
  end_user_id!: string | null;
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
  /** Pass as `cursor` to get the next page; null on the last page. */
  next_cursor!: string | null;
}
