import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import { ListTransactionsQueryDto, TransactionDto, TransactionListDto } from './dto/transaction.dto';
import { TransactionsService } from './transactions.service';

@ApiTags('Transactions')
@Controller()
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  /** Deposits and withdrawals of a wallet, newest first, with status, confirmations and on-chain details. */
  @Get('wallets/:walletId/transactions')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "List a wallet's transactions" })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  listWalletTransactions(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Query() query: ListTransactionsQueryDto,
  ): Promise<TransactionListDto> {
    return this.transactions.list(principal, walletId, query);
  }

  /**
   * One deposit or withdrawal of any wallet of your organization by its id: status (`sub_status` for sends),
   * confirmations, amounts, fee, tx hash and, for a sped-up send, `speed_up`.
   */
  @Get('transactions/:transactionId')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Get a transaction' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  getTransaction(
    @CurrentPrincipal() principal: Principal,
    @Param('transactionId') id: string,
  ): Promise<TransactionDto> {
    return this.transactions.get(principal, id);
  }
}
