import { IsString, Length, Matches } from 'class-validator';
import { Optional, PageQueryDto } from '@app/common';

export class CreateMasterWalletDto {
  /**
   * `ethereum`, `polygon`, `base`, `bsc`, `tron` or `bitcoin` (`solana` and `aptos` are not yet available).
   * @example "ethereum"
   */
  @IsString() @Matches(/^[a-z0-9-]{2,32}$/, { message: 'chain must be a lower-case chain name such as ethereum' })
  chain!: string;

  /**
   * The concrete network, which must be this deployment's: `mainnet`, `sepolia`, `amoy`, `shasta`, `testnet`,
   * `devnet`, `regtest` (see GET /v1/networks).
   * @example "devnet"
   */
  @IsString() @Matches(/^[a-z0-9-]{2,32}$/, { message: 'network must be a lower-case network name such as mainnet' })
  network!: string;

  /**
   * Friendly name.
   * @example "Main ETH Wallet"
   */
  @Optional() @IsString() @Length(1, 200)
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
}

export class MasterWalletListDto {
  data!: MasterWalletDto[];
  next_cursor!: string | null;
  /**
   * Master wallets in your organization.
   * @example 2
   */
  count!: number;
}
