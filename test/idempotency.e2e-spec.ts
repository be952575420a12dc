import { randomBytes } from 'node:crypto';
import { getAddress } from 'viem';
import { Credentials, expectLedgerConsistent, HttpClient, signHeaders } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { IdempotencyKeysRepository } from '@app/db';
import { IdempotencyService } from '../apps/api/src/idempotency/idempotency.service';
import { activeWallet, assetBalance, deposit, fundedWallet, mineUntil } from './support/chain';

const randomAddress = () => getAddress(`0x${randomBytes(20).toString('hex')}`);
const newKey = () => `idem-${randomBytes(8).toString('hex')}`;

/** The rules of docs/idempotency.md, through the real HTTP stack and a real ledger. */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100', IDEMPOTENCY_LOCK_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  const transfer = (walletId: string, body: Record<string, unknown>, key?: string, client = api) =>
    client.post(`/v1/wallets/${walletId}/transfers`, body, {
      headers: key === undefined ? {} : { 'Idempotency-Key': key },
    });
  const outgoing = async (walletId: string) =>
    (await api.get(`/v1/wallets/${walletId}/transactions?direction=outgoing`)).body.data as unknown[];
  const holds = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM ledger_transfers WHERE organization_id = $1 AND reference LIKE 'withdrawal:%'`,
        [creds.organizationId],
      )
    )[0].n;

  it('runs once for the same key twice, replaying the stored response with Idempotent-Replayed', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const key = newKey();
    const body = { asset: 'USDC', network: 'ethereum', amount: '2', destination_address: randomAddress() };
    const first = await transfer(walletId, body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const second = await transfer(walletId, body, key);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.body).toEqual(first.body);
    expect(await outgoing(walletId)).toHaveLength(1);
    expect(await holds()).toBe(1);
    // A quoted key is the same key.
    expect((await transfer(walletId, body, `"${key}"`)).headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key for another request with 422 idempotency_key_reused, changing nothing', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const key = newKey();
    const to = randomAddress();
    expect(
      (await transfer(walletId, { asset: 'USDC', network: 'ethereum', amount: '2', destination_address: to }, key))
        .status,
    ).toBe(201);
    const other = await transfer(
      walletId,
      { asset: 'USDC', network: 'ethereum', amount: '3', destination_address: to },
      key,
    );
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    const elsewhere = await api.patch(
      `/v1/wallets/${walletId}`,
      { name: 'x' },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(elsewhere.body.error.code).toBe('idempotency_key_reused');
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '8', pending_out: '2' });
    // The stored response is kept: the original request still replays.
    expect(
      (
        await transfer(walletId, { asset: 'USDC', network: 'ethereum', amount: '2', destination_address: to }, key)
      ).headers.get('idempotent-replayed'),
    ).toBe('true');
  });

  it('executes one of 20 concurrent requests with the same key', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '100');
    const key = newKey();
    const body = { asset: 'USDC', network: 'ethereum', amount: '1', destination_address: randomAddress() };
    const results = await Promise.all(Array.from({ length: 20 }, () => transfer(walletId, body, key)));
    const executed = results.filter((r) => r.status === 201 && r.headers.get('idempotent-replayed') === null);
    expect(executed).toHaveLength(1);
    for (const r of results) {
      if (r.status === 201) expect(r.body.id).toBe(executed[0].body.id);
      else expect(r.body.error.code).toBe('idempotency_key_in_use');
    }
    expect(await outgoing(walletId)).toHaveLength(1);
    expect(await holds()).toBe(1);
  });

  it('scopes keys per organization: two organizations with one key both run', async () => {
    const key = newKey();
    const a = await fundedWallet(api, 'ETH', 'ethereum', '1');
    const otherCreds = await createOrganization(t);
    const other = t.http.as({ kind: 'hmac', creds: otherCreds });
    const b = await fundedWallet(other, 'ETH', 'ethereum', '1');
    const r1 = await transfer(
      a.walletId,
      { asset: 'ETH', network: 'ethereum', amount: '0.1', destination_address: randomAddress() },
      key,
    );
    const r2 = await transfer(
      b.walletId,
      { asset: 'ETH', network: 'ethereum', amount: '0.2', destination_address: randomAddress() },
      key,
      other,
    );
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(r2.headers.get('idempotent-replayed')).toBeNull();
    expect(r2.body.amount).toBe('0.2');
  });

  it('releases the key on a validation error, so the corrected request runs', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1');
    const key = newKey();
    const bad = await transfer(
      walletId,
      { asset: 'ETH', network: 'ethereum', amount: 5, destination_address: randomAddress() },
      key,
    );
    expect(bad.status).toBe(400);
    const good = await transfer(
      walletId,
      { asset: 'ETH', network: 'ethereum', amount: '0.5', destination_address: randomAddress() },
      key,
    );
    expect(good.status).toBe(201);
    expect(good.headers.get('idempotent-replayed')).toBeNull();
  });

  it('stores a business failure: 422 insufficient_funds replays even after the wallet is funded', async () => {
    const walletId = await activeWallet(api);
    const address = (await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'USDC', network: 'ethereum' })).body
      .address;
    const key = newKey();
    const body = { asset: 'USDC', network: 'ethereum', amount: '5', destination_address: randomAddress() };
    const first = await transfer(walletId, body, key);
    expect(first.status).toBe(422);
    expect(first.body.error.code).toBe('insufficient_funds');
    const hash = await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '50' });
    await mineUntil(
      api,
      'ethereum',
      async () =>
        (await api.get(`/v1/wallets/${walletId}/transactions`)).body.data.find(
          (x: { tx_hash: string; status: string }) => x.tx_hash === hash && x.status === 'confirmed',
        ),
      'funded',
    );
    const again = await transfer(walletId, body, key);
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await outgoing(walletId)).toHaveLength(0);
  });

  it('still refuses to send twice after the key was reaped: the transfer row keeps the key', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const key = newKey();
    const body = { asset: 'USDC', network: 'ethereum', amount: '4', destination_address: randomAddress() };
    const first = await transfer(walletId, body, key);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '73 hours' WHERE organization_id = $1`,
      [creds.organizationId],
    );
    expect(await t.app.get(IdempotencyService).reap()).toBeGreaterThanOrEqual(1);
    expect(
      await t.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE organization_id = $1 AND key = $2`, [
        creds.organizationId,
        key,
      ]),
    ).toHaveLength(0);
    const again = await transfer(walletId, body, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(await outgoing(walletId)).toHaveLength(1);
    expect(await holds()).toBe(1);
    // external_id is a business key too.
    const withExternal = { ...body, amount: '1', external_id: 'payout-77' };
    const a = await transfer(walletId, withExternal, newKey());
    const b = await transfer(walletId, withExternal, newKey());
    expect(b.body.id).toBe(a.body.id);
    expect(await outgoing(walletId)).toHaveLength(2);
  });

  it('lets a retry take over a key whose first request died, after the lock timeout', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const key = newKey();
    const body = { asset: 'USDC', network: 'ethereum', amount: '1', destination_address: randomAddress() };
    // A request that claimed the key and never finished (its process died).
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, key, fingerprint, method, path, locked_at) VALUES ($1, $2, 'x', 'POST', 'p', now())`,
      [creds.organizationId, key],
    );
    const blocked = await transfer(walletId, body, key);
    expect(blocked.body.error.code).toBe('idempotency_key_reused'); // another fingerprint: never taken over
    // Learn the real fingerprint of `body` by running it once under a third key, then fake an abandoned claim with it.
    const probeKey = newKey();
    await transfer(walletId, body, probeKey);
    const [{ fingerprint }] = await t.dataSource.query(
      `SELECT fingerprint FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [creds.organizationId, probeKey],
    );
    const abandoned = newKey();
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, key, fingerprint, method, path, locked_at) VALUES ($1, $2, $3, 'POST', 'p', now())`,
      [creds.organizationId, abandoned, fingerprint],
    );
    expect((await transfer(walletId, body, abandoned)).body.error.code).toBe('idempotency_key_in_use');
    await new Promise((r) => setTimeout(r, 2200));
    const taken = await transfer(walletId, body, abandoned);
    expect(taken.status).toBe(201);
    expect(taken.headers.get('idempotent-replayed')).toBeNull();
  });

  it('requires the key on money-moving routes and checks its form', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1');
    const body = { asset: 'ETH', network: 'ethereum', amount: '0.1', destination_address: randomAddress() };
    const missing = await transfer(walletId, body);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/Idempotency-Key/);
    expect((await transfer(walletId, body, 'x'.repeat(256))).status).toBe(400);
    expect((await transfer(walletId, body, 'has space')).status).toBe(400);
    const batch = await api.post(`/v1/wallets/${walletId}/transfers/batch`, {
      asset: 'ETH',
      network: 'ethereum',
      destinations: [{ type: 'public_address', address: randomAddress(), amount: '0.1' }],
    });
    expect(batch.status).toBe(400);
    // Two Idempotency-Key headers: refused.
    const path = `/v1/wallets/${walletId}/transfers`;
    const res = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: [
        ...Object.entries(signHeaders(creds, 'POST', path, JSON.stringify(body))),
        ['Idempotency-Key', 'a1'],
        ['Idempotency-Key', 'b2'],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/one Idempotency-Key/);
    expect(await outgoing(walletId)).toHaveLength(0);
  });

  it('leaves the key untouched when authentication fails', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1');
    const key = newKey();
    const body = { asset: 'ETH', network: 'ethereum', amount: '0.1', destination_address: randomAddress() };
    const wrong = await t.http.post(`/v1/wallets/${walletId}/transfers`, body, {
      headers: { 'Idempotency-Key': key },
      auth: { kind: 'hmac', creds: { ...creds, apiSecret: 'sk_wrong' } },
    });
    expect(wrong.status).toBe(401);
    expect((await transfer(walletId, body, key)).status).toBe(201);
  });

  it('replays other POST/PATCH routes too (wallet creation)', async () => {
    const key = newKey();
    const a = await api.post('/v1/wallets', { name: 'once' }, { headers: { 'Idempotency-Key': key } });
    const b = await api.post('/v1/wallets', { name: 'once' }, { headers: { 'Idempotency-Key': key } });
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body.id).toBe(a.body.id);
    expect((await api.get('/v1/wallets')).body.data).toHaveLength(1);
  });

  it("commits a claim without waiting for its WAL flush, and leaves the connection's own setting alone", async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const setting = async () =>
        ((await runner.query('SHOW synchronous_commit')) as Array<{ synchronous_commit: string }>)[0]
          .synchronous_commit;
      const claim = (key: string) =>
        t.app
          .get(IdempotencyKeysRepository)
          .claim(
            [{ organizationId: creds.organizationId, key, fingerprint: 'f', method: 'POST', path: '/v1/x' }],
            runner.manager,
          );
      await runner.query('SET synchronous_commit = on');
      // Inside a transaction the claim's setting holds until that transaction ends.
      await runner.startTransaction();
      expect((await claim(newKey())).keys).toHaveLength(1);
      expect(await setting()).toBe('off');
      await runner.rollbackTransaction();
      expect(await setting()).toBe('on');
      // On its own (as the service runs it) the claim is its own transaction: the connection is back to its setting.
      const key = newKey();
      expect(await claim(key)).toEqual({ requests: [], keys: [{ organizationId: creds.organizationId, key }] });
      expect(await setting()).toBe('on');
    } finally {
      await runner.release();
    }
  });
});
