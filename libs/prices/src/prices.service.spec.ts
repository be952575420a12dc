import { AppConfig } from '@app/config';
import { AssetPrice } from '@app/db';
import { PricesService } from './prices.service';

const HOUR = 3600_000;

/** The service over a stored book, without a database: what `reload` reads is given. */
async function serviceWith(rows: Partial<AssetPrice>[], source: 'chainlink' | 'coingecko' | null = 'chainlink') {
  const config = { priceStaleSeconds: 3600, priceRefreshSeconds: 60 } as AppConfig;
  const repository = { list: () => Promise.resolve(rows.map((r) => Object.assign(new AssetPrice(), r))) };
  const service = new PricesService(
    config,
    repository as never,
    {} as never,
    {} as never,
    {} as never,
    source ? { name: source, fetch: () => Promise.resolve([]) } : null,
  );
  await service.reload();
  return service;
}

const eth = (over: Partial<AssetPrice> = {}): Partial<AssetPrice> => ({
  symbol: 'ETH',
  answer: 300012345678n,
  decimals: 8,
  rateAt: new Date(Date.now() - 60_000),
  fetchedAt: new Date(Date.now() - 30_000),
  source: 'chainlink',
  maxAgeSeconds: 3960,
  ...over,
});
const ETH = { symbol: 'ETH', decimals: 18 };

describe('PricesService: current and stale prices', () => {
  it('prices base units with the current rate', async () => {
    const row = eth();
    const prices = await serviceWith([row]);
    expect(prices.usd(ETH, 2n * 10n ** 18n)).toEqual({
      usd: '6000.25',
      usd_rate: '3000.12345678',
      usd_rate_at: row.rateAt!.toISOString(),
      usd_stale: false,
    });
    expect(prices.fix(ETH, 10n ** 18n)).toEqual({
      usdRate: '3000.12345678',
      usdRateAt: row.rateAt,
      amountUsd: '3000.12',
    });
  });

  it('is stale when the round is older than its limit, or the price was not fetched for PRICE_STALE_SECONDS', async () => {
    const oldRound = await serviceWith([eth({ rateAt: new Date(Date.now() - 3961_000) })]);
    expect(oldRound.usd(ETH, 1n)).toMatchObject({ usd: null, usd_rate: null, usd_stale: true });
    expect(oldRound.fix(ETH, 1n)).toEqual({ usdRate: null, usdRateAt: null, amountUsd: null });
    // A stablecoin round may be a day old; but not a price the job has not confirmed for over an hour.
    const usdc = { symbol: 'USDC', answer: 100000000n, decimals: 8, source: 'chainlink', maxAgeSeconds: 95_040 };
    const dayOld = await serviceWith([{ ...usdc, rateAt: new Date(Date.now() - 20 * HOUR), fetchedAt: new Date() }]);
    expect(dayOld.usd({ symbol: 'USDC', decimals: 6 }, 10n ** 6n)).toMatchObject({ usd: '1.00', usd_stale: false });
    const notFetched = await serviceWith([{ ...usdc, rateAt: new Date(), fetchedAt: new Date(Date.now() - 2 * HOUR) }]);
    expect(notFetched.usd({ symbol: 'USDC', decimals: 6 }, 10n ** 6n)).toMatchObject({ usd: null, usd_stale: true });
  });

  it('has no price (not stale) without a row, for another source, or with PRICE_SOURCE=none', async () => {
    const none = { usd: null, usd_rate: null, usd_rate_at: null, usd_stale: false };
    expect((await serviceWith([])).usd(ETH, 1n)).toEqual(none);
    expect((await serviceWith([eth()], 'coingecko')).usd(ETH, 1n)).toEqual(none);
    expect((await serviceWith([eth()], null)).usd(ETH, 1n)).toEqual(none);
  });

  it('prices U.S. dollars (fiat wallets, 2 decimals) at 1 with any source', async () => {
    for (const source of ['chainlink', null] as const) {
      const prices = await serviceWith([], source);
      expect(prices.usd({ symbol: 'USD', decimals: 2 }, 12345n)).toMatchObject({
        usd: '123.45',
        usd_rate: '1',
        usd_stale: false,
      });
    }
  });
});
