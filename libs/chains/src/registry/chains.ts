import type { NetworkEnv } from '@app/config';

export type ChainFamily = 'evm' | 'tron' | 'bitcoin';
export const CHAIN_NAMES = ['ethereum', 'polygon', 'base', 'bsc', 'tron', 'bitcoin'] as const;
export type ChainName = (typeof CHAIN_NAMES)[number];
/** Chains named by the master wallet API but not available here yet. */
export const NOT_YET_AVAILABLE_CHAINS = ['solana', 'aptos'] as const;

export interface BitcoinParams {
  bech32: string;
  pubKeyHash: number;
  scriptHash: number;
  wif: number;
  /** The rate (sat/vB) at which spending an output costs more than it is worth: dust (Core's `-dustrelayfee`). */
  dustRelayFeeRate: bigint;
}

export interface NetworkSpec {
  /** The network's name for this chain in this environment (`devnet`, `sepolia`, ...). */
  name: string;
  chainId?: number;
  bitcoin?: BitcoinParams;
  /** Default confirmations before a deposit is final (overridable per chain by configuration). */
  confirmations: number;
}

export interface ChainSpec {
  name: ChainName;
  family: ChainFamily;
  displayName: string;
  networks: Partial<Record<NetworkEnv, NetworkSpec>>;
}

const BTC_MAIN: BitcoinParams = { bech32: 'bc', pubKeyHash: 0x00, scriptHash: 0x05, wif: 0x80, dustRelayFeeRate: 3n };
const BTC_TEST: BitcoinParams = { bech32: 'tb', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef, dustRelayFeeRate: 3n };
const BTC_REGTEST: BitcoinParams = {
  bech32: 'bcrt',
  pubKeyHash: 0x6f,
  scriptHash: 0xc4,
  wif: 0xef,
  dustRelayFeeRate: 3n,
};

/**
 * Chains and their concrete network per environment. A deployment runs one environment; the API's `network`
 * field (a chain name) resolves to that environment's network. Adding a chain or network is a data change here.
 */
export const CHAINS: Record<ChainName, ChainSpec> = {
  ethereum: {
    name: 'ethereum',
    family: 'evm',
    displayName: 'Ethereum',
    networks: {
      devnet: { name: 'devnet', chainId: 31337, confirmations: 3 },
      testnet: { name: 'sepolia', chainId: 11155111, confirmations: 6 },
      mainnet: { name: 'mainnet', chainId: 1, confirmations: 12 },
    },
  },
  polygon: {
    name: 'polygon',
    family: 'evm',
    displayName: 'Polygon PoS',
    networks: {
      devnet: { name: 'devnet', chainId: 31338, confirmations: 3 },
      testnet: { name: 'amoy', chainId: 80002, confirmations: 32 },
      mainnet: { name: 'mainnet', chainId: 137, confirmations: 64 },
    },
  },
  base: {
    name: 'base',
    family: 'evm',
    displayName: 'Base',
    networks: {
      testnet: { name: 'sepolia', chainId: 84532, confirmations: 10 },
      mainnet: { name: 'mainnet', chainId: 8453, confirmations: 64 },
    },
  },
  bsc: {
    name: 'bsc',
    family: 'evm',
    displayName: 'BNB Smart Chain',
    networks: {
      testnet: { name: 'testnet', chainId: 97, confirmations: 5 },
      mainnet: { name: 'mainnet', chainId: 56, confirmations: 15 },
    },
  },
  tron: {
    name: 'tron',
    family: 'tron',
    displayName: 'Tron',
    networks: {
      // No Tron node runs on devnet: addresses derive, nothing is scanned.
      devnet: { name: 'devnet', confirmations: 19 },
      testnet: { name: 'shasta', confirmations: 19 },
      mainnet: { name: 'mainnet', confirmations: 19 },
    },
  },
  bitcoin: {
    name: 'bitcoin',
    family: 'bitcoin',
    displayName: 'Bitcoin',
    networks: {
      devnet: { name: 'regtest', bitcoin: BTC_REGTEST, confirmations: 1 },
      testnet: { name: 'testnet', bitcoin: BTC_TEST, confirmations: 2 },
      mainnet: { name: 'mainnet', bitcoin: BTC_MAIN, confirmations: 3 },
    },
  },
};

export function isChainName(value: string): value is ChainName {
  return (CHAIN_NAMES as readonly string[]).includes(value);
}
