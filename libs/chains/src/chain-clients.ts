import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { Network, NetworkRegistry } from '../registry/network-registry';
import { EvmClient } from './evm-client';

/** One client per EVM network that has an RPC URL on this deployment. */
@Injectable()
export class ChainClients {
  private readonly clients = new Map<string, EvmClient>();

  constructor(config: AppConfig, registry: NetworkRegistry) {
    for (const network of registry.list()) {
      const url = config.rpcUrls[network.chain];
      if (network.family === 'evm' && url) this.clients.set(network.key, new EvmClient(network, url));
    }
  }

  evm(network: Network): EvmClient | undefined {
    return this.clients.get(network.key);
  }

  all(): EvmClient[] {
    return [...this.clients.values()];
  }
}
