import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { NetworkRegistry } from '@app/chains';
import { JobScheduler } from '@app/common';
import { AppConfig } from '@app/config';
import { AssetPrice, AssetPricesRepository, Transactions } from '@app/db';
import { PRICE_SOURCE, PriceSource } from './price-source';
import { formatRate, Rate, sumUsd, usdValue } from './usd';

export const PRICE_REFRESH_JOB = 'price-refresh';
/** The ledger symbol of U.S. dollars (fiat wallets): priced at 1, never stale. */
export const USD_SYMBOL = 'USD';

/** An asset as pricing needs it: its symbol and its decimals (a registry `Asset` fits). */
export interface PricedAsset {
  symbol: string;
  decimals: number;
}

/**
 * A USD value as the API shows it. `usd` is null when there is no current price: then `usd_stale` says whether a
 * price exists but is too old (true), or the asset has no price at all (false, e.g. PRICE_SOURCE=none).
 */
export interface UsdValue {
  /** Two decimal places, rounded half to even. */
  usd: string | null;
  usd_rate: string | null;
  usd_rate_at: string | null;
  usd_stale: boolean;
}

/** The current price of one symbol. */
export interface PriceQuote {
  rate: Rate;
  rateAt: Date;
  fetchedAt: Date;
  source: string;
  /** Too old to show: null USD values. */
  stale: boolean;
}

/**
 * USD prices: the one place that turns base units into USD. A job (jobs role) refreshes the `asset_prices` table from
 * the configured source every PRICE_REFRESH_SECONDS; every process keeps the table in memory (reloaded as often),
 * so pricing a balance costs no query. Staleness is judged when a value is asked for: a price is current while the
 * source's time is within its limit (a feed's heartbeat, or PRICE_STALE_SECONDS) and it was fetched within
 * PRICE_STALE_SECONDS.
 */
@Injectable()
export class PricesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Prices');
  private book = new Map<string, AssetPrice>();
  private reloadTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: AssetPricesRepository,
    private readonly transactions: Transactions,
    private readonly registry: NetworkRegistry,
    private readonly jobs: JobScheduler,
    @Optional() @Inject(PRICE_SOURCE) private readonly source?: PriceSource | null,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.source) return;
    await this.reload();
    const everyMs = this.config.priceRefreshSeconds * 1000;
    this.jobs.every(PRICE_REFRESH_JOB, everyMs, () => this.refresh());
    // Processes without the job (ROLES=api) see what the job's process wrote.
    this.reloadTimer = setInterval(() => {
      this.reload().catch((err: unknown) => this.logger.warn({ err }, 'prices could not be reloaded'));
    }, everyMs);
    this.reloadTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.reloadTimer) clearInterval(this.reloadTimer);
  }

  /**
   * The USD value of `amountRaw` base units of `asset` at the current price, with that price, its time and whether
   * it is stale. The single entry for USD figures.
   */
  usd(asset: PricedAsset, amountRaw: bigint): UsdValue {
    return this.value(asset, amountRaw, this.quote(asset.symbol));
  }

  /** The same for several figures of one asset at one price (a balance row). */
  usdMany<K extends string>(
    asset: PricedAsset,
    amounts: Record<K, bigint>,
  ): { values: Record<K, string | null>; usd_rate: string | null; usd_rate_at: string | null; usd_stale: boolean } {
    const quote = this.quote(asset.symbol);
    const values = {} as Record<K, string | null>;
    for (const key of Object.keys(amounts) as K[]) values[key] = this.value(asset, amounts[key], quote).usd;
    const { usd_rate, usd_rate_at, usd_stale } = this.value(asset, 0n, quote);
    return { values, usd_rate, usd_rate_at, usd_stale };
  }

  /** The current price of a symbol, stale or not; undefined when there is none. */
  quote(symbol: string, now = Date.now()): PriceQuote | undefined {
    // A U.S. dollar ledger balance (a fiat wallet) is worth itself, with any source or none.
    if (symbol === USD_SYMBOL) {
      return {
        rate: { answer: 1n, decimals: 0 },
        rateAt: new Date(now),
        fetchedAt: new Date(now),
        source: 'fixed',
        stale: false,
      };
    }
    const row = this.book.get(symbol);
    if (!row || !this.source || row.source !== this.source.name) return undefined;
    const stale =
      now - row.rateAt.getTime() > row.maxAgeSeconds * 1000 ||
      now - row.fetchedAt.getTime() > this.config.priceStaleSeconds * 1000;
    return {
      rate: { answer: row.answer, decimals: row.decimals },
      rateAt: row.rateAt,
      fetchedAt: row.fetchedAt,
      source: row.source,
      stale,
    };
  }

  /**
   * What a transaction keeps when it is confirmed: the rate, its time and the amount's value, or nulls when there is
   * no current price.
   */
  fix(
    asset: PricedAsset,
    amountRaw: bigint,
  ): { usdRate: string | null; usdRateAt: Date | null; amountUsd: string | null } {
    const quote = this.quote(asset.symbol);
    if (!quote || quote.stale) return { usdRate: null, usdRateAt: null, amountUsd: null };
    return {
      usdRate: formatRate(quote.rate),
      usdRateAt: quote.rateAt,
      amountUsd: usdValue(amountRaw, asset.decimals, quote.rate),
    };
  }

  /** Sums USD strings exactly (a wallet's total); null when any is null. */
  total(values: Array<string | null>): string | null {
    return sumUsd(values);
  }

  /** Reads every stored price into this process's book. */
  async reload(): Promise<void> {
    const rows = await this.repository.list();
    this.book = new Map(rows.map((r) => [r.symbol, r]));
  }

  /**
   * The job: asks the source for every symbol this deployment holds and stores what it answers, under a try-lock so
   * that replicas do not each ask it. Returns how many prices were stored.
   */
  async refresh(): Promise<number> {
    const source = this.source;
    if (!source) return 0;
    const stored = await this.transactions.run(async (m) => {
      if (!(await this.repository.tryLockRefresh(m))) return undefined;
      const fetched = await source.fetch(this.registry.symbols());
      const now = new Date();
      const rows = fetched.map((p) =>
        Object.assign(new AssetPrice(), {
          symbol: p.symbol,
          answer: p.rate.answer,
          decimals: p.rate.decimals,
          rateAt: p.rateAt,
          fetchedAt: now,
          source: source.name,
          maxAgeSeconds: p.maxAgeSeconds,
          roundId: p.roundId ?? null,
        }),
      );
      await this.repository.upsert(rows, m);
      return rows.length;
    });
    if (stored !== undefined) await this.reload();
    return stored ?? 0;
  }

  private value(asset: PricedAsset, amountRaw: bigint, quote: PriceQuote | undefined): UsdValue {
    if (!quote) return { usd: null, usd_rate: null, usd_rate_at: null, usd_stale: false };
    if (quote.stale) return { usd: null, usd_rate: null, usd_rate_at: quote.rateAt.toISOString(), usd_stale: true };
    return {
      usd: usdValue(amountRaw, asset.decimals, quote.rate),
      usd_rate: formatRate(quote.rate),
      usd_rate_at: quote.rateAt.toISOString(),
      usd_stale: false,
    };
  }
}
