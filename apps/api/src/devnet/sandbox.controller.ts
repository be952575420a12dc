import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import {
  SandboxDepositDto,
  SandboxDepositResultDto,
  SandboxHeadDto,
  SandboxMineDto,
  SandboxNetworkDto,
  SandboxPriceDto,
  SandboxPriceResultDto,
  SandboxRevertDto,
  SandboxSnapshotDto,
} from './dto/sandbox.dto';
import { SandboxService } from './sandbox.service';

/** Present only on devnet deployments. */
@ApiTags('Sandbox (devnet only)')
@Controller('sandbox')
export class SandboxController {
  constructor(private readonly sandbox: SandboxService) {}

  /**
   * Sends a real devnet transaction (native or ERC-20 on EVM chains, BTC on bitcoin's regtest) from the sandbox
   * faucet, or from its denylisted address, to any address. Send to one of your receive addresses and watch the
   * deposit go pending, then available. On bitcoin with `DEVNET_BLOCK_TIME_SECONDS=0` a block is mined right after,
   * as the EVM devnet mines each transaction.
   */
  @Post('deposits')
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Fund an address on the devnet' })
  @ApiUnprocessableEntityResponse({
    description: '`invalid_network`, `unsupported_asset_network`, `invalid_address`, `invalid_amount`',
    type: ErrorEnvelopeDto,
  })
  sandboxDeposit(@Body() dto: SandboxDepositDto): Promise<SandboxDepositResultDto> {
    return this.sandbox.deposit(dto);
  }

  /**
   * Moves an asset's USD price: a new round on the devnet's Chainlink-compatible feed of the asset (a real
   * transaction on the ethereum devnet node). The price job reads it within `PRICE_REFRESH_SECONDS` (with
   * `PRICE_SOURCE=chainlink`, the default); balances and transactions then show the new USD values. `updated_at` in
   * the past posts a round that is already stale.
   */
  @Post('prices')
  @HttpCode(200)
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: "Set an asset's devnet USD price" })
  @ApiUnprocessableEntityResponse({
    description: '`unsupported_asset_network` (no feed for the asset), `invalid_amount`, `invalid_network`',
    type: ErrorEnvelopeDto,
  })
  sandboxPrice(@Body() dto: SandboxPriceDto): Promise<SandboxPriceResultDto> {
    return this.sandbox.setPrice(dto);
  }

  /** Mines blocks now, to reach the required confirmations without waiting. */
  @Post('mine')
  @HttpCode(200)
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Mine devnet blocks' })
  sandboxMine(@Body() dto: SandboxMineDto): Promise<SandboxHeadDto> {
    return this.sandbox.mine(dto);
  }

  /**
   * Takes a snapshot of a devnet chain, to revert to later (a reorg). On bitcoin a snapshot is the current height:
   * reverting invalidates the blocks above it (`invalidateblock`), and the node drops their transactions.
   */
  @Post('snapshots')
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Snapshot a devnet chain' })
  sandboxSnapshot(@Body() dto: SandboxNetworkDto): Promise<SandboxSnapshotDto> {
    return this.sandbox.snapshot(dto.network);
  }

  /**
   * Reverts a devnet chain to a snapshot. The blocks mined since are gone; the next blocks replace them, which the
   * scanner sees as a reorg: deposits that were only in the orphaned blocks fail with reason `reorged`.
   */
  @Post('revert')
  @HttpCode(200)
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Revert a devnet chain to a snapshot (reorg)' })
  sandboxRevert(@Body() dto: SandboxRevertDto): Promise<SandboxHeadDto> {
    return this.sandbox.revert(dto);
  }
}
