import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { getAddress } from 'viem';
import { Credentials, expectLedgerConsistent, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { MasterBalancesService } from '../apps/api/src/master-wallets/master-balances.service';
import { activeWallet, assetBalance, deposit, fundedWallet, mineUntil, newAddress, Tx } from './support/chain';

/** A wallet's balance view, or one asset row of it, until `probe` accepts it. */
async function balancesUntil(
  api: HttpClient,
  walletId: string,
  probe: (body: any) => boolean,
  what: string,
  timeoutMs: number,
): Promise<any> {
  return waitFor(
    async () => {
      const res = await api.get(`/v1/wallets/${walletId}/balances`);
      return res.status === 200 && probe(res.body) ? res.body : undefined;
    },
    what,
    timeoutMs,
    100,
  );
}

const row = (body: any, network: string, asset: string) =>
  body.networks.find((n: any) => n.network === network).assets.find((a: any) => a.asset === asset);

async function setPrice(api: HttpClient, body: Record<string, unknown>): Promise<any> {
  const res = await api.post('/v1/sandbox/prices', body);
  if (res.status !== 200) throw new Error(`sandbox price: ${res.status} ${res.text}`);
  return res.body;
}

async function confirmedDeposit(api: HttpClient, walletId: string): Promise<Tx & Record<string, any>> {
  const res = await api.get(`/v1/wallets/${walletId}/transactions`);
  return res.body.data.find((t: Tx) => t.status === 'confirmed');
}

/** PRICE_SOURCE=chainlink (the default): the devnet's own Chainlink-compatible feeds, read through its EVM node. */
describe('USD prices from the devnet Chainlink feeds', () => {
  const REFRESH_SECONDS = 1;
  // One refresh, plus the time a request and a block take on a busy machine.
  const ONE_REFRESH_MS = REFRESH_SECONDS * 1000 + 1500;
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({
      env: { JOBS_POLL_INTERVAL_MS: '100', PRICE_REFRESH_SECONDS: String(REFRESH_SECONDS) },
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  it('shows a price set on chain through the sandbox in every balance view within one refresh', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1.5');
    // The starting price of the devnet feed.
    await balancesUntil(api, walletId, (b) => row(b, 'ethereum', 'ETH').usd_rate === '3000', 'ETH at 3000', 10_000);

    const set = await setPrice(api, { asset: 'ETH', usd: '3150.25' });
    const setAt = Date.now();
    expect(set).toMatchObject({ asset: 'ETH', usd: '3150.25', answer_raw: '315025000000', decimals: 8 });
    expect(set.feed_address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const body = await balancesUntil(
      api,
      walletId,
      (b) => row(b, 'ethereum', 'ETH').usd_rate === '3150.25',
      'the new ETH price in balances',
      ONE_REFRESH_MS + 2000,
    );
    expect(Date.now() - setAt).toBeLessThan(ONE_REFRESH_MS + 2000);
    // 1.5 x 3150.25 = 4725.375: a tie, rounded to the even cent.
    expect(row(body, 'ethereum', 'ETH')).toMatchObject({
      available: '1.5',
      available_usd: '4725.38',
      pending_usd: '0.00',
      ledger_usd: '4725.38',
      usd_rate: '3150.25',
      usd_rate_at: set.updated_at,
      usd_stale: false,
    });
    // Rows the wallet does not hold are priced at zero; the total is the sum of the rows.
    expect(row(body, 'ethereum', 'USDC')).toMatchObject({ available_usd: '0.00', usd_rate: '1', usd_stale: false });
    expect(body).toMatchObject({ available_usd: '4725.38', pending_usd: '0.00', ledger_usd: '4725.38' });
    expect(body.usd_stale).toBe(false);

    const single = await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=ETH`);
    expect(single.body).toMatchObject({
      balance_usd: '4725.38',
      available_usd: '4725.38',
      pending_in_usd: '0.00',
      pending_out_usd: '0.00',
      pending_usd: '0.00',
      ledger_usd: '4725.38',
      usd_rate: '3150.25',
      usd_stale: false,
    });
    const lookup = await api.post('/v1/wallets/balances', { wallet_id: walletId });
    expect(lookup.body.balances.find((b: any) => b.asset === 'ETH')).toMatchObject({
      amount_usd: '4725.38',
      available_balance_usd: '4725.38',
      pending_amount_usd: '0.00',
      usd_rate: '3150.25',
    });
    expect(lookup.body.total_usd).toEqual({
      amount_usd: '4725.38',
      pending_amount_usd: '0.00',
      available_balance_usd: '4725.38',
      usd_stale: false,
    });

    // A master address holding ETH and USDC on chain (a fresh deployment's may hold nothing yet), synced now.
    const master = await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' });
    for (const [asset, amount] of [
      ['ETH', '2'],
      ['USDC', '10.5'],
    ])
      await deposit(api, { network: 'ethereum', asset, address: master.body.address, amount });
    await t.app.get(MasterBalancesService).syncAll();
    const masterBalances = await api.get(`/v1/master-wallets/${master.body.id}/balances`);
    const eth = masterBalances.body.data.find((b: any) => b.token_symbol === 'ETH');
    expect(eth).toMatchObject({ usd_rate: '3150.25', usd_stale: false });
    expect(eth.balance_usd).toMatch(/^\d+\.\d{2}$/);
    // The master's total is the exact sum of its rows' USD values (every devnet asset has a feed).
    const rows = masterBalances.body.data as Array<{ balance_usd: string | null }>;
    expect(rows.every((b) => b.balance_usd !== null)).toBe(true);
    const cents = rows.reduce((sum, b) => sum + BigInt(b.balance_usd!.replace('.', '')), 0n);
    expect(BigInt(String(masterBalances.body.total_usd).replace('.', ''))).toBe(cents);
    // At least the 2 ETH at 3150.25 and the 10.50 USDC at 1 sent above.
    expect(cents).toBeGreaterThanOrEqual(630050n + 1050n);
  });

  it("keeps a confirmed deposit's USD rate after the price moves, and shows the current value beside it", async () => {
    const walletId0 = await activeWallet(api);
    await newAddress(api, walletId0, 'ETH', 'ethereum');
    await setPrice(api, { asset: 'ETH', usd: '2999.99' });
    await balancesUntil(
      api,
      walletId0,
      (b) => row(b, 'ethereum', 'ETH').usd_rate === '2999.99',
      'ETH at 2999.99',
      10_000,
    );

    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '2');
    const confirmed = await confirmedDeposit(api, walletId);
    expect(confirmed).toMatchObject({
      amount: '2',
      amount_usd: '5999.98',
      usd_rate: '2999.99',
      amount_usd_now: '5999.98',
      usd_rate_now: '2999.99',
      usd_stale: false,
    });
    const fixedAt = confirmed.usd_rate_at;
    expect(fixedAt).toEqual(expect.any(String));
    // An internal transfer is final at once: both sides fix the rate now. 0.5 x 2999.99 = 1499.995, a tie: even.
    const internal = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      { asset: 'ETH', network: 'ethereum', amount: '0.5', destination: { type: 'wallet', id: walletId0 } },
      { headers: { 'Idempotency-Key': `prices-${Date.now()}` } },
    );
    expect(internal.status).toBe(201);
    expect(internal.body).toMatchObject({ status: 'confirmed', amount_usd: '1500.00', usd_rate: '2999.99' });
    const received = (await api.get(`/v1/wallets/${walletId0}/transactions`)).body.data[0];
    expect(received).toMatchObject({ direction: 'incoming', amount_usd: '1500.00', usd_rate: '2999.99' });

    await setPrice(api, { asset: 'ETH', usd: '3500' });
    const moved = await waitFor(
      async () => {
        const tx = (await api.get(`/v1/transactions/${confirmed.id}`)).body;
        return tx.usd_rate_now === '3500' ? tx : undefined;
      },
      'the transaction priced at the new rate',
      10_000,
      100,
    );
    expect(moved).toMatchObject({
      amount_usd: '5999.98',
      usd_rate: '2999.99',
      usd_rate_at: fixedAt,
      amount_usd_now: '7000.00',
      usd_rate_now: '3500',
      usd_stale: false,
    });
    const [stored] = await t.dataSource.query(
      `SELECT usd_rate::text AS usd_rate, amount_usd::text AS amount_usd FROM wallet_transactions WHERE id = $1`,
      [confirmed.id],
    );
    expect(stored).toEqual({ usd_rate: '2999.99', amount_usd: '5999.98' });
    // The webhook payload of the confirmation carries the fixed rate (payloads are built from the same view).
    const [event] = await t.dataSource.query(
      `SELECT data FROM events WHERE data->>'transaction_id' = $1 AND type = 'wallet_transaction.confirmed'`,
      [confirmed.id],
    );
    expect(event.data).toMatchObject({ amount_usd: '5999.98', usd_rate: '2999.99', usd_rate_at: fixedAt });
  });

  it('fixes the rate of an on-chain send when it confirms (EVM)', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '3');
    await setPrice(api, { asset: 'ETH', usd: '3210.99' });
    await balancesUntil(api, walletId, (b) => row(b, 'ethereum', 'ETH').usd_rate === '3210.99', 'ETH price', 10_000);
    const res = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      { asset: 'ETH', network: 'ethereum', amount: '1.5', destination_address: getAddress(`0x${'ab'.repeat(20)}`) },
      { headers: { 'Idempotency-Key': `prices-eth-${Date.now()}` } },
    );
    expect(res.status).toBe(201);
    // 1.5 x 3210.99 = 4816.485, a tie: even. Not fixed before it confirms.
    expect(res.body).toMatchObject({ amount_usd: null, usd_rate: null, amount_usd_now: '4816.48' });
    const confirmed = await mineUntil(
      api,
      'ethereum',
      async () => {
        const tx = (await api.get(`/v1/transactions/${res.body.id}`)).body;
        return tx.status === 'confirmed' ? tx : undefined;
      },
      'send confirmed',
    );
    expect(confirmed).toMatchObject({ amount_usd: '4816.48', usd_rate: '3210.99' });
    const [event] = await t.dataSource.query(
      `SELECT data FROM events WHERE data->>'transaction_id' = $1 AND type = 'wallet_transaction.confirmed'`,
      [res.body.id],
    );
    expect(event.data).toMatchObject({ amount_usd: '4816.48', usd_rate: '3210.99' });
  });

  it('fixes the rate of an on-chain send when it confirms (Bitcoin)', async () => {
    const other = await activeWallet(api);
    const to = await newAddress(api, other, 'BTC', 'bitcoin');
    await setPrice(api, { asset: 'BTC', usd: '61234.56' });
    await balancesUntil(api, other, (b) => row(b, 'bitcoin', 'BTC').usd_rate === '61234.56', 'BTC price', 10_000);
    const { walletId } = await fundedWallet(api, 'BTC', 'bitcoin', '0.5');
    const res = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      { asset: 'BTC', network: 'bitcoin', amount: '0.1', destination_address: to },
      { headers: { 'Idempotency-Key': `prices-btc-${Date.now()}` } },
    );
    expect(res.status).toBe(201);
    // Not confirmed yet: nothing fixed, the current value shown.
    expect(res.body).toMatchObject({ amount_usd: null, usd_rate: null, amount_usd_now: '6123.46' });
    const confirmed = await mineUntil(
      api,
      'bitcoin',
      async () => {
        const tx = (await api.get(`/v1/transactions/${res.body.id}`)).body;
        return tx.status === 'confirmed' ? tx : undefined;
      },
      'send confirmed',
    );
    // 0.1 x 61234.56 = 6123.456
    expect(confirmed).toMatchObject({ amount_usd: '6123.46', usd_rate: '61234.56' });
  });

  it('shows no USD value for a feed whose round is stale, with usd_stale, until a fresh round', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '125.5');
    await balancesUntil(api, walletId, (b) => row(b, 'ethereum', 'USDC').usd_rate !== null, 'a USDC price', 10_000);

    // The devnet feeds have a day of heartbeat: a round three days old is stale.
    const old = new Date(Date.now() - 3 * 86_400_000);
    old.setMilliseconds(0);
    await setPrice(api, { asset: 'USDC', usd: '0.9998', updated_at: old.toISOString() });
    const stale = await balancesUntil(
      api,
      walletId,
      (b) => row(b, 'ethereum', 'USDC').usd_stale === true,
      'USDC stale',
      ONE_REFRESH_MS + 2000,
    );
    expect(row(stale, 'ethereum', 'USDC')).toMatchObject({
      available: '125.5',
      available_usd: null,
      pending_usd: null,
      ledger_usd: null,
      usd_rate: null,
      usd_rate_at: old.toISOString(),
      usd_stale: true,
    });
    // The total would leave out what the wallet holds: it is null too.
    expect(stale).toMatchObject({ available_usd: null, ledger_usd: null, usd_stale: true });
    // Other assets are unaffected.
    expect(row(stale, 'ethereum', 'ETH')).toMatchObject({ available_usd: '0.00', usd_stale: false });
    const tx = await confirmedDeposit(api, walletId);
    expect(tx).toMatchObject({ amount_usd_now: null, usd_rate_now: null, usd_stale: true });
    expect(tx.amount_usd).toMatch(/^125\.\d{2}$/); // fixed at confirmation, when the price was current
    // The wallet's balance object: unknown, flagged, not zero.
    const staleWallet = (await api.get(`/v1/wallets/${walletId}`)).body;
    expect(staleWallet).toMatchObject({
      balance: { available: { usd: null }, ledger: { usd: null } },
      usd_stale: true,
    });

    await setPrice(api, { asset: 'USDC', usd: '0.9998' });
    const fresh = await balancesUntil(
      api,
      walletId,
      (b) => row(b, 'ethereum', 'USDC').usd_stale === false,
      'USDC current again',
      ONE_REFRESH_MS + 2000,
    );
    // 125.5 x 0.9998 = 125.4749
    expect(row(fresh, 'ethereum', 'USDC')).toMatchObject({ available_usd: '125.47', usd_rate: '0.9998' });
    const freshWallet = (await api.get(`/v1/wallets/${walletId}`)).body;
    expect(freshWallet).toMatchObject({ balance: { available: { usd: '125.47' } }, usd_stale: false });
  });

  it('refuses bad sandbox prices in the error envelope', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ asset: 'DOGE', usd: '1' }, 422, 'unsupported_asset_network'],
      [{ asset: 'ETH', usd: '0' }, 422, 'invalid_amount'],
      [{ asset: 'ETH', usd: '1.123456789' }, 422, 'invalid_amount'],
      [{ asset: 'ETH', usd: '1e3' }, 422, 'invalid_amount'],
      [{ asset: 'ETH', usd: '9'.repeat(90) }, 422, 'invalid_amount'],
      [{ asset: 'ETH', usd: '1', updated_at: '1969-12-31T00:00:00Z' }, 400, 'invalid_request'],
      [{ asset: 'ETH', usd: '1', updated_at: '2999-01-01T00:00:00Z' }, 400, 'invalid_request'],
      [{ asset: 'ETH', usd: '1', updated_at: 'yesterday' }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await api.post('/v1/sandbox/prices', body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status, code });
    }
  });
});

/** A local server answering as CoinGecko's `/simple/price` documents, recording what it was asked. */
class FakeCoinGecko {
  readonly requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  /** How old the prices it reports are, in seconds. */
  ageSeconds = 0;
  status = 200;
  private server?: Server;

  /** Its body, as raw JSON text (numbers written as CoinGecko writes them). */
  constructor(private readonly body: (updatedAt: number) => string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(this.status, { 'content-type': 'application/json' });
      const updatedAt = Math.floor(Date.now() / 1000) - this.ageSeconds;
      res.end(this.status === 200 ? this.body(updatedAt) : '{"status":{"error_code":500,"error_message":"down"}}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v3`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('USD prices from a CoinGecko-style HTTP API', () => {
  const gecko = new FakeCoinGecko(
    (updated) =>
      // More digits than a double holds: a price read through a JS number would lose the last ones.
      `{"bitcoin":{"usd":67187.33999999999,"last_updated_at":${updated}},` +
      `"ethereum":{"usd":3150.1234567890123456,"last_updated_at":${updated}},` +
      `"usd-coin":{"usd":0.999912,"last_updated_at":${updated}},"tether":{"usd":1.0001,"last_updated_at":${updated}}}`,
  );
  let t: TestApp;
  let api: HttpClient;

  beforeAll(async () => {
    const url = await gecko.start();
    t = await createTestApp({
      env: {
        JOBS_POLL_INTERVAL_MS: '100',
        PRICE_SOURCE: 'coingecko',
        PRICE_API_URL: url,
        PRICE_API_KEY: 'cg-demo-test-key',
        PRICE_REFRESH_SECONDS: '1',
        PRICE_STALE_SECONDS: '3',
      },
    });
    api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
  });
  afterAll(async () => {
    await t?.close();
    await gecko.stop();
  });

  it('asks in the documented shape with the demo key header and prices balances exactly', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '2');
    await newAddress(api, walletId, 'BTC', 'bitcoin');
    const body = await balancesUntil(
      api,
      walletId,
      (b) => row(b, 'ethereum', 'ETH').usd_rate !== null,
      'an ETH price from the API',
      10_000,
    );
    expect(row(body, 'ethereum', 'ETH')).toMatchObject({
      usd_rate: '3150.1234567890123456',
      // 2 x 3150.1234567890123456 = 6300.2469135780246912
      available_usd: '6300.25',
      usd_stale: false,
    });
    expect(row(body, 'ethereum', 'USDC')).toMatchObject({ usd_rate: '0.999912' });
    expect(row(body, 'bitcoin', 'BTC')).toMatchObject({ usd_rate: '67187.33999999999', available_usd: '0.00' });

    const request = gecko.requests[gecko.requests.length - 1];
    const url = new URL(request.url, 'http://x');
    expect(url.pathname).toBe('/api/v3/simple/price');
    expect(url.searchParams.get('vs_currencies')).toBe('usd');
    expect(url.searchParams.get('include_last_updated_at')).toBe('true');
    expect(url.searchParams.get('ids')!.split(',').sort()).toEqual(
      expect.arrayContaining(['bitcoin', 'ethereum', 'tether', 'usd-coin']),
    );
    expect(request.headers['x-cg-demo-api-key']).toBe('cg-demo-test-key');
    expect(request.headers['x-cg-pro-api-key']).toBeUndefined();
  });

  it('turns stale when the API reports an old price, and when it stops answering', async () => {
    const { walletId } = await fundedWallet(api, 'USDT', 'ethereum', '10');
    await balancesUntil(api, walletId, (b) => row(b, 'ethereum', 'USDT').available_usd === '10.00', 'USDT', 10_000);

    gecko.ageSeconds = 3600;
    await balancesUntil(api, walletId, (b) => row(b, 'ethereum', 'USDT').usd_stale === true, 'old price', 6000);

    gecko.ageSeconds = 0;
    await balancesUntil(api, walletId, (b) => row(b, 'ethereum', 'USDT').usd_stale === false, 'fresh again', 6000);

    gecko.status = 500;
    const down = await balancesUntil(
      api,
      walletId,
      (b) => row(b, 'ethereum', 'USDT').usd_stale === true,
      'stale once nothing was fetched for PRICE_STALE_SECONDS',
      8000,
    );
    expect(await assetBalance(api, walletId, 'ethereum', 'USDT')).toMatchObject({ available_usd: null });
    expect(down).toMatchObject({ available_usd: null, usd_stale: true });
    gecko.status = 200;
  });
});
