import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@app/auth';
import { NetworkRegistry } from '@app/chains';
import { NetworkListDto } from './network.dto';

@ApiTags('Networks')
@Controller('networks')
export class NetworksController {
  constructor(private readonly registry: NetworkRegistry) {}

  /** The chains, networks and assets this deployment runs, with their required confirmations. */
  @Get()
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'List networks' })
  listNetworks(): NetworkListDto {
    return {
      data: this.registry.list().map((n) => ({
        chain: n.chain,
        network: n.name,
        environment: n.env,
        display_name: n.displayName,
        family: n.family,
        chain_id: n.chainId ?? null,
        required_confirmations: n.confirmations,
        assets: n.assets.map((a) => ({
          asset_id: a.id,
          symbol: a.symbol,
          currency: a.currency,
          decimals: a.decimals,
          native: a.native,
          contract_address: a.contract ?? null,
          receive: a.receive,
        })),
      })),
    };
  }
}
