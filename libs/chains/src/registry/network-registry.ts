import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig, NetworkEnv } from '@app/config';
import { DomainError, ErrorCode } from '@app/common';
import { AssetSpec, ASSETS } from './assets';
import { fiatAssetOf } from './currencies';
import { BitcoinParams, ChainFamily, ChainName, CHAINS, isChainName, NOT_YET_AVAILABLE_CHAINS } from './chains';
import { DEVNET_FEED_HEARTBEAT_SECONDS, DEVNET_PRICE_FEEDS, PRICE_FEEDS } from './price-feeds';

export interface Asset {
  /** Stable id of this asset on this network (the master wallet API's asset_id). */
  id: string;
  symbol: string;
  currency: string;
  decimals: number;
  /** The base unit's name (`sat`, `wei`, `micro_usdc`, ...). */
  minorUnit: string;
  native: boolean;
  /** Token contract; undefined for the native asset, or for a devnet token before the devnet deployed it. */
  contract?: string;
  receive: boolean;
  network: Network;
}

export interface Network {
  /** `<chain>:<network name>`, e.g. `ethereum:devnet`; the key stored on rows. */
  key: string;
  chain: ChainName;
  name: string;
  env: NetworkEnv;
  family: ChainFamily;
  displayName: string;
  chainId?: number;
  bitcoin?: BitcoinParams;
  confirmations: number;
  assets: Asset[];
}

/** A USD price feed of this deployment: where to read it (the chain's RPC) and how old a round may get. */
export interface PriceFeed {
  symbol: string;
  network: Network;
  /** Undefined for a devnet feed before the devnet deployed it. */
  address?: `0x${string}`;
  heartbeatSeconds: number;
}

/** Name-based UUID (version 5 layout) so an asset keeps its id across restarts and replicas. */
function stableUuid(name: string): string {
  const h = createHash('sha1').update(`wallets-api:asset:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The networks and assets this deployment runs: the static registry resolved for NETWORK_ENV. */
@Injectable()
export class NetworkRegistry {
  private readonly networks: Network[];
  private readonly feeds: PriceFeed[];

  constructor(config: AppConfig) {
    this.networks = NetworkRegistry.build(config.networkEnv, config.confirmations);
    this.feeds = NetworkRegistry.buildFeeds(config.networkEnv, this.networks);
  }

  /** Chainlink USD feeds for this environment: the registry's on testnet/mainnet, the devnet's own on devnet. */
  static buildFeeds(env: NetworkEnv, networks: Network[]): PriceFeed[] {
    const ethereum = networks.find((n) => n.chain === 'ethereum');
    if (!ethereum) return [];
    if (env === 'devnet')
      return DEVNET_PRICE_FEEDS.map((f) => ({
        symbol: f.symbol,
        network: ethereum,
        heartbeatSeconds: DEVNET_FEED_HEARTBEAT_SECONDS,
      }));
    return PRICE_FEEDS.flatMap((f) => {
      const network = networks.find((n) => n.chain === f.chain);
      const address = f.addresses[env];
      return network && address ? [{ symbol: f.symbol, network, address, heartbeatSeconds: f.heartbeatSeconds }] : [];
    });
  }

  priceFeeds(): PriceFeed[] {
    return this.feeds;
  }

  /** Devnet feeds get their address when the devnet deploys them at boot. */
  setPriceFeed(symbol: string, address: `0x${string}`): void {
    const feed = this.feeds.find((f) => f.symbol === symbol);
    if (!feed) throw new Error(`no price feed for ${symbol}`);
    feed.address = address;
  }

  /** Every asset symbol this deployment holds, once (USDC on two chains is one symbol, with one USD price). */
  symbols(): string[] {
    return [...new Set(this.networks.flatMap((n) => n.assets.map((a) => a.symbol)))];
  }

  static build(env: NetworkEnv, confirmations: Partial<Record<ChainName, number>>): Network[] {
    const networks: Network[] = [];
    for (const chain of Object.values(CHAINS)) {
      const spec = chain.networks[env];
      if (!spec) continue;
      const network: Network = {
        key: `${chain.name}:${spec.name}`,
        chain: chain.name,
        name: spec.name,
        env,
        family: chain.family,
        displayName: chain.displayName,
        chainId: spec.chainId,
        bitcoin: spec.bitcoin,
        confirmations: confirmations[chain.name] ?? spec.confirmations,
        assets: [],
      };
      network.assets = ASSETS.filter((a) => a.chain === chain.name && NetworkRegistry.offered(a, env)).map((a) => ({
        id: stableUuid(`${network.key}:${a.symbol}`),
        symbol: a.symbol,
        currency: a.currency,
        decimals: a.decimals,
        minorUnit: a.minorUnit,
        native: a.native,
        contract: env === 'devnet' ? undefined : a.contracts?.[env],
        receive: a.receive,
        network,
      }));
      networks.push(network);
    }
    return networks;
  }

  /** A token is offered on a real network only where its contract is known; devnet deploys its own. */
  private static offered(asset: AssetSpec, env: NetworkEnv): boolean {
    return asset.native || env === 'devnet' || Boolean(asset.contracts?.[env]);
  }

  list(): Network[] {
    return this.networks;
  }

  byKey(key: string): Network | undefined {
    return this.networks.find((n) => n.key === key);
  }

  /** The network an API `network` (a chain name) means on this deployment. */
  byChain(chain: string): Network | undefined {
    return this.networks.find((n) => n.chain === chain);
  }

  /**
   * Resolves an explicit (chain, network) pair. `invalid_chain` for an unknown or unavailable chain,
   * `invalid_network` for a network this chain does not have on this deployment's environment.
   */
  resolve(chain: string, networkName: string): Network {
    if ((NOT_YET_AVAILABLE_CHAINS as readonly string[]).includes(chain)) {
      throw new DomainError(ErrorCode.InvalidChain, `${chain} is not yet available`, { chain, available: false });
    }
    if (!isChainName(chain)) {
      throw new DomainError(ErrorCode.InvalidChain, `Unsupported chain ${JSON.stringify(chain)}`, {
        chain,
        supported: this.chainNames(),
      });
    }
    const network = this.byChain(chain);
    if (!network || network.name !== networkName) {
      throw new DomainError(
        ErrorCode.InvalidNetwork,
        `${chain} has no network ${JSON.stringify(networkName)} on this deployment`,
        {
          chain,
          network: networkName,
          supported: network ? [network.name] : [],
        },
      );
    }
    return network;
  }

  /** A receive (asset, network) pair, or 422 `unsupported_asset_network`. */
  receiveAsset(symbol: string, chain: string): Asset {
    const asset = this.byChain(chain)?.assets.find((a) => a.symbol === symbol && a.receive);
    if (!asset) {
      throw new DomainError(ErrorCode.UnsupportedAssetNetwork, `${symbol} on ${chain} is not supported`, {
        asset: symbol,
        network: chain,
        supported: this.receivePairs(),
      });
    }
    return asset;
  }

  receivePairs(): Array<{ asset: string; network: string }> {
    return this.networks.flatMap((n) =>
      n.assets.filter((a) => a.receive).map((a) => ({ asset: a.symbol, network: n.chain })),
    );
  }

  /** The master wallet API's token lookup: by symbol, disambiguated by contract address when given. */
  findAsset(network: Network, symbol: string, tokenAddress?: string): Asset | undefined {
    return network.assets.find(
      (a) =>
        a.symbol.toUpperCase() === symbol.toUpperCase() &&
        (!tokenAddress || a.contract?.toLowerCase() === tokenAddress.toLowerCase()),
    );
  }

  /**
   * One asset from either query style: `network` (a chain name) + `asset`, or `chain` +
   * `network` (a network name) + `token` [+ `token_address`]. 400 when incomplete, 422 when unknown.
   */
  resolveAssetQuery(query: {
    network?: string;
    asset?: string;
    chain?: string;
    token?: string;
    token_address?: string;
  }): Asset {
    const symbol = (query.token ?? query.asset)?.toUpperCase();
    if (!symbol || (!query.chain && !query.network)) {
      throw new DomainError(ErrorCode.InvalidRequest, 'Send network and asset, or chain, network and token');
    }
    let network: Network | undefined;
    if (query.chain) {
      network = this.resolve(query.chain.toLowerCase(), (query.network ?? '').toLowerCase());
    } else {
      network = this.byChain(query.network!.toLowerCase());
      if (!network)
        throw new DomainError(ErrorCode.InvalidNetwork, `Unknown network ${JSON.stringify(query.network)}`, {
          supported: this.chainNames(),
        });
    }
    const asset = this.findAsset(network, symbol, query.token_address);
    if (!asset) {
      throw new DomainError(
        ErrorCode.UnsupportedAssetNetwork,
        `${symbol} is not an asset of ${network.chain}${query.token_address ? ' at that contract' : ''}`,
        {
          supported: network.assets.map((a) => a.symbol),
        },
      );
    }
    return asset;
  }

  /**
   * The decimals of the asset of stored rows (network key, symbol), fiat included (`fiat:ledger`, `USD`: 2); 0 for
   * an asset this deployment does not know.
   */
  decimalsOf(networkKey: string, symbol: string): number {
    const network = this.byKey(networkKey);
    return (network ? this.findAsset(network, symbol)?.decimals : fiatAssetOf(networkKey, symbol)?.decimals) ?? 0;
  }

  /** Devnet tokens get their contract when the devnet deploys them at boot. */
  setContract(network: Network, symbol: string, contract: string): void {
    const asset = network.assets.find((a) => a.symbol === symbol && !a.native);
    if (!asset) throw new Error(`no token ${symbol} on ${network.key}`);
    asset.contract = contract;
  }

  chainNames(): string[] {
    return this.networks.map((n) => n.chain);
  }
}
