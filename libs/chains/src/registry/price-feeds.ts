import type { NetworkEnv } from '@app/config';
import type { ChainName } from './chains';

/** A Chainlink USD price feed (AggregatorV3Interface) of one asset symbol. */
export interface PriceFeedSpec {
  /** The asset symbol it prices, on every chain that carries the asset (USDC on Ethereum and on Polygon alike). */
  symbol: string;
  /** The chain the feed contract lives on; it is read through that chain's RPC URL. */
  chain: ChainName;
  /** The feed's proxy per environment. Devnet feeds are deployed at boot and filled in at run time. */
  addresses: Partial<Record<Exclude<NetworkEnv, 'devnet'>, `0x${string}`>>;
  /**
   * The longest time between two rounds of the feed when the price does not move (Chainlink's "heartbeat"). A round
   * older than this plus a margin is stale.
   */
  heartbeatSeconds: number;
}

/**
 * Chainlink's USD feeds of the assets we hold, on Ethereum (mainnet and Sepolia). Addresses are the feeds' proxies as
 * listed on https://docs.chain.link/data-feeds/price-feeds/addresses (Ethereum Mainnet; Sepolia Testnet) and used
 * by Aave's and Venus' Ethereum deployments; the heartbeats are the ones listed there (1 h for ETH/BTC, 24 h for the
 * stablecoins). Chainlink has no USDT/USD feed on Sepolia (and USDT has no canonical Sepolia contract either).
 */
export const PRICE_FEEDS: PriceFeedSpec[] = [
  {
    symbol: 'ETH',
    chain: 'ethereum',
    addresses: {
      mainnet: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419',
      testnet: '0x694AA1769357215DE4FAC081bf1f309aDC325306',
    },
    heartbeatSeconds: 3600,
  },
  {
    symbol: 'BTC',
    chain: 'ethereum',
    addresses: {
      mainnet: '0xF4030086522a5bEEa4988F8cA5B36dbC97BeE88c',
      testnet: '0x1b44F3514812d835EB1BDB0acB33d3fA3351Ee43',
    },
    heartbeatSeconds: 3600,
  },
  {
    symbol: 'USDC',
    chain: 'ethereum',
    addresses: {
      mainnet: '0x8fFfFfd4AfB6115b954Bd326cbe7B4BA576818f6',
      testnet: '0xA2F78ab2355fe2f984D808B5CeE7FD0A93D5270E',
    },
    heartbeatSeconds: 86_400,
  },
  {
    symbol: 'USDT',
    chain: 'ethereum',
    addresses: { mainnet: '0x3E7d1eAB13ad0104d2750B8863b489D65364e32D' },
    heartbeatSeconds: 86_400,
  },
];

/** The devnet's own feeds (PriceFeed.sol, 8 decimals like Chainlink's USD feeds) and their starting prices. */
export const DEVNET_PRICE_FEEDS: Array<{ symbol: string; usd: string }> = [
  { symbol: 'ETH', usd: '3000' },
  { symbol: 'BTC', usd: '60000' },
  { symbol: 'USDC', usd: '1' },
  { symbol: 'USDT', usd: '1' },
];

/** Devnet feeds post a round when moved only, like a real feed between deviations: a day of heartbeat. */
export const DEVNET_FEED_HEARTBEAT_SECONDS = 86_400;
