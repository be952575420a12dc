import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import { WalletBalancesDto } from '@app/ledger';
import { BalancesService } from './balances.service';
import { BalanceLookupDto, BalanceLookupResultDto, SingleBalanceDto, SingleBalanceQueryDto } from './dto/balances.dto';

@ApiTags('Balances')
@Controller('wallets')
export class BalancesController {
  constructor(private readonly balances: BalancesService) {}

  /**
   * Balances of a wallet looked up by `wallet_id` or by your `external_id` (POST with a JSON body).
   * A read: a plain `X-API-Key: <id>.<secret>` or a bearer token is enough.
   */
  @Post('balances')
  @HttpCode(200)
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "Look up a wallet's balances" })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  lookupBalances(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: BalanceLookupDto,
  ): Promise<BalanceLookupResultDto> {
    return this.balances.lookup(principal, dto);
  }

  /**
   * Per-network balances of a wallet, each network with its receive addresses and the scanner's progress
   * (`indexed_height`, `last_synced`, `is_stale`). Every figure comes with its base-unit `_raw` twin.
   */
  @Get(':walletId/balances')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "Get a wallet's balances" })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  getWalletBalances(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
  ): Promise<WalletBalancesDto> {
    return this.balances.walletBalances(principal, walletId);
  }

  /**
   * One asset's balance: `?network=ethereum&asset=USDC`, or, master-wallet style,
   * `?chain=ethereum&network=devnet&token=USDC`.
   */
  @Get(':walletId/balance')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "Get one asset's balance" })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  @ApiUnprocessableEntityResponse({
    description: '`invalid_chain`, `invalid_network`, `unsupported_asset_network`',
    type: ErrorEnvelopeDto,
  })
  getWalletBalance(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Query() query: SingleBalanceQueryDto,
  ): Promise<SingleBalanceDto> {
    return this.balances.singleBalance(principal, walletId, query);
  }
}
