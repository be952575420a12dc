import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IntegerAsString, Optional, VISIBLE_ASCII } from '@app/common';
import type { FeeLevel } from '@app/db';

const FEE_LEVELS: FeeLevel[] = ['low', 'medium', 'high'];
const ASSET = /^[A-Za-z0-9]{2,12}$/;
const NETWORK = /^[a-z0-9-]{2,32}$/i;

/** A destination of any type: another wallet, an address book entry or a public address. */
export class TransferDestinationDto {
  /**
   * `public_address` (any address on the network), `wallet` (another wallet of your organization: an instant,
   * off-chain ledger transfer) or `external_account` (an address book entry).
   * @example "public_address"
   */
  @IsIn(['public_address', 'wallet', 'external_account'])
  type!: 'public_address' | 'wallet' | 'external_account';

  /**
   * For `public_address`.
   * @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72"
   */
  @Optional()
  @IsString()
  @Length(1, 128)
  address?: string;

  /**
   * For `public_address` (the batch API's field name).
   * @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72"
   */
  @Optional()
  @IsString()
  @Length(1, 128)
  public_address?: string;

  /**
   * For `wallet` and `external_account`: their id. For `wallet`, an id of digits only is a wallet number (a partner's
   * integer wallet ids): `"4829103847"`, or as a JSON integer, `4829103847`.
   * @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f"
   */
  @Optional()
  @IntegerAsString()
  @IsString()
  @Length(1, 64)
  id?: string;

  /**
   * For `wallet`: same as `id`.
   * @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f"
   */
  @Optional()
  @IsString()
  @Length(1, 64)
  wallet_id?: string;

  /**
   * For `wallet`: the destination's 10-digit wallet number (the wallet's `wallet_number`) instead of its id.
   * @example "4829103847"
   */
  @Optional()
  @Matches(/^[0-9]{10}$/, { message: 'wallet_number must be 10 digits' })
  wallet_number?: string;
}

export class CreateTransferDto {
  /** @example "USDC" */
  @IsString()
  @Matches(ASSET, { message: 'asset must be an asset symbol such as USDC' })
  asset!: string;

  /**
   * The chain name, as for addresses; `fiat` for `USD` between fiat wallets (`usd` wallets).
   * @example "ethereum"
   */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /**
   * Positive decimal string in the asset's units (give this or `amount_raw`).
   * @example "125.50"
   */
  @Optional()
  @IsString()
  @Length(1, 100)
  amount?: string;

  /**
   * Positive integer string in base units (give this or `amount`).
   * @example "125500000"
   */
  @Optional()
  @IsString()
  @Length(1, 80)
  amount_raw?: string;

  /**
   * An external on-chain address (the same as `destination: {type: "public_address", address}`).
   * @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72"
   */
  @Optional()
  @IsString()
  @Length(1, 128)
  destination_address?: string;

  /** A destination of any type (instead of `destination_address`). */
  @Optional()
  @ValidateNested()
  @Type(() => TransferDestinationDto)
  destination?: TransferDestinationDto;

  /**
   * Free text, at most 500 characters.
   * @example "Withdrawal #1042"
   */
  @Optional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /**
   * Your id for this transfer, unique in your organization forever: a second transfer with it returns the first.
   * @example "withdrawal-1042"
   */
  @Optional()
  @Matches(VISIBLE_ASCII, { message: 'external_id must be 1-255 visible ASCII characters' })
  external_id?: string;

  /**
   * Bitcoin: the fee rate to pay, as `GET /v1/fees` shows it (`low`, `medium`, `high`; default `medium`). EVM sends
   * pay the node's current fees whatever this says.
   * @example "medium"
   */
  @Optional()
  @IsIn(FEE_LEVELS)
  fee_level?: FeeLevel;
}

export class BatchDestinationDto extends TransferDestinationDto {
  /**
   * Decimal amount in the asset's units (give this or `amount_raw`).
   * @example "0.1"
   */
  @Optional()
  @IsString()
  @Length(1, 100)
  amount?: string;

  /**
   * Amount in base units (satoshis, wei, 10^-6 USDC). Batch destinations also take it.
   * @example "100000"
   */
  @Optional()
  @IsString()
  @Length(1, 80)
  amount_raw?: string;
}

export class CreateBatchDto {
  /** @example "USDC" */
  @IsString()
  @Matches(ASSET, { message: 'asset must be an asset symbol such as USDC' })
  asset!: string;

  /**
   * The chain name; `fiat` for `USD` between fiat wallets.
   * @example "ethereum"
   */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /** 1-500 destinations; all are validated and all funds held at once, or nothing happens. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BatchDestinationDto)
  destinations!: BatchDestinationDto[];

  /** @example "Payouts 2026-11-22" */
  @Optional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /**
   * Bitcoin: the fee rate to pay, as `GET /v1/fees` shows it (`low`, `medium`, `high`; default `medium`). EVM sends
   * pay the node's current fees whatever this says.
   * @example "medium"
   */
  @Optional()
  @IsIn(FEE_LEVELS)
  fee_level?: FeeLevel;
}

export class SpeedUpDto {
  /**
   * Bitcoin: the fee rate that the send and its child together should pay (default `high`). EVM: ignored; the
   * replacement pays at least an eighth more than the send and at least the node's current fees.
   * @example "high"
   */
  @Optional()
  @IsIn(FEE_LEVELS)
  fee_level?: FeeLevel;
}

export class BatchItemDto {
  /** @example 0 */
  index!: number;
  /** @example "2f1e0d9c-8b7a-4c6d-9e5f-0a1b2c3d4e5f" */
  transaction_id!: string;
  /** @example "public_address" */
  type!: string;
  /** @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72" */
  address!: string | null;
  /** @example "8a6e4c2b-1d3f-4a5b-9c7d-2e4f6a8b0c1d" */
  wallet_id!: string | null;
  /** @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f" */
  external_account_id!: string | null;
  /** @example "0.1" */
  amount!: string;
  /** @example "100000" */
  amount_raw!: string;
  /**
   * Internal items are `confirmed` at once; on-chain items start `pending`.
   * @example "pending"
   */
  status!: string;
  /**
   * The on-chain transaction once signed (null for internal items and before). On Bitcoin every on-chain item of a
   * batch is an output of the same transaction, at `output_index`.
   * @example "0x8f3c5d2e1b0a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"
   */
  tx_hash!: string | null;
  /** @example 1 */
  output_index!: number | null;
}

export class BatchDto {
  /** @example "0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69" */
  id!: string;
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  wallet_id!: string;
  /** @example "USDC" */
  asset!: string;
  /** @example "ethereum" */
  network!: string;
  /** @example "0.3" */
  total!: string;
  /** @example "300000" */
  total_raw!: string;
  items!: BatchItemDto[];
  /**
   * Bitcoin: the one transaction paying every on-chain item, once signed (null before, for EVM batches, whose items
   * are one transaction each, and for batches with only internal items).
   * @example "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
   */
  tx_hash!: string | null;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
}

export class ExternalAccountDto {
  /** @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f" */
  id!: string;
  /** @example "ethereum" */
  network!: string;
  /**
   * Normalized (EIP-55 for EVM).
   * @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72"
   */
  address!: string;
  /** @example "Treasury cold wallet" */
  label!: string | null;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
}

export class ExternalAccountListDto {
  data!: ExternalAccountDto[];
  /** @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9" */
  next_cursor!: string | null;
}

export class CreateExternalAccountDto {
  /** @example "ethereum" */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /** @example "0x8ba1f109551bD432803012645Ac136ddd64DBA72" */
  @IsString()
  @Length(1, 128)
  address!: string;

  /** @example "Treasury cold wallet" */
  @Optional()
  @IsString()
  @Length(1, 200)
  label?: string;
}

export class DeletedDto {
  /** @example "6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f" */
  id!: string;
  /** @example true */
  deleted!: boolean;
}

export class FeesQueryDto {
  /** @example "ethereum" */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /** @example "USDC" */
  @Optional()
  @IsString()
  @Matches(ASSET, { message: 'asset must be an asset symbol such as USDC' })
  asset?: string;
}

export class FeeLevelDto {
  /** EVM: max fee per gas in gwei; null on Bitcoin. @example "2.5" */
  max_fee_per_gas_gwei!: string | null;
  /** EVM; null on Bitcoin. @example "2500000000" */
  max_fee_per_gas!: string | null;
  /** EVM; null on Bitcoin. @example "1000000000" */
  max_priority_fee_per_gas!: string | null;
  /**
   * Bitcoin: the fee rate in satoshis per virtual byte (`estimatesmartfee` for 24, 6 and 2 blocks, never under 1);
   * null on EVM.
   * @example "12"
   */
  fee_rate_sat_per_vb!: string | null;
  /**
   * EVM: gas_limit x max_fee_per_gas, an upper bound of the fee; Bitcoin: estimated_vsize x the fee rate. In the
   * native asset.
   * @example "0.0000525"
   */
  estimated_fee!: string;
  /** @example "52500000000000" */
  estimated_fee_raw!: string;
}

export class FeesDto {
  /** @example "ethereum" */
  network!: string;
  /** @example "USDC" */
  asset!: string;
  /** @example "ETH" */
  fee_asset!: string;
  /** EVM; null on Bitcoin. @example "65000" */
  gas_limit!: string | null;
  /** EVM; null on Bitcoin. @example "1000000000" */
  base_fee_per_gas!: string | null;
  /**
   * Bitcoin: the virtual size the estimates are for (a send with one P2WPKH input and two outputs); null on EVM.
   * @example "141"
   */
  estimated_vsize!: string | null;
  low!: FeeLevelDto;
  medium!: FeeLevelDto;
  high!: FeeLevelDto;
}
