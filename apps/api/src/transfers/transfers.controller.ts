import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import {
  CurrentIdempotentRequest,
  ErrorEnvelopeDto,
  IdempotencyRequired,
  IdempotentRequest,
  PageQueryDto,
} from '@app/common';
import { TransactionDto } from '@app/ledger';
import {
  BatchDto,
  CreateBatchDto,
  CreateExternalAccountDto,
  CreateTransferDto,
  DeletedDto,
  ExternalAccountDto,
  ExternalAccountListDto,
  FeesDto,
  FeesQueryDto,
  SpeedUpDto,
} from './dto/transfer.dto';
import { ExternalAccountsService } from './external-accounts.service';
import { FeesService } from './fees.service';
import { SpeedUpService } from './speed-up';
import { transactionLocation, TransfersService } from './transfers.service';

@ApiTags('Transfers')
@Controller()
export class TransfersController {
  constructor(
    private readonly transfers: TransfersService,
    private readonly externalAccounts: ExternalAccountsService,
    private readonly fees: FeesService,
    private readonly speedUps: SpeedUpService,
  ) {}

  /**
   * Sends `amount` of an asset from the wallet. To a `public_address` or an `external_account`: the funds are held
   * at once and the transaction starts `pending`, then `broadcast`, `confirming`, `confirmed` (or `failed`, the
   * hold released). To another `wallet` of your organization: an instant, off-chain ledger transfer, `confirmed`.
   * The wallet is debited exactly `amount`; the network fee is booked to your organization's fee account.
   */
  @Post('wallets/:walletId/transfers')
  @Authenticated({ scope: 'write:wallets' })
  @IdempotencyRequired()
  @ApiOperation({ summary: 'Send from a wallet' })
  @ApiNotFoundResponse({
    description: '`not_found`: wallet, destination wallet or external account',
    type: ErrorEnvelopeDto,
  })
  @ApiConflictResponse({ description: '`wallet_not_active`, `idempotency_key_in_use`', type: ErrorEnvelopeDto })
  @ApiUnprocessableEntityResponse({
    description:
      '`invalid_address`, `invalid_amount`, `amount_below_dust`, `insufficient_funds`, `unsupported_asset_network`, `idempotency_key_reused`',
    type: ErrorEnvelopeDto,
  })
  async createTransfer(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Body() dto: CreateTransferDto,
    @CurrentIdempotentRequest() request: IdempotentRequest | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransactionDto> {
    const tx = await this.transfers.create(principal, walletId, dto, request);
    res.setHeader('Location', transactionLocation(tx.id));
    return tx;
  }

  /**
   * Batch withdrawal: one wallet, one asset, up to 500 destinations of any type. Every destination is validated and
   * every
   * amount held in one transaction, or nothing happens (422 naming the item in `details.index`). Then each item
   * proceeds on its own: internal ones at once, on-chain ones through the send pipeline.
   */
  @Post('wallets/:walletId/transfers/batch')
  @Authenticated({ scope: 'write:wallets' })
  @IdempotencyRequired()
  @ApiOperation({ summary: 'Send a batch from a wallet' })
  @ApiUnprocessableEntityResponse({
    description:
      'The first bad item, with `details.index`: `invalid_address`, `invalid_amount`, `insufficient_funds`, ...',
    type: ErrorEnvelopeDto,
  })
  createBatch(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Body() dto: CreateBatchDto,
    @CurrentIdempotentRequest() request: IdempotentRequest | undefined,
  ): Promise<BatchDto> {
    return this.transfers.batch(principal, walletId, dto, request);
  }

  /**
   * Cancels an on-chain send that is not signed yet (`sub_status` `queued` or `waiting_for_funds`): it becomes
   * `failed` with `failure_reason` `canceled`, its hold is released (`wallet_transaction.failed`). Again: the same
   * answer. A send already signed cannot be canceled (409): speed it up instead.
   */
  @Post('transactions/:transactionId/cancel')
  @HttpCode(200)
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Cancel a send not yet signed' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  @ApiConflictResponse({
    description: '`conflict`: signed or broadcast already, or not an on-chain send',
    type: ErrorEnvelopeDto,
  })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('transactionId') transactionId: string,
  ): Promise<TransactionDto> {
    return this.transfers.cancel(principal, transactionId);
  }

  /**
   * Gets a broadcast send that is not yet in a block mined sooner. Bitcoin: child pays for parent, a transaction
   * spending the send's change with a fee that lifts both to `fee_level`'s rate (works on every node; the send must
   * have change no later send spends yet). EVM: a replacement with the same nonce and higher fees (either may be
   * mined; `tx_hash` follows the one that is). The wallet is debited once; the extra fee goes to your organization's
   * fee account. `speed_up` on the transaction links the other transaction.
   */
  @Post('transactions/:transactionId/speed-up')
  @HttpCode(200)
  @Authenticated({ scope: 'write:wallets' })
  @IdempotencyRequired()
  @ApiOperation({ summary: 'Speed up a send' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  @ApiConflictResponse({
    description: '`conflict`: not an on-chain send, not broadcast or mined already, sped up already, no change left',
    type: ErrorEnvelopeDto,
  })
  speedUp(
    @CurrentPrincipal() principal: Principal,
    @Param('transactionId') transactionId: string,
    @Body() dto: SpeedUpDto,
  ): Promise<TransactionDto> {
    return this.speedUps.speedUp(principal, transactionId, dto);
  }

  /** A batch as it stands now: each item's status and, once signed, its transaction (on Bitcoin, one for all). */
  @Get('wallets/:walletId/transfers/batch/:batchId')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Get a batch' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  getBatch(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Param('batchId') batchId: string,
  ): Promise<BatchDto> {
    return this.transfers.getBatch(principal, walletId, batchId);
  }

  /** Low, medium and high fee levels for a send of `asset` on `network`, from the node's fee history. */
  @Get('fees')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Estimate network fees' })
  @ApiUnprocessableEntityResponse({
    description: '`invalid_network`, `unsupported_asset_network`',
    type: ErrorEnvelopeDto,
  })
  getFees(@Query() query: FeesQueryDto): Promise<FeesDto> {
    return this.fees.estimate(query);
  }

  /** Adds a validated address to the address book, usable as an `external_account` destination. */
  @Post('external-accounts')
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Add an external account' })
  @ApiConflictResponse({ description: '`conflict`: already in the address book (details.id)', type: ErrorEnvelopeDto })
  @ApiUnprocessableEntityResponse({ description: '`invalid_network`, `invalid_address`', type: ErrorEnvelopeDto })
  createExternalAccount(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateExternalAccountDto,
  ): Promise<ExternalAccountDto> {
    return this.externalAccounts.create(principal, dto);
  }

  /** Your address book: every external account not deleted, usable as an `external_account` destination. */
  @Get('external-accounts')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'List external accounts' })
  listExternalAccounts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQueryDto,
  ): Promise<ExternalAccountListDto> {
    return this.externalAccounts.list(principal, query);
  }

  /** One address book entry by its id; a deleted entry is `not_found`. */
  @Get('external-accounts/:externalAccountId')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Get an external account' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  getExternalAccount(
    @CurrentPrincipal() principal: Principal,
    @Param('externalAccountId') id: string,
  ): Promise<ExternalAccountDto> {
    return this.externalAccounts.get(principal, id);
  }

  /**
   * Removes the entry from the address book: it can no longer be a destination, while transfers already made to it
   * keep referring to it. The same address can be added again.
   */
  @Delete('external-accounts/:externalAccountId')
  @HttpCode(200)
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Delete an external account' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  deleteExternalAccount(
    @CurrentPrincipal() principal: Principal,
    @Param('externalAccountId') id: string,
  ): Promise<DeletedDto> {
    return this.externalAccounts.remove(principal, id);
  }
}
