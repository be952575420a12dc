import type { NetworkEnv } from '@app/config';
import type { ChainName } from './chains';

export interface AssetSpec {
  symbol: string;
  chain: ChainName;
  /** The currency code, e.g. USDTTRC20. */
  currency: string;
  decimals: number;
  /**
   * The name of the base unit (10^-decimals of the asset): the key of the minor unit in a single-asset wallet's
   * `balance` (`sat` beside `btc`). Tokens use SI prefixes of their symbol (`micro_usdc` = 10^-6 USDC).
   */
  minorUnit: string;
  /** The chain's gas asset (no contract). */
  native: boolean;
  /** Token contract per environment. Devnet tokens are deployed at boot and filled in at run time. */
  contracts?: Partial<Record<Exclude<NetworkEnv, 'devnet'>, string>>;
  /** Offered for wallet receive addresses (the launch pairs). */
  receive: boolean;
}

/** Every asset per chain. The launch pairs carry `receive: true`; the others serve master wallets and fees. */
export const ASSETS: AssetSpec[] = [
  { symbol: 'BTC', chain: 'bitcoin', currency: 'BTC', decimals: 8, minorUnit: 'sat', native: true, receive: true },
  { symbol: 'ETH', chain: 'ethereum', currency: 'ETH', decimals: 18, minorUnit: 'wei', native: true, receive: true },
  {
    symbol: 'USDC',
    chain: 'ethereum',
    currency: 'USDCERC20',
    decimals: 6,
    minorUnit: 'micro_usdc',
    native: false,
    receive: true,
    contracts: {
      mainnet: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      testnet: '0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238',
    },
  },
  {
    symbol: 'USDT',
    chain: 'ethereum',
    currency: 'USDTERC20',
    decimals: 6,
    minorUnit: 'micro_usdt',
    native: false,
    receive: true,
    contracts: { mainnet: '0xdAC17F958D2ee523a2206206994597C13D831ec7' },
  },
  { symbol: 'POL', chain: 'polygon', currency: 'POL', decimals: 18, minorUnit: 'wei', native: true, receive: false },
  {
    symbol: 'USDC',
    chain: 'polygon',
    currency: 'USDCMATIC',
    decimals: 6,
    minorUnit: 'micro_usdc',
    native: false,
    receive: true,
    contracts: {
      mainnet: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
      testnet: '0x41E94Eb019C0762f9Bfcf9Fb1E58725BfB0e7582',
    },
  },
  { symbol: 'TRX', chain: 'tron', currency: 'TRX', decimals: 6, minorUnit: 'sun', native: true, receive: false },
  {
    symbol: 'USDT',
    chain: 'tron',
    currency: 'USDTTRC20',
    decimals: 6,
    minorUnit: 'micro_usdt',
    native: false,
    receive: true,
    contracts: { mainnet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' },
  },
  { symbol: 'ETH', chain: 'base', currency: 'ETHBASE', decimals: 18, minorUnit: 'wei', native: true, receive: false },
  {
    symbol: 'USDC',
    chain: 'base',
    currency: 'USDCBASE',
    decimals: 6,
    minorUnit: 'micro_usdc',
    native: false,
    receive: false,
    contracts: {
      mainnet: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
      testnet: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
    },
  },
  { symbol: 'BNB', chain: 'bsc', currency: 'BNBBSC', decimals: 18, minorUnit: 'wei', native: true, receive: false },
  {
    symbol: 'USDT',
    chain: 'bsc',
    currency: 'USDTBSC',
    // Binance-peg stablecoins on BSC have 18 decimals.
    decimals: 18,
    minorUnit: 'atto_usdt',
    native: false,
    receive: false,
    contracts: { mainnet: '0x55d398326f99059fF775485246999027B3197955' },
  },
];
