/**
 * Wallet currencies (docs/wallet-currencies.md). A single-asset wallet holds one currency: a crypto asset on every
 * network the registry offers it for receive addresses (`usdt`: USDT on ethereum and on tron), or `usd`, a fiat
 * position kept in the ledger only (no address, no chain). A multi-asset wallet has no currency.
 */
export type WalletCurrency = 'btc' | 'eth' | 'usdt' | 'usdc' | 'usd';

export interface CurrencySpec {
  code: WalletCurrency;
  /**
   * The wallet's `asset_type`: `bitcoin` for a Bitcoin wallet and `fiat` for a fiat one;
   * the stablecoins are named by their code; Ether follows Bitcoin (the
   * native coin by its chain's name): `ethereum`.
   */
  assetType: string;
  /** The ledger's asset symbol (`BTC`, `USD`). */
  symbol: string;
  decimals: number;
  /** The minor unit's name, the key of base units in `balance` (`sat`, `wei`, `micro_usdt`, `micro_usdc`, `cent`). */
  minorUnit: string;
  fiat: boolean;
}

export const CURRENCIES: Record<WalletCurrency, CurrencySpec> = {
  btc: { code: 'btc', assetType: 'bitcoin', symbol: 'BTC', decimals: 8, minorUnit: 'sat', fiat: false },
  eth: { code: 'eth', assetType: 'ethereum', symbol: 'ETH', decimals: 18, minorUnit: 'wei', fiat: false },
  usdt: { code: 'usdt', assetType: 'usdt', symbol: 'USDT', decimals: 6, minorUnit: 'micro_usdt', fiat: false },
  usdc: { code: 'usdc', assetType: 'usdc', symbol: 'USDC', decimals: 6, minorUnit: 'micro_usdc', fiat: false },
  usd: { code: 'usd', assetType: 'fiat', symbol: 'USD', decimals: 2, minorUnit: 'cent', fiat: true },
};

export const WALLET_CURRENCIES = Object.keys(CURRENCIES) as WalletCurrency[];

/** The `asset_type` of a multi-asset wallet, which has no single currency. */
export const MULTI_ASSET_TYPE = 'multi_asset';

/** A wallet's `asset_type`: its currency's, or `multi_asset` for a wallet without one. */
export function assetTypeOf(currency: WalletCurrency | null | undefined): string {
  return currency ? CURRENCIES[currency].assetType : MULTI_ASSET_TYPE;
}

/** The currency whose ledger symbol this is (`BTC` -> `btc`), if any. */
export function currencyOfSymbol(symbol: string): WalletCurrency | undefined {
  return WALLET_CURRENCIES.find((c) => CURRENCIES[c].symbol === symbol.toUpperCase());
}

/**
 * Fiat balances live in the ledger under this pseudo network: `fiat` is what the API shows as `network` (and takes
 * in a transfer's `network`), `fiat:ledger` is the key on accounts and rows. It is no chain: nothing scans it, no
 * address is ever issued for it, and it is not in `GET /v1/networks`.
 */
export const FIAT_CHAIN = 'fiat';
export const FIAT_NETWORK_KEY = 'fiat:ledger';

/** What the send planner and the views need of the fiat "asset" (the shape of a registry asset's fields they read). */
export interface FiatAsset {
  symbol: string;
  currency: string;
  decimals: number;
  minorUnit: string;
  native: true;
  network: { key: string; chain: string; confirmations: number; assets: Array<{ symbol: string; native: boolean }> };
}

export const USD_FIAT: FiatAsset = {
  symbol: 'USD',
  currency: 'USD',
  decimals: 2,
  minorUnit: 'cent',
  native: true,
  network: { key: FIAT_NETWORK_KEY, chain: FIAT_CHAIN, confirmations: 0, assets: [] },
};

/** The fiat asset of (network key, symbol) rows, if these are fiat rows. */
export function fiatAssetOf(networkKey: string, symbol: string): FiatAsset | undefined {
  return networkKey === FIAT_NETWORK_KEY && symbol.toUpperCase() === USD_FIAT.symbol ? USD_FIAT : undefined;
}
