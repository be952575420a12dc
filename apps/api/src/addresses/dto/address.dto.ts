import { IsString, Length, Matches } from 'class-validator';
import { Optional, PageQueryDto } from '@app/common';

export class CreateAddressDto {
  /**
   * Asset symbol.
   * @example "USDC"
   */
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,12}$/, { message: 'asset must be an asset symbol such as USDC' })
  asset!: string;

  /**
   * Network, as the chain name: `bitcoin`, `ethereum`, `polygon`, `tron`. The deployment's environment decides
   * which concrete network that is (mainnet, a testnet, or the local devnet).
   * @example "ethereum"
   */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/i, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /**
   * Your label for this address.
   * @example "deposit for order 1042"
   */
  @Optional()
  @IsString()
  @Length(1, 200)
  label?: string;
}

export class ListAddressesQueryDto extends PageQueryDto {
  /** @example "USDC" */
  @Optional()
  @IsString()
  @Length(1, 12)
  asset?: string;

  /** @example "ethereum" */
  @Optional()
  @IsString()
  @Length(1, 32)
  network?: string;
}

export class AddressDto {
  /** @example "7c9e6679-7425-40de-944b-e07fc1f90ae7" */
  id!: string;
  /** @example "3b0f7e5c-2a3d-4f7e-9b1a-6c5d4e3f2a1b" */
  wallet_id!: string;
  /** @example "USDC" */
  asset!: string;
  /** @example "ethereum" */
  network!: string;
  /**
   * Currency code of the (asset, network) pair.
   * @example "USDCERC20"
   */
  currency!: string;
  /** @example "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c" */
  address!: string;
  /** @example "deposit for order 1042" */
  label!: string | null;
  /**
   * Whether this deployment scans the address's network for deposits. False when the network has no node (no
   * `RPC_URL_<CHAIN>`, e.g. Tron on devnet): funds sent there are not credited until a node is configured, so do
   * not show such an address to a customer as a deposit address.
   * @example true
   */
  monitored!: boolean;
  /** @example "2026-11-22T10:00:00.000Z" */
  created_at!: string;
}

export class AddressListDto {
  data!: AddressDto[];
  /** @example "eyJpZCI6IjNiMGY3ZTVjLTJhM2QtNGY3ZS05YjFhLTZjNWQ0ZTNmMmExYiJ9" */
  next_cursor!: string | null;
}

export class ValidateAddressQueryDto {
  /** @example "ethereum" */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/i, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /** @example "0x5a0b54d5dc17e0aadc383d2db43b0a0d3e029c4c" */
  @IsString()
  @Length(1, 128)
  address!: string;
}

export class AddressValidationDto {
  /** @example true */
  valid!: boolean;
  /**
   * The canonical form (EIP-55 checksum case for EVM, lower case for bech32); null when invalid.
   * @example "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c"
   */
  normalized!: string | null;
  /**
   * The address belongs to one of your wallets or master wallets on this network.
   * @example false
   */
  is_internal!: boolean;
  /** @example "ethereum" */
  network!: string;
  /**
   * Why it is invalid.
   * @example "bad EIP-55 checksum"
   */
  reason!: string | null;
}
