import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import {
  CreateMasterWalletDto,
  ListMasterWalletsWithBalancesQueryDto,
  MasterBalanceListDto,
  MasterTokenBalanceDto,
  MasterTokenBalanceQueryDto,
  MasterWalletDto,
  MasterWalletListDto,
  MasterWalletQueryDto,
} from './dto/master-wallet.dto';
import { MasterWalletsService } from './master-wallets.service';

@ApiTags('Master wallets')
@Controller('master-wallets')
export class MasterWalletsController {
  constructor(private readonly masterWallets: MasterWalletsService) {}

  /**
   * One HD master wallet per (organization, chain, network): the parent of every child address on that chain.
   * Idempotent: the first call creates it (201), retries return the same wallet (200). HMAC-signed requests only.
   */
  @Post()
  @Authenticated({ scope: 'write:wallets', hmacOnly: true })
  @ApiOperation({ summary: 'Create (or get) the master wallet of a chain and network' })
  @ApiCreatedResponse({ description: 'Created', type: MasterWalletDto })
  @ApiOkResponse({ description: 'It already existed: the existing wallet', type: MasterWalletDto })
  @ApiUnprocessableEntityResponse({ description: '`invalid_chain` or `invalid_network`', type: ErrorEnvelopeDto })
  async createMasterWallet(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateMasterWalletDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MasterWalletDto> {
    const { created, wallet } = await this.masterWallets.create(principal, dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return wallet;
  }

  /**
   * Your organization's master wallets, one per chain and network, with `count` and each one's number of child
   * addresses; `include_balances=true` inlines the on-chain balances of each master address.
   */
  @Get()
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'List master wallets' })
  listMasterWallets(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListMasterWalletsWithBalancesQueryDto,
  ): Promise<MasterWalletListDto> {
    return this.masterWallets.list(principal, query);
  }

  /**
   * One master wallet by its id (`wallet_not_found` for another organization's); `include_balances=true` inlines
   * its on-chain balances.
   */
  @Get(':masterWalletId')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Get a master wallet' })
  @ApiNotFoundResponse({ description: '`wallet_not_found`', type: ErrorEnvelopeDto })
  getMasterWallet(
    @CurrentPrincipal() principal: Principal,
    @Param('masterWalletId') id: string,
    @Query() query: MasterWalletQueryDto,
  ): Promise<MasterWalletDto> {
    return this.masterWallets.get(principal, id, query.include_balances === true);
  }

  /** Every token balance of the master address on its chain and network (on-chain, refreshed by a job). */
  @Get(':masterWalletId/balances')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "Get a master wallet's balances" })
  @ApiNotFoundResponse({ description: '`wallet_not_found`', type: ErrorEnvelopeDto })
  getMasterWalletBalances(
    @CurrentPrincipal() principal: Principal,
    @Param('masterWalletId') id: string,
  ): Promise<MasterBalanceListDto> {
    return this.masterWallets.tokenBalances(principal, id);
  }

  /** One token's balance with `pending_in` and `pending_out`: `?chain&network&token[&token_address]`. */
  @Get(':masterWalletId/balance')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "Get a master wallet's single-token balance" })
  @ApiNotFoundResponse({ description: '`wallet_not_found`', type: ErrorEnvelopeDto })
  @ApiUnprocessableEntityResponse({
    description: '`invalid_chain`, `invalid_network`, `unsupported_asset_network`',
    type: ErrorEnvelopeDto,
  })
  getMasterWalletBalance(
    @CurrentPrincipal() principal: Principal,
    @Param('masterWalletId') id: string,
    @Query() query: MasterTokenBalanceQueryDto,
  ): Promise<MasterTokenBalanceDto> {
    return this.masterWallets.tokenBalance(principal, id, query);
  }
}
