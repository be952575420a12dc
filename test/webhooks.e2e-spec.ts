import { Webhook } from 'standardwebhooks';
import { Credentials, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { Receiver } from './support/receiver';
import { activeWallet, deposit, fundedWallet, mineUntil, newAddress } from './support/chain';

const ENV = { JOBS_POLL_INTERVAL_MS: '100', WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,1,1', WEBHOOK_TIMEOUT_MS: '700' };

describe('webhooks', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;
  let receiver: Receiver;

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
    receiver = await Receiver.start();
  });
  afterEach(() => receiver.stop());

  async function endpoint(body: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
    const res = await api.post('/v1/webhook-endpoints', { url: receiver.url, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** Every request this receiver got must verify with the npm standardwebhooks package. */
  function verifyAll(secret: string): Array<Record<string, any>> {
    return receiver.requests.map(
      (r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as Record<string, any>,
    );
  }

  it('returns the whsec_ secret once and stores it only sealed', async () => {
    const created = await endpoint({ events: ['wallet.created'], description: 'main' });
    expect(created.secret).toMatch(/^whsec_/);
    const got = await api.get(`/v1/webhook-endpoints/${created.id}`);
    expect(got.body).toMatchObject({
      id: created.id,
      url: receiver.url,
      events: ['wallet.created'],
      enabled: true,
      description: 'main',
    });
    expect(got.text).not.toContain('whsec_');
    const [row] = await t.dataSource.query(`SELECT * FROM webhook_endpoints WHERE id = $1`, [created.id]);
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(t.logs)).not.toContain(created.secret.slice(6));
  });

  it('delivers wallet.created, signed per Standard Webhooks, with local ids only', async () => {
    const { secret } = await endpoint();
    const walletId = await activeWallet(api, { external_id: 'hook-1' });
    await waitFor(() => receiver.requests.length >= 1, 'delivery');
    const [payload] = verifyAll(secret);
    expect(payload).toMatchObject({
      type: 'wallet.created',
      data: { wallet_id: walletId, external_id: 'hook-1', status: 'active' },
    });
    expect(payload.id).toMatch(/^evt_[A-Za-z0-9_-]+$/);
    expect(receiver.requests[0].headers['webhook-id']).toBe(payload.id);
    expect(Number(receiver.requests[0].headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect(receiver.requests[0].body).not.toMatch(/utila|derivation|m\/44/i);
  });

  it('delivers only the subscribed event types', async () => {
    const { secret } = await endpoint({ events: ['wallet.incoming_transaction'] });
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'ETH', 'ethereum');
    await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '0.3' });
    await waitFor(() => receiver.requests.length >= 1, 'incoming event');
    await new Promise((r) => setTimeout(r, 400));
    const types = verifyAll(secret).map((p) => p.type);
    expect(types).toEqual(['wallet.incoming_transaction']);
  });

  it('retries a failing receiver with the same webhook-id and body bytes until it recovers', async () => {
    const { id, secret } = await endpoint();
    let calls = 0;
    receiver.responder = (_r, res) => res.writeHead(++calls <= 2 ? 500 : 200).end(calls <= 2 ? 'boom' : 'ok');
    await activeWallet(api);
    await waitFor(() => receiver.requests.length >= 3, 'three attempts', 20_000);
    const bodies = new Set(receiver.requests.map((r) => r.body));
    const ids = new Set(receiver.requests.map((r) => r.headers['webhook-id']));
    expect(bodies.size).toBe(1);
    expect(ids.size).toBe(1);
    verifyAll(secret);
    const deliveries = (await api.get(`/v1/webhook-endpoints/${id}/deliveries`)).body.data;
    expect(deliveries[0]).toMatchObject({ status: 'succeeded', attempts: 3, last_status_code: 200 });
    const detail = (await api.get(`/v1/webhook-deliveries/${deliveries[0].id}`)).body;
    expect(
      detail.attempt_log.map((a: { status_code: number; error_class: string | null }) => [
        a.status_code,
        a.error_class,
      ]),
    ).toEqual([
      [500, 'non_2xx'],
      [500, 'non_2xx'],
      [200, null],
    ]);
    expect(detail.attempt_log[0]).toMatchObject({
      response_body: 'boom',
      next_attempt_at: expect.any(String),
      duration_ms: expect.any(Number),
    });
    // The success ended the endpoint's failure streak (the clock toward auto-disable starts over).
    const [streak] = await t.dataSource.query(
      'SELECT consecutive_failures, failing_since FROM webhook_endpoints WHERE id = $1',
      [id],
    );
    expect(streak).toEqual({ consecutive_failures: 0, failing_since: null });
  });

  it('gives up after the schedule, then recover and redeliver send the same event again', async () => {
    const { id } = await endpoint();
    receiver.responder = (_r, res) => res.writeHead(503).end('down');
    const since = new Date(Date.now() - 1000).toISOString();
    await activeWallet(api);
    const failed = await waitFor(
      async () => {
        const d = (await api.get(`/v1/webhook-endpoints/${id}/deliveries?status=failed`)).body.data;
        return d.length ? d[0] : undefined;
      },
      'failed delivery',
      20_000,
    );
    expect(failed.attempts).toBe(4); // the first try and three retries
    receiver.responder = (_r, res) => res.writeHead(200).end();
    const before = receiver.requests.length;
    expect((await api.post(`/v1/webhook-endpoints/${id}/recover`, { since })).body).toEqual({ recovered: 1 });
    expect((await api.post(`/v1/webhook-endpoints/${id}/recover`, { since })).body).toEqual({ recovered: 0 });
    await waitFor(() => receiver.requests.length === before + 1, 'recovered delivery');
    expect(receiver.requests[before].headers['webhook-id']).toBe(failed.event_id);
    const again = await api.post(`/v1/webhook-deliveries/${failed.id}/redeliver`);
    expect(again.status).toBe(201);
    await waitFor(() => receiver.requests.length === before + 2, 'redelivery');
    expect(receiver.requests[before + 1].headers['webhook-id']).toBe(failed.event_id);
  });

  it('honours Retry-After on 429', async () => {
    const { id } = await endpoint();
    receiver.responder = (_r, res) => res.writeHead(429, { 'Retry-After': '120' }).end();
    await activeWallet(api);
    const d = await waitFor(
      async () =>
        (await api.get(`/v1/webhook-endpoints/${id}/deliveries`)).body.data.find(
          (x: { last_status_code: number | null }) => x.last_status_code === 429 && x,
        ),
      'first attempt',
    );
    expect(new Date(d.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + 100_000);
  });

  it('disables the endpoint on 410 and tells the owner on the event feed', async () => {
    const { id } = await endpoint();
    receiver.responder = (_r, res) => res.writeHead(410).end();
    await activeWallet(api);
    await waitFor(async () => (await api.get(`/v1/webhook-endpoints/${id}`)).body.enabled === false, 'disabled');
    expect((await api.get(`/v1/webhook-endpoints/${id}`)).body.disabled_reason).toBe('gone');
    const feed = (await api.get('/v1/events?type=webhook_endpoint.disabled')).body.data;
    expect(feed).toEqual([
      expect.objectContaining({
        type: 'webhook_endpoint.disabled',
        data: { webhook_endpoint_id: id, url: receiver.url, reason: 'gone' },
      }),
    ]);
    const count = receiver.requests.length;
    await activeWallet(api);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.requests.length).toBe(count);
    expect((await api.post(`/v1/webhook-endpoints/${id}/test`)).status).toBe(409);
    expect((await api.patch(`/v1/webhook-endpoints/${id}`, { enabled: true })).body).toMatchObject({
      enabled: true,
      disabled_reason: null,
    });
  });

  it('does not follow redirects: a 3xx is a failure', async () => {
    const other = await Receiver.start();
    try {
      const { id } = await endpoint();
      receiver.responder = (_r, res) => res.writeHead(302, { Location: other.url }).end();
      await activeWallet(api);
      const d = await waitFor(
        async () =>
          (await api.get(`/v1/webhook-endpoints/${id}/deliveries`)).body.data.find(
            (x: { last_error: string | null }) => x.last_error && x,
          ),
        'attempt',
      );
      expect(d).toMatchObject({ last_status_code: 302, last_error: 'non_2xx', status: 'pending' });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it('classifies timeouts and refused connections in the delivery log', async () => {
    receiver.responder = () => undefined; // never answers
    const slow = await endpoint();
    const closed = await api.post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook' });
    await activeWallet(api);
    const errorOf = async (endpointId: string) => {
      const [d] = (await api.get(`/v1/webhook-endpoints/${endpointId}/deliveries`)).body.data;
      return (d?.last_error as string | null) ?? undefined; // set once the first attempt is recorded
    };
    expect(await waitFor(() => errorOf(slow.id), 'timeout')).toBe('timeout');
    expect(await waitFor(() => errorOf(closed.body.id), 'refused')).toBe('conn_refused');
  });

  it('signs with both secrets during a rotation', async () => {
    const { id, secret: old } = await endpoint();
    const rotated = await api.post(`/v1/webhook-endpoints/${id}/rotate-secret`, {});
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(old);
    expect((await api.post(`/v1/webhook-endpoints/${id}/test`)).status).toBe(201);
    await waitFor(() => receiver.requests.length >= 1, 'test event');
    const [r] = receiver.requests;
    expect((r.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(new Webhook(old).verify(r.body, r.headers as Record<string, string>)).toMatchObject({
      type: 'webhook.test',
    });
    expect(new Webhook(rotated.body.secret).verify(r.body, r.headers as Record<string, string>)).toMatchObject({
      type: 'webhook.test',
    });
    const now = await api.post(`/v1/webhook-endpoints/${id}/rotate-secret`, { overlap_hours: 0 });
    await api.post(`/v1/webhook-endpoints/${id}/test`);
    await waitFor(() => receiver.requests.length >= 2, 'second test event');
    expect((receiver.requests[1].headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(() =>
      new Webhook(rotated.body.secret).verify(
        receiver.requests[1].body,
        receiver.requests[1].headers as Record<string, string>,
      ),
    ).toThrow();
    expect(
      new Webhook(now.body.secret).verify(
        receiver.requests[1].body,
        receiver.requests[1].headers as Record<string, string>,
      ),
    ).toBeDefined();
  });

  it('refuses non-public webhook URLs and validates input', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/hook',
      'http://[fc00::1]/hook',
      'https://user:pw@example.com/hook',
      'ftp://example.com/x',
      'http://100.64.1.1/',
    ]) {
      const res = await api.post('/v1/webhook-endpoints', { url });
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 422,
        code: 'invalid_url',
      });
    }
    expect((await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['wallet.nope'] })).status).toBe(400);
    expect((await api.get('/v1/webhook-endpoints')).body.data).toHaveLength(0);
  });

  it('delivers every event of a deposit and a withdrawal', async () => {
    const { secret } = await endpoint();
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '2');
    const sent = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      {
        asset: 'ETH',
        network: 'ethereum',
        amount: '0.5',
        destination_address: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
      },
      { headers: { 'Idempotency-Key': `hook-${walletId}` } },
    );
    await mineUntil(
      api,
      'ethereum',
      async () => (await api.get(`/v1/transactions/${sent.body.id}`)).body.status === 'confirmed',
      'withdrawal confirmed',
    );
    const address = await newAddress(api, walletId, 'USDC', 'ethereum');
    await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '1', from_denylisted: true });
    const expected = [
      'wallet.created',
      'wallet.incoming_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.confirmed',
      'wallet.outgoing_transaction',
      'wallet_transaction.quarantined',
    ];
    await waitFor(
      () => expected.every((type) => receiver.requests.some((r) => r.body.includes(`"type":"${type}"`))),
      'every event type',
      20_000,
    );
    const payloads = verifyAll(secret);
    for (const p of payloads) {
      expect(Object.keys(p).sort()).toEqual(['created_at', 'data', 'id', 'type']);
      expect(p.data.wallet_id).toBe(walletId);
    }
    expect(payloads.find((p) => p.type === 'wallet.outgoing_transaction')!.data.transaction_id).toBe(sent.body.id);
  });

  it('serves the event feed with after and type, per organization', async () => {
    await activeWallet(api);
    await activeWallet(api);
    const all = (await api.get('/v1/events?type=wallet.created')).body;
    expect(all.data).toHaveLength(2);
    const rest = (await api.get(`/v1/events?after=${all.data[0].id}`)).body;
    expect(rest.data.map((e: { id: string }) => e.id)).toEqual([all.data[1].id]);
    expect((await api.get('/v1/events?limit=1')).body.has_more).toBe(true);
    const other = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    expect((await other.get('/v1/events')).body.data).toEqual([]);
    expect((await other.get(`/v1/events?after=${all.data[0].id}`)).status).toBe(400);
  });
});

describe('webhooks with two job replicas', () => {
  it('deliver each event once to a healthy receiver', async () => {
    const a = await createTestApp({ env: ENV });
    const b = await createTestApp({ database: a.database, env: { ...ENV, ROLES: 'jobs' } });
    const receiver = await Receiver.start();
    try {
      const creds = await createOrganization(a);
      const api = a.http.as({ kind: 'hmac', creds });
      await api.post('/v1/webhook-endpoints', { url: receiver.url, events: ['wallet.created'] });
      await Promise.all(Array.from({ length: 40 }, () => api.post('/v1/wallets', {})));
      await waitFor(() => receiver.requests.length >= 40, '40 deliveries', 30_000);
      await new Promise((r) => setTimeout(r, 600));
      const ids = receiver.requests.map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    } finally {
      await receiver.stop();
      await b.close();
      await a.close();
    }
  });

  it('re-check the address at connect time: a replica whose policy refuses loopback blocks the delivery', async () => {
    const a = await createTestApp({ env: { ...ENV, ROLES: 'api' } });
    const strict = await createTestApp({
      database: a.database,
      env: { ...ENV, ROLES: 'jobs', WEBHOOK_ALLOW_LOOPBACK: 'false' },
    });
    const receiver = await Receiver.start();
    try {
      const creds = await createOrganization(a);
      const api = a.http.as({ kind: 'hmac', creds });
      // Registered as localhost (resolves to loopback, allowed by this API replica's policy at registration).
      const port = new URL(receiver.url).port;
      const { body } = await api.post('/v1/webhook-endpoints', { url: `http://localhost:${port}/hook` });
      await api.post(`/v1/webhook-endpoints/${body.id}/test`);
      const d = await waitFor(
        async () =>
          (await api.get(`/v1/webhook-endpoints/${body.id}/deliveries`)).body.data.find(
            (x: { last_error: string | null }) => x.last_error && x,
          ),
        'attempt',
      );
      expect(d.last_error).toBe('ssrf_blocked');
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.stop();
      await strict.close();
      await a.close();
    }
  });
});
