import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@app/auth';
import { CurrentIdempotentRequest, ErrorEnvelopeDto, IdempotentRequest } from '@app/common';
import { AddressesService } from './addresses.service';
import {
  AddressDto,
  AddressListDto,
  AddressValidationDto,
  CreateAddressDto,
  ListAddressesQueryDto,
  ValidateAddressQueryDto,
} from './dto/address.dto';

@ApiTags('Addresses')
@Controller()
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  /**
   * Creates a fresh receive address for one (asset, network) pair. Pairs at launch: BTC/bitcoin, ETH/ethereum,
   * USDC/ethereum, USDT/ethereum, USDC/polygon, USDT/tron.
   */
  @Post('wallets/:walletId/addresses')
  @Authenticated({ scope: 'write:wallets' })
  @ApiOperation({ summary: 'Create a receive address' })
  @ApiNotFoundResponse({ description: '`not_found`: no such wallet', type: ErrorEnvelopeDto })
  @ApiConflictResponse({
    description: '`wallet_not_active`: the wallet is pending or disabled',
    type: ErrorEnvelopeDto,
  })
  @ApiUnprocessableEntityResponse({
    description: '`unsupported_asset_network`; details list the supported pairs',
    type: ErrorEnvelopeDto,
  })
  createAddress(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Body() dto: CreateAddressDto,
    @CurrentIdempotentRequest() request: IdempotentRequest | undefined,
  ): Promise<AddressDto> {
    return this.addresses.create(principal, walletId, dto, request);
  }

  /** Every address generated for a wallet, newest first. */
  @Get('wallets/:walletId/addresses')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: "List a wallet's addresses" })
  @ApiNotFoundResponse({ description: '`not_found`: no such wallet', type: ErrorEnvelopeDto })
  listAddresses(
    @CurrentPrincipal() principal: Principal,
    @Param('walletId') walletId: string,
    @Query() query: ListAddressesQueryDto,
  ): Promise<AddressListDto> {
    return this.addresses.list(principal, walletId, query);
  }

  /** Checks an address for a network, checksum included, and tells whether it is one of yours. */
  @Get('addresses/validate')
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'Validate an address' })
  @ApiUnprocessableEntityResponse({ description: '`invalid_network`', type: ErrorEnvelopeDto })
  validateAddress(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ValidateAddressQueryDto,
  ): Promise<AddressValidationDto> {
    return this.addresses.validate(principal, query);
  }
}
