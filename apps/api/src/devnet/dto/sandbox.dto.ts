import { IsBoolean, IsInt, IsISO8601, IsString, Length, Matches, Max, Min } from 'class-validator';
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

export class SandboxPriceDto {
  /**
   * The asset whose USD price to move: `ETH`, `BTC`, `USDC` or `USDT` (one price for the asset on every chain).
   * @example "ETH"
   */
  @IsString()
  @Matches(/^[A-Za-z0-9]{2,12}$/, { message: 'asset must be an asset symbol such as ETH' })
  asset!: string;

  /**
   * The new price in USD per whole unit, a decimal string with at most 8 decimal places (the feed's precision).
   * @example "3150.25"
   */
  @IsString()
  @Length(1, 100)
  usd!: string;

  /**
   * The round's update time (ISO 8601); default: now (the block's time). A time older than the feed's heartbeat
   * makes the price stale: USD values turn null with `usd_stale: true`.
   * @example "2026-12-01T00:00:00.000Z"
   */
  @Optional()
  @IsISO8601({ strict: true })
  updated_at?: string;
}

export class SandboxPriceResultDto {
  /** @example "ETH" */
  asset!: string;
  /**
   * The feed's answer as a decimal string.
   * @example "3150.25"
   */
  usd!: string;
  /**
   * The feed's raw answer (8 decimals).
   * @example "315025000000"
   */
  answer_raw!: string;
  /** @example 8 */
  decimals!: number;
  /**
   * The round this created.
   * @example "2"
   */
  round_id!: string;
  /** @example "2026-12-04T10:00:00.000Z" */
  updated_at!: string;
  /**
   * The chain the feed lives on (its `rpc_url` in GET /v1/networks reaches it).
   * @example "ethereum"
   */
  network!: string;
  /**
   * The feed contract (AggregatorV3Interface: `latestRoundData()`, `decimals()`).
   * @example "0x8464135c8F25Da09e49BC8782676a84730C318bC"
   */
  feed_address!: string;
}
