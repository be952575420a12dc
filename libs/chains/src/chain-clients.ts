import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { BitcoinClient } from './bitcoin/bitcoin-client';
import { Network, NetworkRegistry } from './registry/network-registry';
import type { ChainWatcher } from './watcher';
import { EvmClient } from './evm/evm-client';
import { EvmWatcher } from './evm/evm-watcher';

/** One client per network that has an RPC URL on this deployment (EVM and Bitcoin families). */
@Injectable()
export class ChainClients {
  private readonly clients = new Map<string, EvmClient>();
  private readonly bitcoinClients = new Map<string, BitcoinClient>();
  private readonly watcherList: ChainWatcher[] = [];

  constructor(config: AppConfig, registry: NetworkRegistry) {
    for (const network of registry.list()) {
      const url = config.rpcUrls[network.chain];
      if (!url) continue;
      if (network.family === 'evm') {
        const client = new EvmClient(network, url);
        this.clients.set(network.key, client);
        this.watcherList.push(new EvmWatcher(client));
      } else if (network.family === 'bitcoin') {
        const client = new BitcoinClient(network, url);
        this.bitcoinClients.set(network.key, client);
        this.watcherList.push(client);
      }
    }
  }

  evm(network: Network): EvmClient | undefined {
    return this.clients.get(network.key);
  }

  /** The EVM clients. */
  all(): EvmClient[] {
    return [...this.clients.values()];
  }

  bitcoin(network: Network): BitcoinClient | undefined {
    return this.bitcoinClients.get(network.key);
  }

  /** The Bitcoin-family clients. */
  allBitcoin(): BitcoinClient[] {
    return [...this.bitcoinClients.values()];
  }

  /** The deposit scanner's view of every network with a node, whatever its family. */
  watchers(): ChainWatcher[] {
    return this.watcherList;
  }

  watcher(network: Network): ChainWatcher | undefined {
    return this.watcherList.find((w) => w.network.key === network.key);
  }
}
