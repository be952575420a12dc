import { IsBoolean, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Optional } from '@app/common';

const NETWORK = /^[a-z0-9-]{2,32}$/i;

export class SandboxDepositDto {
  /**
   * A devnet network with a node: `ethereum`, `polygon` or `bitcoin`.
   * @example "ethereum"
   */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /** @example "USDC" */
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,12}$/, { message: 'asset must be an asset symbol such as USDC' })
  asset!: string;

  /**
   * The receiving address (one of your receive addresses, to see a deposit).
   * @example "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c"
   */
  @IsString()
  @Length(1, 128)
  address!: string;

  /**
   * Decimal amount in the asset's units.
   * @example "125.50"
   */
  @IsString()
  @Length(1, 100)
  amount!: string;

  /**
   * Send from the sandbox's denylisted address: AML screening quarantines the deposit.
   * @example false
   */
  @Optional()
  @IsBoolean()
  from_denylisted?: boolean;
}

export class SandboxDepositResultDto {
  /** @example "0x8f3c...e1" */
  tx_hash!: string;
  /** @example "ethereum" */
  network!: string;
  /** @example "USDC" */
  asset!: string;
  /** @example "125.5" */
  amount!: string;
  /** @example "125500000" */
  amount_raw!: string;
  /** @example "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" */
  from_address!: string;
  /** @example "0x5A0b54D5dc17e0AadC383d2db43B0a0D3E029c4c" */
  to_address!: string;
}

export class SandboxMineDto {
  /** @example "ethereum" */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;

  /**
   * Blocks to mine at once, 1-1000.
   * @example 3
   */
  @IsInt()
  @Min(1)
  @Max(1000)
  blocks!: number;
}

export class SandboxNetworkDto {
  /** @example "ethereum" */
  @IsString()
  @Matches(NETWORK, { message: 'network must be a chain name such as ethereum' })
  network!: string;
}

export class SandboxRevertDto extends SandboxNetworkDto {
  /**
   * From POST /v1/sandbox/snapshots.
   * @example "0x1"
   */
  @IsString()
  @Matches(/^0x[0-9a-f]{1,16}$/i, { message: 'snapshot_id must be an id from POST /v1/sandbox/snapshots' })
  snapshot_id!: string;
}

export class SandboxHeadDto {
  /** @example "ethereum" */
  network!: string;
  /** @example "128" */
  head_height!: string;
}

export class SandboxSnapshotDto extends SandboxHeadDto {
  /** @example "0x1" */
  snapshot_id!: string;
}
