import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import {
  CreateWalletDto,
  GetWalletQueryDto,
  ListWalletsQueryDto,
  UpdateWalletDto,
  WalletDto,
  WalletListDto,
} from './dto/wallet.dto';
import { WalletsService } from './wallets.service';

@ApiTags('Wallets')
@Controller('wallets')
export class WalletsController {
  constructor(private readonly wallets: WalletsService) {}

  /**
   * Provisions a multi-asset wallet. The body is optional. The wallet starts `pending` and becomes `active` when
   * provisioning completes and the `wallet.created` event fires. Receive addresses are created per asset and network.
   */
  @Post()
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Create a wallet' })
  // A fixed external_id in the example would work once and then 409: the example leaves it out.
  @ApiBody({
    type: CreateWalletDto,
    required: false,
    examples: {
      wallet: {
        summary: 'A named wallet (add your own unique external_id)',
        value: { name: 'Player 12345', metadata: { tier: 'vip' } },
      },
    },
  })
  @ApiConflictResponse({
    description: '`conflict`: external_id already used in this organization',
    type: ErrorEnvelopeDto,
  })
  createWallet(@CurrentPrincipal() principal: Principal, @Body() dto: CreateWalletDto): Promise<WalletDto> {
    return this.wallets.create(principal, dto);
  }

  /** Every wallet of your organization, newest first. */
  @Get()
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'List wallets' })
  listWallets(@CurrentPrincipal() principal: Principal, @Query() query: ListWalletsQueryDto): Promise<WalletListDto> {
    return this.wallets.list(principal, query);
  }

  /** One wallet of your organization by its id; `include_balances=true` inlines its balances per network and asset. */
  @Get(':walletId')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Get a wallet' })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  getWallet(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Query() query: GetWalletQueryDto,
  ): Promise<WalletDto> {
    return this.wallets.get(principal, walletId, query.include_balances === true);
  }

  /** Updates name, external_id, bindings and metadata; `status` disables or re-enables the wallet. */
  @Patch(':walletId')
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Update a wallet' })
  @ApiBody({
    type: UpdateWalletDto,
    examples: {
      rename: { summary: 'Rename and tag', value: { name: 'Player 12345 (VIP)', metadata: { tier: 'vip' } } },
    },
  })
  @ApiNotFoundResponse({ description: '`not_found`', type: ErrorEnvelopeDto })
  @ApiConflictResponse({
    description: '`conflict` (external_id taken) or `wallet_not_active` (still pending)',
    type: ErrorEnvelopeDto,
  })
  updateWallet(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Body() dto: UpdateWalletDto,
  ): Promise<WalletDto> {
    return this.wallets.update(principal, walletId, dto);
  }
}
