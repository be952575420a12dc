import { Credentials, HttpClient, Reply, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { activeWallet, fundedWallet, mineUntil } from './support/chain';
import { Receiver } from './support/receiver';

const ENV = { JOBS_POLL_INTERVAL_MS: '100', WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,1,1', WEBHOOK_TIMEOUT_MS: '700' };
const MAX_UINT256 = ((1n << 256n) - 1n).toString();
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';

/** The tables a request of these tests could write to; each is counted for one organization. */
const TABLES = [
  'wallets',
  'addresses',
  'external_accounts',
  'master_wallets',
  'webhook_endpoints',
  'webhook_deliveries',
  'events',
  'wallet_transactions',
  'transfer_batches',
  'ledger_transfers',
  'ledger_accounts',
  'idempotency_keys',
];

/** A response without the figures that move on their own (sync progress), to compare two reads. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['indexed_height', 'last_synced', 'is_stale'].includes(k))
        .map(([k, v]) => [k, stable(v)]),
    );
  return value;
}

describe('hostile input gets a 4xx, never a 500', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });

  /** Row counts of the organization's tables: a refused request must leave all of them as they were. */
  /** The jobs are done with the organization's deposit: swept to its master address, the sweep's fee booked. */
  async function swept(): Promise<void> {
    await mineUntil(
      api,
      'ethereum',
      async () =>
        (
          await t.dataSource.query(`SELECT 1 FROM sweeps WHERE organization_id = $1 AND status = 'confirmed'`, [
            creds.organizationId,
          ])
        ).length > 0,
      'the deposit swept',
    );
  }

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`,
        [creds.organizationId],
      );
      out[table] = n;
    }
    return out;
  }

  function expectRefused(res: Reply, status: number, code: string): void {
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: { error: { code, message: expect.any(String), details: expect.any(Object) } },
    });
  }

  /** 400 invalid_request naming `field`. */
  function expectBadField(res: Reply, field: string): void {
    expectRefused(res, 400, 'invalid_request');
    expect(res.body.error.details.fields).toEqual([{ field, message: expect.any(String) }]);
  }

  it('refuses NUL and unpaired surrogates in any text of a body or query, with 400 naming the field', async () => {
    const walletId = await activeWallet(api, { name: 'before', metadata: { tier: 'vip' } });
    const { body: endpoint } = await api.post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook' });
    const before = await counts();
    const wallet = (await api.get(`/v1/wallets/${walletId}`)).body;
    const key = () => ({ headers: { 'Idempotency-Key': `k-${Math.random()}` } });

    expectBadField(await api.post('/v1/wallets', { name: 'a\u0000b' }), 'name');
    expectBadField(await api.post('/v1/wallets', { name: 'a\ud800b' }), 'name');
    expectBadField(await api.post('/v1/wallets', { name: 'a\udc00' }), 'name');
    expectBadField(await api.post('/v1/wallets', { metadata: { k: 'v\u0000' } }), 'metadata.k');
    expectBadField(await api.post('/v1/wallets', { metadata: { 'k\u0000': 'v' } }), 'metadata');
    expectBadField(await api.post('/v1/wallets', { metadata: { a: { b: ['x', '\u0000'] } } }), 'metadata.a.b.1');
    expectBadField(await api.patch(`/v1/wallets/${walletId}`, { name: '\u0000' }), 'name');
    expectBadField(await api.patch(`/v1/wallets/${walletId}`, { metadata: { tier: '\ud83d' } }), 'metadata.tier');
    expectBadField(
      await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH', network: 'ethereum', label: 'l\u0000' }),
      'label',
    );
    expectBadField(
      await api.post('/v1/external-accounts', { network: 'ethereum', address: ADDRESS, label: '\u0000' }),
      'label',
    );
    expectBadField(
      await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet', label: 'm\u0000' }),
      'label',
    );
    expectBadField(
      await api.post(
        `/v1/wallets/${walletId}/transfers`,
        { asset: 'ETH', network: 'ethereum', amount: '0.1', destination_address: ADDRESS, note: 'n\u0000' },
        key(),
      ),
      'note',
    );
    expectBadField(
      await api.post(
        `/v1/wallets/${walletId}/transfers/batch`,
        {
          asset: 'ETH',
          network: 'ethereum',
          destinations: [{ type: 'public_address', public_address: ADDRESS, amount: '0.1' }],
          note: 'b\u0000',
        },
        key(),
      ),
      'note',
    );
    expectBadField(
      await api.post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/x', description: 'd\u0000' }),
      'description',
    );
    expectBadField(await api.patch(`/v1/webhook-endpoints/${endpoint.id}`, { description: '\u0000' }), 'description');
    // Query strings pass the same check.
    expectBadField(await api.get('/v1/wallets?external_id=a%00b'), 'external_id');
    expectBadField(await api.get(`/v1/wallets/${walletId}/addresses?network=%00`), 'network');
    // A path segment is an id or nothing: 404, or 400 for one that is not %-encoded UTF-8 (a surrogate, a bad escape).
    expectRefused(await api.get('/v1/wallets/%00'), 404, 'not_found');
    expectRefused(await api.get('/v1/wallets/%ED%A0%80/balances'), 400, 'invalid_request');
    expectRefused(await api.get('/v1/transactions/%E0%A4%A'), 400, 'invalid_request');
    // A form body too (the token endpoint takes one).
    expectBadField(
      await t.http.send('POST', '/v1/auth/token', {
        rawBody: 'grant_type=client_credentials&client_id=ak_%00&client_secret=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      'client_id',
    );

    expect(await counts()).toEqual(before);
    expect((await api.get(`/v1/wallets/${walletId}`)).body).toEqual(wallet);
    // Other Unicode is text like any other, and round-trips.
    const fine = await api.post('/v1/wallets', { name: 'Zoë 😀 \u200b\ufffe', metadata: { ключ: '值\u0001' } });
    expect(fine.status).toBe(201);
    expect(fine.body).toMatchObject({ name: 'Zoë 😀 \u200b\ufffe', metadata: { ключ: '值\u0001' } });
  });

  it('refuses JSON nested deeper than 32 levels with 400, before anything walks it', async () => {
    const walletId = await activeWallet(api);
    const before = await counts();
    const wallet = (await api.get(`/v1/wallets/${walletId}`)).body;
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const json = { 'Content-Type': 'application/json' };

    for (const [method, path] of [
      ['POST', '/v1/wallets'],
      ['PATCH', `/v1/wallets/${walletId}`],
    ]) {
      const res = await api.send(method, path, { rawBody: `{"metadata":{"a":${nested(5000)}}}`, headers: json });
      expectRefused(res, 400, 'invalid_request');
      expect(res.body.error.message).toMatch(/nested more than 32 levels/);
      expect(res.body.error.details).toEqual({ max_depth: 32 });
    }
    // The limit counts every object and array, the body itself included: 32 levels pass to validation ...
    const atLimit = await api.send('POST', '/v1/wallets', {
      rawBody: `{"metadata":{"a":${nested(30)}}}`,
      headers: json,
    });
    expectBadField(atLimit, 'metadata');
    // ... 33 do not.
    const overLimit = await api.send('POST', '/v1/wallets', {
      rawBody: `{"metadata":{"a":${nested(31)}}}`,
      headers: json,
    });
    expectRefused(overLimit, 400, 'invalid_request');
    expect(overLimit.body.error.details).toEqual({ max_depth: 32 });

    expect(await counts()).toEqual(before);
    expect((await api.get(`/v1/wallets/${walletId}`)).body).toEqual(wallet);
  });

  it('answers malformed HTTP Basic credentials on POST /v1/auth/token with 401', async () => {
    const before = await counts();
    const basic = (raw: string) => ({
      rawBody: JSON.stringify({ grant_type: 'client_credentials' }),
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${raw}` },
    });
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    for (const raw of [
      b64('ak_x:%zz'), // a bad %-escape
      b64(`${creds.apiKeyId}:%E0%A4%A`), // a truncated one
      b64('%zz:secret'),
      '!!!not-base64!!!',
      'YWJj=ZGVm', // padding in the middle
      b64('no-colon-here'),
      b64(':only-a-secret'),
    ]) {
      const res = await t.http.send('POST', '/v1/auth/token', basic(raw));
      expectRefused(res, 401, 'unauthorized');
    }
    // Well-formed Basic credentials still work, %-encoded or not.
    const ok = await t.http.send('POST', '/v1/auth/token', basic(b64(`${creds.apiKeyId}:${creds.apiSecret}`)));
    expect(ok.status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('delivers a test event to an endpoint whose events filter does not list webhook.test', async () => {
    const receiver = await Receiver.start();
    try {
      const { body: endpoint } = await api.post('/v1/webhook-endpoints', {
        url: receiver.url,
        events: ['wallet.created'],
      });
      const before = await counts();
      const res = await api.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ event_id: expect.stringMatching(/^evt_/), delivery_id: expect.any(String) });
      await waitFor(() => receiver.byEventId(res.body.event_id as string).length === 1, 'the test event');
      expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ type: 'webhook.test' });
      // One event and one delivery, to this endpoint alone; its filter still holds for everything else.
      expect(await counts()).toEqual({
        ...before,
        events: before.events + 1,
        webhook_deliveries: before.webhook_deliveries + 1,
      });
      const other = await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['wallet.created'] });
      const deliveries = await api.get(`/v1/webhook-endpoints/${other.body.id}/deliveries`);
      expect(deliveries.body.data).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });

  it('refuses a batch whose total exceeds 2^256-1 with 422 invalid_amount, holding nothing', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1');
    await swept(); // nothing but the request under test writes from here on
    const to = await activeWallet(api);
    const before = await counts();
    const balances = stable((await api.get(`/v1/wallets/${walletId}/balances`)).body);
    const batch = (count: number, amount_raw: string) =>
      api.post(
        `/v1/wallets/${walletId}/transfers/batch`,
        {
          asset: 'ETH',
          network: 'ethereum',
          destinations: Array.from({ length: count }, () => ({ type: 'wallet', id: to, amount_raw })),
        },
        { headers: { 'Idempotency-Key': `batch-${count}-${amount_raw.length}` } },
      );

    for (const count of [9, 2]) {
      const res = await batch(count, MAX_UINT256);
      expectRefused(res, 422, 'invalid_amount');
      expect(res.body.error.details).toEqual({ field: 'destinations', maximum_raw: MAX_UINT256 });
    }
    // Each amount must fit too.
    const one = await batch(1, ((1n << 256n) + 1n).toString());
    expectRefused(one, 422, 'invalid_amount');
    expect(one.body.error.details).toMatchObject({ index: 0 });

    // A 422 is a final answer, stored for the key's replays; nothing else was written.
    expect(await counts()).toEqual({ ...before, idempotency_keys: before.idempotency_keys + 3 });
    expect(stable((await api.get(`/v1/wallets/${walletId}/balances`)).body)).toEqual(balances);
  });

  it('logs an attempt whose response body holds a NUL byte, and the retry schedule goes on', async () => {
    const receiver = await Receiver.start();
    try {
      let calls = 0;
      receiver.responder = (_r, res) =>
        ++calls === 1 ? res.writeHead(500).end('bad\u0000news') : res.writeHead(200).end('ok\u0000\u0000');
      const { body: endpoint } = await api.post('/v1/webhook-endpoints', { url: receiver.url });
      const { body: test } = await api.post(`/v1/webhook-endpoints/${endpoint.id}/test`);
      const delivery = await waitFor(
        async () => {
          const res = await api.get(`/v1/webhook-deliveries/${test.delivery_id}`);
          return res.body.status === 'succeeded' ? res.body : undefined;
        },
        'the delivery to succeed on its second attempt',
        20_000,
      );
      expect(delivery).toMatchObject({ attempts: 2, last_status_code: 200 });
      expect(
        delivery.attempt_log.map((a: Record<string, unknown>) => [a.status_code, a.error_class, a.response_body]),
      ).toEqual([
        [500, 'non_2xx', 'bad\ufffdnews'],
        [200, null, 'ok\ufffd\ufffd'],
      ]);
      expect(delivery.attempt_log[0].next_attempt_at).toEqual(expect.any(String));
      expect(receiver.requests).toHaveLength(2);
    } finally {
      await receiver.stop();
    }
  });

  it("answers 404 for another organization's funded wallet on every money route, and changes nothing", async () => {
    // Organization A's wallet has ledger accounts (a deposit, a send): its ids are real, but not the caller's.
    const { walletId: theirs } = await fundedWallet(api, 'ETH', 'ethereum', '1');
    const theirTo = await activeWallet(api);
    const sent = await api.post(
      `/v1/wallets/${theirs}/transfers`,
      { asset: 'ETH', network: 'ethereum', amount: '0.1', destination: { type: 'wallet', id: theirTo } },
      { headers: { 'Idempotency-Key': 'theirs' } },
    );
    expect(sent.status).toBe(201);
    await swept();
    const theirCounts = await counts();

    const otherCreds = await createOrganization(t);
    const other = t.http.as({ kind: 'hmac', creds: otherCreds });
    const { walletId: mine } = await fundedWallet(other, 'ETH', 'ethereum', '1');
    const send = { asset: 'ETH', network: 'ethereum', amount: '0.1' };
    let n = 0;
    const post = (path: string, body?: object) =>
      other.post(path, body, { headers: { 'Idempotency-Key': `cross-${n++}` } });
    for (const res of [
      await post(`/v1/wallets/${theirs}/transfers`, { ...send, destination: { type: 'wallet', id: mine } }),
      await post(`/v1/wallets/${theirs}/transfers`, { ...send, destination_address: ADDRESS }),
      await post(`/v1/wallets/${theirs}/transfers/batch`, {
        asset: 'ETH',
        network: 'ethereum',
        destinations: [{ type: 'wallet', id: mine, amount: '0.1' }],
      }),
      await post(`/v1/wallets/${mine}/transfers`, { ...send, destination: { type: 'wallet', id: theirs } }),
      await post(`/v1/wallets/${mine}/transfers/batch`, {
        asset: 'ETH',
        network: 'ethereum',
        destinations: [{ type: 'wallet', id: theirs, amount: '0.1' }],
      }),
      await post(`/v1/transactions/${sent.body.id}/cancel`),
      await post(`/v1/transactions/${sent.body.id}/speed-up`),
      await other.get(`/v1/transactions/${sent.body.id}`),
      await other.get(`/v1/wallets/${theirs}/balances`),
      await other.get(`/v1/wallets/${theirs}/transactions`),
    ]) {
      expectRefused(res, 404, 'not_found');
    }
    expect(await counts()).toEqual(theirCounts);
    expect((await other.get(`/v1/wallets/${mine}/balance?network=ethereum&asset=ETH`)).body.available).toBe('1');
  });

  it('takes ids in any letter case on every {id} route', async () => {
    const receiver = await Receiver.start();
    try {
      const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1');
      const to = await activeWallet(api);
      const batch = await api.post(
        `/v1/wallets/${walletId.toUpperCase()}/transfers/batch`,
        { asset: 'ETH', network: 'ethereum', destinations: [{ type: 'wallet', id: to.toUpperCase(), amount: '0.1' }] },
        { headers: { 'Idempotency-Key': 'upper-batch' } },
      );
      expect(batch.status).toBe(201);
      expect(batch.body.wallet_id).toBe(walletId);
      const transfer = await api.post(
        `/v1/wallets/${walletId.toUpperCase()}/transfers`,
        { asset: 'ETH', network: 'ethereum', amount: '0.1', destination: { type: 'wallet', id: to.toUpperCase() } },
        { headers: { 'Idempotency-Key': 'upper-transfer' } },
      );
      expect(transfer.status).toBe(201);
      const master = (await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' })).body;
      const account = (await api.post('/v1/external-accounts', { network: 'ethereum', address: ADDRESS })).body;
      const endpoint = (await api.post('/v1/webhook-endpoints', { url: receiver.url })).body;
      const test = (await api.post(`/v1/webhook-endpoints/${endpoint.id}/test`)).body;
      await waitFor(() => receiver.requests.length >= 1, 'the test delivery');
      await swept(); // only the reads remain

      const before = await counts();
      for (const path of [
        `/v1/wallets/${walletId}`,
        `/v1/wallets/${walletId}/balances`,
        `/v1/wallets/${walletId}/balance?network=ethereum&asset=ETH`,
        `/v1/wallets/${walletId}/addresses`,
        `/v1/wallets/${walletId}/transactions`,
        `/v1/wallets/${walletId}/transfers/batch/${batch.body.id}`,
        `/v1/transactions/${transfer.body.id}`,
        `/v1/master-wallets/${master.id}`,
        `/v1/master-wallets/${master.id}/balances`,
        `/v1/master-wallets/${master.id}/balance?chain=ethereum&network=devnet&token=ETH`,
        `/v1/external-accounts/${account.id}`,
        `/v1/webhook-endpoints/${endpoint.id}`,
        `/v1/webhook-endpoints/${endpoint.id}/deliveries`,
        `/v1/webhook-deliveries/${test.delivery_id}`,
      ]) {
        const lower = await api.get(path);
        expect({ path, status: lower.status }).toEqual({ path, status: 200 });
        const upper = await api.get(path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => id.toUpperCase()));
        expect({ path, status: upper.status, body: stable(upper.body) }).toEqual({
          path,
          status: 200,
          body: stable(lower.body),
        });
      }
      expect(await counts()).toEqual(before);

      // Writes too: each answers as it does for the lower-case id.
      const patched = await api.patch(`/v1/wallets/${walletId.toUpperCase()}`, { name: 'upper' });
      expect(patched.body).toMatchObject({ id: walletId, name: 'upper' });
      const address = await api.post(`/v1/wallets/${walletId.toUpperCase()}/addresses`, {
        asset: 'ETH',
        network: 'ethereum',
      });
      expect(address.status).toBe(201);
      expect(address.body.wallet_id).toBe(walletId);
      const removed = await api.delete(`/v1/external-accounts/${account.id.toUpperCase()}`);
      expect(removed.body).toEqual({ id: account.id, deleted: true });
    } finally {
      await receiver.stop();
    }
  });
});
