import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { CurrentIdempotentRequest, ErrorEnvelopeDto, IdempotencyRequired, IdempotentRequest } from '@app/common';
import { TransactionDto } from '@app/ledger';
import { AdjustmentsService, adjustmentLocation } from './adjustments.service';
import { CreateAdjustmentDto } from './dto/adjustment.dto';

@ApiTags('Wallets')
@Controller()
export class AdjustmentsController {
  constructor(private readonly adjustments: AdjustmentsService) {}

  /**
   * Books an operator's credit or debit of a fiat (`usd`) wallet against your organization's fiat settlement
   * account: double entry in the ledger, final at once (`confirmed`), a wallet transaction with
   * `destination.type: "adjustment"` and the reason as its `note`, and the events of any transaction
   * (`wallet.incoming_transaction` for a credit, `wallet_transaction.confirmed`). Ledger only: no bank rail is
   * attached and nothing goes on chain; reconcile the settlement account with your bank. Needs the
   * `write:adjustments` scope.
   */
  @Post('wallets/:walletId/adjustments')
  @Authenticated({ scope: 'write:adjustments' })
  @IdempotencyRequired()
  @ApiOperation({ summary: 'Credit or debit a fiat wallet' })
  @ApiNotFoundResponse({ description: '`not_found`: the wallet', type: ErrorEnvelopeDto })
  @ApiConflictResponse({ description: '`wallet_not_active`, `idempotency_key_in_use`', type: ErrorEnvelopeDto })
  @ApiUnprocessableEntityResponse({
    description:
      '`insufficient_funds` (a debit past zero), `invalid_amount`, `wallet_currency_mismatch` (not a usd wallet), `idempotency_key_reused`',
    type: ErrorEnvelopeDto,
  })
  async createAdjustment(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Body() dto: CreateAdjustmentDto,
    @CurrentIdempotentRequest() request: IdempotentRequest | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TransactionDto> {
    const tx = await this.adjustments.create(principal, walletId, dto, request);
    res.setHeader('Location', adjustmentLocation(tx.id));
    return tx;
  }
}
