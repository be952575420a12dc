import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@app/auth';
import { NetworkListDto } from './network.dto';
import { NetworksService } from './networks.service';

@ApiTags('Networks')
@Controller('networks')
export class NetworksController {
  constructor(private readonly networks: NetworksService) {}

  /**
   * The chains, networks and assets this deployment runs: required confirmations, the node's head, the scanner's
   * indexed height and lag, and on devnet the embedded node's RPC URL.
   */
  @Get()
  @Authenticated({ scope: 'read:wallets' })
  @ApiOperation({ summary: 'List networks' })
  async listNetworks(): Promise<NetworkListDto> {
    return { data: await this.networks.list() };
  }
}
