import { Logger } from '@nestjs/common';
import { redactUrls } from '@app/common';
import { FetchedPrice, PriceSource } from './price-source';
import { parseDecimal } from './usd';

/** CoinGecko's coin ids of the symbols we hold. */
export const COINGECKO_IDS: Readonly<Record<string, string>> = {
  BTC: 'bitcoin',
  ETH: 'ethereum',
  USDC: 'usd-coin',
  USDT: 'tether',
  POL: 'polygon-ecosystem-token',
  TRX: 'tron',
  BNB: 'binancecoin',
};

export interface CoinGeckoOptions {
  /** Base URL, e.g. `https://api.coingecko.com/api/v3` (no trailing slash). */
  url: string;
  apiKey?: string;
  /** How old `last_updated_at` may be. */
  maxAgeSeconds: number;
  timeoutMs?: number;
}

/**
 * A CoinGecko-style HTTP price API: `GET {url}/simple/price?ids=...&vs_currencies=usd&include_last_updated_at=true
 * &precision=full`, answered `{"bitcoin":{"usd":67187.34,"last_updated_at":1711356300}}`. The key goes in CoinGecko's
 * header: `x-cg-pro-api-key` for the Pro API host, `x-cg-demo-api-key` otherwise. Prices are JSON numbers: they are
 * read from the body's text as decimal literals, never through a JS number.
 */
export class CoinGeckoSource implements PriceSource {
  readonly name = 'coingecko' as const;
  private readonly logger = new Logger('Prices');

  constructor(private readonly options: CoinGeckoOptions) {}

  async fetch(symbols: string[]): Promise<FetchedPrice[]> {
    const wanted = symbols.filter((s) => COINGECKO_IDS[s]);
    if (!wanted.length) return [];
    const ids = wanted.map((s) => COINGECKO_IDS[s]).join(',');
    const url =
      `${this.options.url}/simple/price?ids=${encodeURIComponent(ids)}` +
      '&vs_currencies=usd&include_last_updated_at=true&precision=full';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.apiKey) {
      const pro = /^https?:\/\/pro-api\.coingecko\.com/i.test(this.options.url);
      headers[pro ? 'x-cg-pro-api-key' : 'x-cg-demo-api-key'] = this.options.apiKey;
    }
    let text: string;
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
      text = await res.text();
      if (!res.ok) {
        this.logger.warn(`price API answered ${res.status} (${redactUrls(url)})`);
        return [];
      }
    } catch (err) {
      this.logger.warn({ err }, `price API unreachable (${redactUrls(url)})`);
      return [];
    }
    let body: Record<string, { usd?: unknown; last_updated_at?: unknown } | undefined>;
    try {
      // Every number becomes a string before JSON.parse sees it, so that no price is rounded to a double.
      body = JSON.parse(
        text.replace(/(:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?=\s*[,}\]])/g, '$1"$2"'),
      ) as typeof body;
    } catch {
      this.logger.warn('price API answered something that is not JSON');
      return [];
    }
    const prices: FetchedPrice[] = [];
    for (const symbol of wanted) {
      const entry = body?.[COINGECKO_IDS[symbol]];
      const rate = typeof entry?.usd === 'string' ? parseDecimal(entry.usd) : undefined;
      const updated = typeof entry?.last_updated_at === 'string' ? entry.last_updated_at : undefined;
      if (!rate || rate.answer <= 0n || !updated || !/^\d{1,12}$/.test(updated)) {
        if (entry) this.logger.warn(`price API gave no usable USD price for ${symbol}`);
        continue;
      }
      prices.push({
        symbol,
        rate,
        rateAt: new Date(Number(updated) * 1000),
        maxAgeSeconds: this.options.maxAgeSeconds,
      });
    }
    return prices;
  }
}
