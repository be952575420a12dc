import type { Rate } from './usd';

/** One asset's USD price as a source reports it. */
export interface FetchedPrice {
  symbol: string;
  rate: Rate;
  /** The source's own time of the price (a Chainlink round's `updatedAt`, CoinGecko's `last_updated_at`). */
  rateAt: Date;
  /** How old `rateAt` may get before the price is stale. */
  maxAgeSeconds: number;
  roundId?: string;
}

/** The price port: one adapter per source, chosen by PRICE_SOURCE. */
export interface PriceSource {
  readonly name: 'chainlink' | 'coingecko';
  /**
   * The USD prices of those of `symbols` the source has. A symbol it cannot price now (an error, an unusable
   * answer) is left out and logged; its stored price then ages until it is stale.
   */
  fetch(symbols: string[]): Promise<FetchedPrice[]>;
}

export const PRICE_SOURCE = Symbol('PRICE_SOURCE');
