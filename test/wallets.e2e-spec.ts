import { Credentials, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';

describe('wallets', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });

  const WALLET_KEYS = [
    'active',
    'asset_type',
    'balance',
    'company_id',
    'created_at',
    'currency',
    'end_user_id',
    'external_id',
    'id',
    'metadata',
    'name',
    'provider',
    'status',
    'umbrella_link_id',
    'updated_at',
    'usd_stale',
    'wallet_number',
  ];

  async function activeWallet(body: Record<string, unknown> = {}) {
    const created = await api.post('/v1/wallets', body);
    expect(created.status).toBe(201);
    return waitFor(async () => {
      const res = await api.get(`/v1/wallets/${created.body.id}`);
      return res.body.status === 'active' ? res.body : undefined;
    }, 'wallet to become active');
  }

  it('creates a pending wallet with no body, which provisioning activates with one wallet.created event', async () => {
    const res = await api.post('/v1/wallets');
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(WALLET_KEYS);
    expect(res.body).toMatchObject({
      provider: 'balansas',
      status: 'pending',
      active: false,
      company_id: creds.organizationId,
      name: null,
      external_id: null,
      metadata: {},
    });
    expect(res.body.wallet_number).toMatch(/^[1-9]\d{9}$/);
    const active = await waitFor(async () => {
      const r = await api.get(`/v1/wallets/${res.body.id}`);
      return r.body.status === 'active' ? r.body : undefined;
    }, 'activation');
    expect(active.active).toBe(true);
    const events = await t.dataSource.query(`SELECT type, data FROM events WHERE organization_id = $1`, [
      creds.organizationId,
    ]);
    expect(events).toEqual([
      {
        type: 'wallet.created',
        data: {
          wallet_id: res.body.id,
          external_id: null,
          wallet_number: res.body.wallet_number,
          currency: null,
          asset_type: 'multi_asset',
          status: 'active',
        },
      },
    ]);
  });

  it('stores every optional field', async () => {
    const body = {
      name: 'Player 12345',
      external_id: 'player-12345',
      end_user_id: '0b7c1c5e-4a8e-4c57-9a3f-1e2d3c4b5a69',
      umbrella_link_id: '6f1d2c3b-4a59-4e8f-8c7d-9a0b1c2d3e4f',
      metadata: { tier: 'vip' },
    };
    const wallet = await activeWallet(body);
    expect(wallet).toMatchObject(body);
  });

  it('refuses a second wallet with the same external_id in the organization, not in another one', async () => {
    await activeWallet({ external_id: 'dup-1' });
    const again = await api.post('/v1/wallets', { external_id: 'dup-1' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    const other = await createOrganization(t);
    expect(
      (await t.http.post('/v1/wallets', { external_id: 'dup-1' }, { auth: { kind: 'hmac', creds: other } })).status,
    ).toBe(201);
  });

  it.each([
    [{ end_user_id: 'not-a-uuid' }, 'end_user_id'],
    [{ external_id: 'has space' }, 'external_id'],
    [{ external_id: '' }, 'external_id'],
    [{ name: '' }, 'name'],
    [{ metadata: { nested: { a: 1 } } }, 'metadata'],
    [{ metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
    [{ balance: '100' }, 'balance'],
  ])('answers %p with 400 naming the field, creating nothing', async (body, field) => {
    const res = await api.post('/v1/wallets', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
    expect(res.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await api.get('/v1/wallets')).body.data).toHaveLength(0);
  });

  it('lists newest first with cursor pagination and filters', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api.post('/v1/wallets', { external_id: `page-${i}` })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await api.get(
        `/v1/wallets?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((w: { id: string }) => w.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const filtered = await api.get('/v1/wallets?external_id=page-3');
    expect(filtered.body.data.map((w: { id: string }) => w.id)).toEqual([ids[3]]);
    await waitFor(async () => (await api.get('/v1/wallets?status=pending')).body.data.length === 0, 'all active');
    expect((await api.get('/v1/wallets?status=active')).body.data).toHaveLength(5);
    expect((await api.get('/v1/wallets?cursor=garbage')).status).toBe(400);
    expect((await api.get('/v1/wallets?limit=1000')).status).toBe(400);
    expect((await api.get('/v1/wallets?status=frozen')).status).toBe(400);
  });

  it('updates fields, disables and re-enables', async () => {
    const wallet = await activeWallet({ name: 'before' });
    const patched = await api.patch(`/v1/wallets/${wallet.id}`, {
      name: 'after',
      metadata: { a: 'b' },
      external_id: 'x-1',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'after', metadata: { a: 'b' }, external_id: 'x-1', status: 'active' });
    const disabled = await api.patch(`/v1/wallets/${wallet.id}`, { status: 'disabled' });
    expect(disabled.body).toMatchObject({ status: 'disabled', active: false });
    const cleared = await api.patch(`/v1/wallets/${wallet.id}`, { name: null, status: 'active' });
    expect(cleared.body).toMatchObject({ name: null, status: 'active', active: true });
    expect((await api.patch(`/v1/wallets/${wallet.id}`, { status: 'pending' })).status).toBe(400);
  });

  it('isolates organizations: another organization gets 404 for this wallet', async () => {
    const wallet = await activeWallet();
    const other = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    for (const res of [
      await other.get(`/v1/wallets/${wallet.id}`),
      await other.patch(`/v1/wallets/${wallet.id}`, { name: 'stolen' }),
      await other.get(`/v1/wallets/${wallet.id}/addresses`),
      await other.post(`/v1/wallets/${wallet.id}/addresses`, { asset: 'ETH', network: 'ethereum' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await other.get('/v1/wallets')).body.data).toEqual([]);
    expect((await api.get(`/v1/wallets/${wallet.id}`)).body.name).toBeNull();
    expect((await api.get('/v1/wallets/not-a-uuid')).status).toBe(404);
  });

  it('activates each wallet exactly once when two job replicas share the queue', async () => {
    const replica = await createTestApp({ database: t.database, env: { JOBS_POLL_INTERVAL_MS: '50', ROLES: 'jobs' } });
    try {
      const created = await Promise.all(
        Array.from({ length: 60 }, (_, i) => api.post('/v1/wallets', { external_id: `replica-${i}` })),
      );
      expect(created.every((r) => r.status === 201)).toBe(true);
      await waitFor(
        async () => (await api.get('/v1/wallets?status=pending&limit=100')).body.data.length === 0,
        'all activated',
        20_000,
      );
      const rows = await t.dataSource.query(
        `SELECT data->>'wallet_id' AS wallet_id, count(*)::int AS n FROM events WHERE organization_id = $1 AND type = 'wallet.created' GROUP BY 1`,
        [creds.organizationId],
      );
      expect(rows).toHaveLength(60);
      expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
      // The jobs-only replica serves health, and nothing else.
      expect((await replica.http.get('/health/ready')).status).toBe(200);
      expect((await replica.http.get('/v1/wallets', { auth: { kind: 'hmac', creds } })).status).toBe(404);
    } finally {
      await replica.close();
    }
  });

  it('reports the configured provider name', async () => {
    const branded = await createTestApp({
      database: t.database,
      env: { WALLET_PROVIDER_NAME: 'acmepay', ROLES: 'api' },
    });
    try {
      const wallet = await activeWallet();
      const res = await branded.http.get(`/v1/wallets/${wallet.id}`, { auth: { kind: 'hmac', creds } });
      expect(res.body.provider).toBe('acmepay');
    } finally {
      await branded.close();
    }
  });
});
