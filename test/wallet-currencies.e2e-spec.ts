import { randomBytes } from 'node:crypto';
import { SCOPES } from '@app/auth';
import { Credentials, expectLedgerConsistent, HttpClient, waitFor } from '@app/testing';
import { OrganizationsService } from '../apps/api/src/organizations/organizations.service';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { activeWallet, deposit, eventTypesOf, mineUntil, newAddress } from './support/chain';

const key = () => `currencies-${randomBytes(8).toString('hex')}`;

/**
 * The wallet object, field by field as docs/wallet-currencies.md lists them, and its
 * balance object for a Bitcoin wallet: `available`, `pending`, `ledger`, each with `usd`, `btc` and `sat`.
 */
const WALLET_DOC_WALLET_KEYS = [
  'id',
  'created_at',
  'updated_at',
  'name',
  'company_id',
  'active',
  'currency',
  'asset_type',
  'wallet_number',
  'balance',
];
const WALLET_DOC_BALANCE_KEYS = ['available', 'ledger', 'pending'];
const WALLET_DOC_BTC_AMOUNT_KEYS = ['btc', 'sat', 'usd'];
const WALLET_DOC_FIAT_AMOUNT_KEYS = ['cent', 'usd'];

interface Amounts {
  [unit: string]: string | null;
}
interface WalletBody {
  id: string;
  wallet_number: string;
  currency: string | null;
  asset_type: string;
  balance: { available: Amounts; pending: Amounts; ledger: Amounts };
}

describe('wallet currencies: single-asset and fiat wallets, the balance object, wallet numbers', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    // write:adjustments is granted only when named (not in a key's default scopes).
    creds = await createOrganization(t, { scopes: [...SCOPES] });
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  const wallet = async (id: string): Promise<WalletBody> => {
    const res = await api.get(`/v1/wallets/${id}`);
    expect(res.status).toBe(200);
    return res.body as WalletBody;
  };
  const adjust = (walletId: string, body: Record<string, unknown>, idempotencyKey = key(), client = api) =>
    client.post(`/v1/wallets/${walletId}/adjustments`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
  const send = (walletId: string, body: Record<string, unknown>, idempotencyKey = key()) =>
    api.post(`/v1/wallets/${walletId}/transfers`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
  const batch = (walletId: string, body: Record<string, unknown>, idempotencyKey = key()) =>
    api.post(`/v1/wallets/${walletId}/transfers/batch`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
  /** A fiat wallet holding `dollars`, credited by an adjustment. */
  const fiatWallet = async (dollars?: string): Promise<WalletBody> => {
    const id = await activeWallet(api, { currency: 'usd' });
    if (dollars)
      expect((await adjust(id, { direction: 'credit', amount: dollars, reason: 'opening' })).status).toBe(201);
    return wallet(id);
  };
  /** Per asset of the organization's ledger: the sum of every account's posted balance (credits - debits). */
  const ledgerSums = async (): Promise<Record<string, string>> => {
    const rows = await t.dataSource.query<Array<{ asset: string; sum: string }>>(
      `SELECT network || '/' || asset AS asset, sum(credits_posted - debits_posted)::text AS sum
         FROM ledger_accounts WHERE organization_id = $1 GROUP BY network, asset`,
      [creds.organizationId],
    );
    return Object.fromEntries(rows.map((r) => [r.asset, r.sum]));
  };
  const settlementBalance = async (): Promise<string | undefined> => {
    const [row] = await t.dataSource.query<Array<{ balance: string }>>(
      `SELECT (credits_posted - debits_posted)::text AS balance FROM ledger_accounts
        WHERE organization_id = $1 AND kind = 'settlement' AND network = 'fiat:ledger' AND asset = 'USD'`,
      [creds.organizationId],
    );
    return row?.balance;
  };

  it('gives a BTC wallet its documented fields and balance object (btc, sat, usd), and each currency its units', async () => {
    const created = await api.post('/v1/wallets', { currency: 'btc', name: 'Player 12345 BTC' });
    expect(created.status).toBe(201);
    const btc = created.body as WalletBody & Record<string, unknown>;
    expect(Object.keys(btc)).toEqual(expect.arrayContaining(WALLET_DOC_WALLET_KEYS));
    expect(Object.keys(btc.balance).sort()).toEqual(WALLET_DOC_BALANCE_KEYS);
    for (const figure of WALLET_DOC_BALANCE_KEYS) {
      expect(Object.keys(btc.balance[figure as 'available']).sort()).toEqual(WALLET_DOC_BTC_AMOUNT_KEYS);
    }
    expect(btc).toMatchObject({
      currency: 'btc',
      asset_type: 'bitcoin',
      company_id: creds.organizationId,
      balance: { available: { btc: '0', sat: '0', usd: '0.00' }, ledger: { btc: '0', sat: '0', usd: '0.00' } },
    });
    expect(btc.wallet_number).toMatch(/^[1-9][0-9]{9}$/);
    // The same object on a read and in the list.
    expect(Object.keys((await wallet(btc.id)).balance.pending).sort()).toEqual(WALLET_DOC_BTC_AMOUNT_KEYS);

    const fiat = (await api.post('/v1/wallets', { currency: 'usd' })).body as WalletBody;
    expect(fiat).toMatchObject({ currency: 'usd', asset_type: 'fiat' });
    expect(Object.keys(fiat.balance.available).sort()).toEqual(WALLET_DOC_FIAT_AMOUNT_KEYS);
    expect(fiat.balance.ledger).toEqual({ usd: '0.00', cent: '0' });

    const units: Record<string, [string, string[]]> = {
      eth: ['ethereum', ['eth', 'usd', 'wei']],
      usdt: ['usdt', ['micro_usdt', 'usd', 'usdt']],
      usdc: ['usdc', ['micro_usdc', 'usd', 'usdc']],
    };
    for (const [currency, [assetType, keys]] of Object.entries(units)) {
      const w = (await api.post('/v1/wallets', { currency })).body as WalletBody;
      expect(w).toMatchObject({ currency, asset_type: assetType });
      expect(Object.keys(w.balance.available).sort()).toEqual(keys);
    }

    // A multi-asset wallet is unchanged but for its USD totals.
    const multi = (await api.post('/v1/wallets', {})).body as WalletBody;
    expect(multi).toMatchObject({ currency: null, asset_type: 'multi_asset' });

    // wallet.created says what kind of wallet became active.
    const createdEvents = await waitFor(async () => {
      const events = (await api.get('/v1/events?type=wallet.created&limit=100')).body.data as Array<{
        data: Record<string, unknown>;
      }>;
      const byWallet = new Map(events.map((e) => [e.data.wallet_id, e.data]));
      return byWallet.has(btc.id) && byWallet.has(multi.id) ? byWallet : undefined;
    }, 'wallet.created of the BTC and the multi-asset wallets');
    expect(createdEvents.get(btc.id)).toMatchObject({
      currency: 'btc',
      asset_type: 'bitcoin',
      wallet_number: btc.wallet_number,
    });
    expect(createdEvents.get(multi.id)).toMatchObject({ currency: null, asset_type: 'multi_asset' });
    expect(multi.balance).toEqual({ available: { usd: '0.00' }, pending: { usd: '0.00' }, ledger: { usd: '0.00' } });

    const bad = await api.post('/v1/wallets', { currency: 'doge' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });

  it("sums a single-asset wallet's deposits into its balance object: usdc and micro_usdc, usd priced by the devnet feed", async () => {
    const id = await activeWallet(api, { currency: 'usdc' });
    const address = await newAddress(api, id, 'USDC', 'ethereum');
    const hash = await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '125.5' });
    // Seen in its block, not yet confirmed (no block is mined meanwhile: three would confirm it).
    const pending = await waitFor(async () => {
      const w = await wallet(id);
      return w.balance.pending.usdc !== '0' ? w : undefined;
    }, 'the deposit pending');
    // Priced by the devnet's USDC/USD feed (1.00).
    expect(pending.balance.pending).toEqual({ usdc: '125.5', micro_usdc: '125500000', usd: '125.50' });
    expect(pending.balance.ledger.micro_usdc).toBe('125500000');
    const confirmed = await mineUntil(
      api,
      'ethereum',
      async () => {
        const txs = (await api.get(`/v1/wallets/${id}/transactions`)).body.data as Array<Record<string, unknown>>;
        return txs.find((tx) => tx.tx_hash === hash && tx.status === 'confirmed') ? wallet(id) : undefined;
      },
      'the deposit confirmed',
    );
    expect(confirmed.balance).toEqual({
      available: { usdc: '125.5', micro_usdc: '125500000', usd: '125.50' },
      pending: { usdc: '0', micro_usdc: '0', usd: '0.00' },
      ledger: { usdc: '125.5', micro_usdc: '125500000', usd: '125.50' },
    });
    const multi = await activeWallet(api);
    const multiAddress = await newAddress(api, multi, 'USDC', 'ethereum');
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: multiAddress, amount: '1' });
    // A multi-asset wallet's object: USD totals of its holdings (the USDC feed answers 1.00).
    await waitFor(
      async () => ((await wallet(multi)).balance.ledger.usd === '1.00' ? true : undefined),
      'the USD total of the multi-asset wallet',
    );
  });

  it('refuses addresses, transfers and adjustments of another asset on a single-asset wallet (422)', async () => {
    const btc = await activeWallet(api, { currency: 'btc' });
    const usd = await activeWallet(api, { currency: 'usd' });
    const multi = await activeWallet(api);

    const usdcAddress = await api.post(`/v1/wallets/${btc}/addresses`, { asset: 'USDC', network: 'ethereum' });
    expect(usdcAddress.status).toBe(422);
    expect(usdcAddress.body.error).toMatchObject({
      code: 'wallet_currency_mismatch',
      details: { wallet_currency: 'btc', asset: 'USDC' },
    });
    const fiatAddress = await api.post(`/v1/wallets/${usd}/addresses`, { asset: 'BTC', network: 'bitcoin' });
    expect(fiatAddress.status).toBe(422);
    expect(fiatAddress.body.error.code).toBe('wallet_currency_mismatch');
    expect((await api.post(`/v1/wallets/${btc}/addresses`, { asset: 'BTC', network: 'bitcoin' })).status).toBe(201);

    const fromBtc = await send(btc, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '1',
      destination: { type: 'wallet', id: multi },
    });
    expect(fromBtc.status).toBe(422);
    expect(fromBtc.body.error).toMatchObject({ code: 'wallet_currency_mismatch', details: { wallet_currency: 'btc' } });
    const intoBtc = await send(multi, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '1',
      destination: { type: 'wallet', id: btc },
    });
    expect(intoBtc.status).toBe(422);
    expect(intoBtc.body.error).toMatchObject({
      code: 'wallet_currency_mismatch',
      details: { field: 'destination.id', wallet_currency: 'btc', asset: 'USDC' },
    });
    const usdFromMulti = await send(multi, {
      asset: 'USD',
      network: 'fiat',
      amount: '1',
      destination: { type: 'wallet', id: usd },
    });
    expect(usdFromMulti.status).toBe(422);
    expect(usdFromMulti.body.error.code).toBe('wallet_currency_mismatch');
    const batched = await batch(btc, {
      asset: 'USDC',
      network: 'ethereum',
      destinations: [{ type: 'wallet', id: multi, amount: '1' }],
    });
    expect(batched.status).toBe(422);
    expect(batched.body.error.code).toBe('wallet_currency_mismatch');
    const adjusted = await adjust(btc, { direction: 'credit', amount: '1', reason: 'not fiat' });
    expect(adjusted.status).toBe(422);
    expect(adjusted.body.error.code).toBe('wallet_currency_mismatch');

    const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
      'SELECT count(*)::text AS count FROM wallet_transactions WHERE organization_id = $1',
      [creds.organizationId],
    );
    expect(count).toBe('0');
  });

  it('books fiat credits and debits against the settlement account, once per Idempotency-Key, never past zero', async () => {
    const { id } = await fiatWallet();
    const creditKey = key();
    const credit = await adjust(
      id,
      { direction: 'credit', amount: '12.34', reason: 'Cash deposit, receipt 1042' },
      creditKey,
    );
    expect(credit.status).toBe(201);
    expect(credit.headers.get('location')).toBe(`/v1/transactions/${credit.body.id}`);
    expect(credit.body).toMatchObject({
      wallet_id: id,
      direction: 'incoming',
      status: 'confirmed',
      asset: 'USD',
      network: 'fiat',
      amount: '12.34',
      amount_raw: '1234',
      tx_hash: null,
      destination: { type: 'adjustment', address: null, wallet_id: null },
      note: 'Cash deposit, receipt 1042',
      // A dollar is worth a dollar: fixed when booked, and current.
      amount_usd: '12.34',
      usd_rate: '1',
      amount_usd_now: '12.34',
      usd_stale: false,
    });
    const stored = await api.get(`/v1/transactions/${credit.body.id}`);
    expect(stored.body).toMatchObject({ amount_usd: '12.34', usd_rate: '1', amount_usd_now: '12.34' });
    const replay = await adjust(
      id,
      { direction: 'credit', amount: '12.34', reason: 'Cash deposit, receipt 1042' },
      creditKey,
    );
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(credit.body);
    expect((await wallet(id)).balance.available).toEqual({ usd: '12.34', cent: '1234' });

    const debit = await adjust(id, { direction: 'debit', amount_raw: '234', reason: 'Cash paid out' });
    expect(debit.status).toBe(201);
    expect(debit.body).toMatchObject({ direction: 'outgoing', status: 'confirmed', amount: '2.34' });
    const overdraw = await adjust(id, { direction: 'debit', amount: '10.01', reason: 'too much' });
    expect(overdraw.status).toBe(422);
    expect(overdraw.body.error).toMatchObject({ code: 'insufficient_funds', details: { required_raw: '1001' } });
    expect((await wallet(id)).balance).toEqual({
      available: { usd: '10.00', cent: '1000' },
      pending: { usd: '0.00', cent: '0' },
      ledger: { usd: '10.00', cent: '1000' },
    });

    // The single-balance route takes the fiat pseudo network too.
    const one = await api.get(`/v1/wallets/${id}/balance?network=fiat&asset=USD`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      chain: 'fiat',
      network: 'ledger',
      token_symbol: 'USD',
      decimals: 2,
      balance: '10',
      balance_raw: '1000',
      available_raw: '1000',
      pending_in_raw: '0',
      is_stale: false,
      available_usd: '10.00',
    });

    const networks = (await api.get(`/v1/wallets/${id}/balances`)).body.networks as Array<Record<string, unknown>>;
    expect(networks).toEqual([
      expect.objectContaining({
        network: 'fiat',
        addresses: [],
        assets: [expect.objectContaining({ asset: 'USD', decimals: 2, available: '10', available_raw: '1000' })],
      }),
    ]);

    // Booked once each: two ledger transfers, and the settlement account is the other side of both.
    const [{ transfers }] = await t.dataSource.query<Array<{ transfers: string }>>(
      'SELECT count(*)::text AS transfers FROM ledger_transfers WHERE organization_id = $1',
      [creds.organizationId],
    );
    expect(transfers).toBe('2');
    expect(await settlementBalance()).toBe('-1000');
    expect(await ledgerSums()).toEqual({ 'fiat:ledger/USD': '0' });

    const listed = (await api.get(`/v1/wallets/${id}/transactions`)).body.data as Array<{ id: string }>;
    expect(listed.map((tx) => tx.id).sort()).toEqual([credit.body.id, debit.body.id].sort());
    expect(await eventTypesOf(t, credit.body.id)).toEqual([
      'wallet.incoming_transaction',
      'wallet_transaction.confirmed',
    ]);
    expect(await eventTypesOf(t, debit.body.id)).toEqual(['wallet_transaction.confirmed']);
    // The events carry the same USD figures as the transaction.
    const payloads = await t.dataSource.query<Array<{ data: Record<string, unknown> }>>(
      `SELECT data FROM events WHERE organization_id = $1 AND data->>'transaction_id' = $2`,
      [creds.organizationId, debit.body.id],
    );
    expect(payloads.map((p) => p.data)).toEqual([
      expect.objectContaining({ amount_usd: '2.34', usd_rate: '1', amount_usd_now: '2.34' }),
    ]);

    // An Idempotency-Key is required, and so is the adjustments scope.
    const keyless = await api.post(`/v1/wallets/${id}/adjustments`, { direction: 'credit', amount: '1', reason: 'x' });
    expect(keyless.status).toBe(400);
    // A key made with the default scopes may move wallets but not book adjustments.
    const defaultKey = await t.app.get(OrganizationsService).createKey(creds.organizationId, {});
    expect(defaultKey.scopes).not.toContain('write:adjustments');
    const walletsOnly = t.http.as({
      kind: 'hmac',
      creds: {
        organizationId: creds.organizationId,
        apiKeyId: defaultKey.api_key_id,
        apiSecret: defaultKey.api_secret,
      },
    });
    expect((await walletsOnly.get(`/v1/wallets/${id}`)).status).toBe(200);
    const forbidden = await adjust(id, { direction: 'credit', amount: '1', reason: 'x' }, key(), walletsOnly);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.details).toMatchObject({ required_scope: 'write:adjustments' });
    expect((await wallet(id)).balance.ledger.cent).toBe('1000');
  });

  it('moves USD between fiat wallets by internal transfer only, keeping every asset of the ledger at zero', async () => {
    const from = await fiatWallet('100');
    const to = await fiatWallet();
    const moved = await send(from.id, {
      asset: 'USD',
      network: 'fiat',
      amount: '40.5',
      destination: { type: 'wallet', id: to.id },
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ status: 'confirmed', asset: 'USD', network: 'fiat', amount_raw: '4050' });
    expect((await wallet(from.id)).balance.available).toEqual({ usd: '59.50', cent: '5950' });
    expect((await wallet(to.id)).balance.available).toEqual({ usd: '40.50', cent: '4050' });
    const received = (await api.get(`/v1/wallets/${to.id}/transactions`)).body.data as Array<Record<string, unknown>>;
    expect(received).toEqual([expect.objectContaining({ direction: 'incoming', amount: '40.5', network: 'fiat' })]);

    const tooMuch = await send(from.id, {
      asset: 'USD',
      network: 'fiat',
      amount: '59.51',
      destination: { type: 'wallet', id: to.id },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('insufficient_funds');
    const offLedger = await send(from.id, {
      asset: 'USD',
      network: 'fiat',
      amount: '1',
      destination_address: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
    });
    expect(offLedger.status).toBe(422);
    expect(offLedger.body.error.code).toBe('unsupported_asset_network');
    expect(await ledgerSums()).toEqual({ 'fiat:ledger/USD': '0' });
    expect(await settlementBalance()).toBe('-10000');
  });

  it('takes a wallet number as a destination wallet, in a transfer and in a batch (integer ids too)', async () => {
    const from = await fiatWallet('100');
    const to = await fiatWallet();
    const other = await fiatWallet();
    const byNumber = await send(from.id, {
      asset: 'USD',
      network: 'fiat',
      amount: '10',
      destination: { type: 'wallet', wallet_number: to.wallet_number },
    });
    expect(byNumber.status).toBe(201);
    expect(byNumber.body.destination).toMatchObject({ type: 'wallet', wallet_id: to.id });
    const byDigits = await send(from.id, {
      asset: 'USD',
      network: 'fiat',
      amount: '5',
      destination: { type: 'wallet', id: other.wallet_number },
    });
    expect(byDigits.status).toBe(201);
    expect(byDigits.body.destination.wallet_id).toBe(other.id);

    const batched = await batch(from.id, {
      asset: 'USD',
      network: 'fiat',
      destinations: [
        { type: 'wallet', wallet_number: to.wallet_number, amount: '1.25' },
        { type: 'wallet', id: other.wallet_number, amount_raw: '250' },
        // A partner may write the id as a JSON integer.
        { type: 'wallet', id: Number(to.wallet_number), amount_raw: '100' },
      ],
    });
    expect(batched.status).toBe(201);
    expect(batched.body.items).toEqual([
      expect.objectContaining({ index: 0, wallet_id: to.id, amount: '1.25', status: 'confirmed' }),
      expect.objectContaining({ index: 1, wallet_id: other.id, amount: '2.5', status: 'confirmed' }),
      expect.objectContaining({ index: 2, wallet_id: to.id, amount: '1', status: 'confirmed' }),
    ]);
    expect((await wallet(to.id)).balance.available.cent).toBe('1225');
    expect((await wallet(other.id)).balance.available.cent).toBe('750');
    expect((await wallet(from.id)).balance.available.cent).toBe(String(10000 - 1000 - 500 - 125 - 250 - 100));
    // Only a whole number is an id: a fraction, a negative or a boolean is still refused.
    for (const id of [1.5, -3, true]) {
      const bad = await send(from.id, {
        asset: 'USD',
        network: 'fiat',
        amount: '1',
        destination: { type: 'wallet', id },
      });
      expect({ id, status: bad.status }).toEqual({ id, status: 400 });
    }

    const both = await send(from.id, {
      asset: 'USD',
      network: 'fiat',
      amount: '1',
      destination: { type: 'wallet', id: to.id, wallet_number: to.wallet_number },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.details).toMatchObject({ field: 'destination.wallet_number' });

    // Unknown numbers, and another organization's, are not found; nothing moved.
    const foreign = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const foreignWallet = (await foreign.post('/v1/wallets', { currency: 'usd' })).body as WalletBody;
    for (const destination of [
      { type: 'wallet', wallet_number: foreignWallet.wallet_number },
      { type: 'wallet', id: foreignWallet.wallet_number },
      { type: 'wallet', id: '12345' },
    ]) {
      const res = await send(from.id, { asset: 'USD', network: 'fiat', amount: '1', destination });
      expect(res.status).toBe(404);
      const inBatch = await batch(from.id, {
        asset: 'USD',
        network: 'fiat',
        destinations: [{ ...destination, amount: '1' }],
      });
      expect(inBatch.status).toBe(404);
      expect(inBatch.body.error.details).toMatchObject({ index: 0 });
    }
    expect((await wallet(from.id)).balance.available.cent).toBe('8025');
    expect(await ledgerSums()).toEqual({ 'fiat:ledger/USD': '0' });
  });

  it('finds a wallet by its wallet number: GET /v1/wallets?wallet_number=', async () => {
    const [a, b] = [await fiatWallet(), (await api.post('/v1/wallets', { currency: 'btc' })).body as WalletBody];
    const found = await api.get(`/v1/wallets?wallet_number=${b.wallet_number}`);
    expect(found.status).toBe(200);
    expect(found.body.data.map((w: WalletBody) => w.id)).toEqual([b.id]);
    expect(found.body.data[0]).toMatchObject({ currency: 'btc', asset_type: 'bitcoin' });
    expect(
      (await api.get(`/v1/wallets?wallet_number=${a.wallet_number}`)).body.data.map((w: WalletBody) => w.id),
    ).toEqual([a.id]);
    const foreign = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    expect((await foreign.get(`/v1/wallets?wallet_number=${b.wallet_number}`)).body.data).toEqual([]);
    const malformed = await api.get('/v1/wallets?wallet_number=123');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request');
  });

  it('documents the new fields, route, scope and error in the OpenAPI document, with examples', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.CreateWalletDto.properties.currency).toMatchObject({
      enum: ['btc', 'eth', 'usdt', 'usdc', 'usd'],
      example: 'btc',
    });
    expect(schemas.WalletDto.required).toEqual(expect.arrayContaining(['currency', 'asset_type', 'balance']));
    expect(schemas.WalletDto.properties.asset_type.example).toBe('bitcoin');
    expect(Object.keys(schemas.WalletDto.properties.balance.example).sort()).toEqual(WALLET_DOC_BALANCE_KEYS);
    expect(Object.keys(schemas.WalletBalanceAmountDto.properties)).toEqual(
      expect.arrayContaining(['usd', 'btc', 'sat', 'wei', 'micro_usdt', 'micro_usdc', 'cent']),
    );
    expect(schemas.TransferDestinationDto.properties.wallet_number.example).toBe('4829103847');
    const list = doc.paths['/v1/wallets'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toContain('wallet_number');
    const adjustment = doc.paths['/v1/wallets/{walletId}/adjustments'].post;
    expect(adjustment['x-required-scope']).toBe('write:adjustments');
    expect(adjustment.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(adjustment.responses['422'].description).toContain('wallet_currency_mismatch');
    expect(schemas.CreateAdjustmentDto.properties.direction).toMatchObject({
      enum: ['credit', 'debit'],
      example: 'credit',
    });
    expect(schemas.CreateAdjustmentDto.required).toEqual(expect.arrayContaining(['direction', 'reason']));
    expect(schemas.NetworkAssetDto.properties.minor_unit.example).toBe('micro_usdc');
  });
});
