import { Credentials, HttpClient, Reply } from '@app/testing';
import { OrganizationsService } from '../apps/api/src/organizations/organizations.service';
import { createOrganization, createTestApp, TestApp } from './support/app';

const LIMITS = {
  JOBS_POLL_INTERVAL_MS: '100',
  RATE_LIMIT_PER_SECOND: '5',
  RATE_LIMIT_BURST: '5',
  RATE_LIMIT_ORG_PER_SECOND: '1000',
};

/**
 * Rate limits per API key, shared by every replica: a token bucket of 5 requests (refilled at 5 per second) lets
 * about that many through, whichever replica serves them, and answers the rest 429 with the IETF headers.
 */
describe('rate limits', () => {
  let t: TestApp;
  let replica: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: LIMITS });
    replica = await createTestApp({ database: t.database, env: LIMITS });
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  /** Fires `n` GETs, alternating between the clients, all at once; the replies and how long it took. */
  async function burst(clients: HttpClient[], n: number): Promise<{ replies: Reply[]; seconds: number }> {
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) => clients[i % clients.length].get('/v1/wallets')),
    );
    return { replies, seconds: (Date.now() - started) / 1000 };
  }

  it('answers 429 rate_limited with Retry-After and RateLimit headers past the key bucket', async () => {
    const creds: Credentials = await createOrganization(t);
    const api = t.http.as({ kind: 'hmac', creds });
    const { replies, seconds } = await burst([api], 20);
    const ok = replies.filter((r) => r.status === 200);
    // The bucket holds 5 and refills at 5 per second while the burst runs.
    expect(ok.length).toBeGreaterThanOrEqual(5);
    expect(ok.length).toBeLessThanOrEqual(5 + Math.ceil(seconds * 5) + 1);
    expect(ok[0].headers.get('ratelimit-policy')).toBe('"api-key";q=5;w=1');
    expect(ok[0].headers.get('ratelimit')).toMatch(/^"api-key";r=\d+;t=\d+$/);
    const refused = replies.filter((r) => r.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(r.body.error).toMatchObject({ code: 'rate_limited', details: { retry_after_seconds: 1 } });
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.headers.get('ratelimit')).toMatch(/^"api-key";r=0;t=1$/);
    }
    // A second later the bucket has tokens again.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await api.get('/v1/wallets')).status).toBe(200);
  });

  it('holds across replicas: two API processes on one database share the key bucket', async () => {
    const creds: Credentials = await createOrganization(t);
    const clients = [t.http.as({ kind: 'hmac', creds }), replica.http.as({ kind: 'hmac', creds })];
    const { replies, seconds } = await burst(clients, 30);
    const ok = replies.filter((r) => r.status === 200).length;
    // Each replica alone would let 5 through: together they still let the one bucket's worth.
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(5 + Math.ceil(seconds * 5) + 1);
    expect(replies.filter((r) => r.status === 429).length).toBe(30 - ok);
  });

  it('limits each key on its own', async () => {
    const a = await createOrganization(t);
    const b = await createOrganization(t);
    // 30 at once: even on a loaded host they come faster than the bucket's 5 per second refill.
    const first = await burst([t.http.as({ kind: 'hmac', creds: a })], 30);
    const other = await burst([t.http.as({ kind: 'hmac', creds: b })], 3);
    expect(first.replies.some((r) => r.status === 429)).toBe(true);
    // Another organization's key is not affected by the first key's refusals.
    expect(other.replies.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('counts token requests against the key, before the secret is checked', async () => {
    const creds: Credentials = await createOrganization(t);
    const request = (secret: string) =>
      t.http.post('/v1/auth/token', {
        grant_type: 'client_credentials',
        client_id: creds.apiKeyId,
        client_secret: secret,
      });
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => request(i % 2 ? 'wrong' : creds.apiSecret)));
    const seconds = (Date.now() - started) / 1000;
    const statuses = replies.map((r) => r.status);
    // Right and wrong secrets alike take a token; past the bucket both are refused 429.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5 + Math.ceil(seconds * 5) + 1);
    expect(statuses.every((s) => s === 200 || s === 401 || s === 429)).toBe(true);
    const ok = replies.find((r) => r.status === 200)!;
    expect(ok.headers.get('ratelimit-policy')).toBe('"api-key";q=5;w=1');
    const refused = replies.find((r) => r.status === 429)!;
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('1');
    // An unknown key has no bucket: 401, not 429.
    const unknown = await t.http.post('/v1/auth/token', {
      grant_type: 'client_credentials',
      client_id: 'ak_unknown',
      client_secret: 'x',
    });
    expect(unknown.status).toBe(401);
  });

  it("limits an organization's keys together, and a fast key's leases never over-serve", async () => {
    // This replica's defaults: 40 per second per key (leases of 2 tokens, renewed ahead), 10 per organization.
    const orgLimited = await createTestApp({
      database: t.database,
      env: {
        ...LIMITS,
        RATE_LIMIT_PER_SECOND: '40',
        RATE_LIMIT_BURST: '40',
        RATE_LIMIT_ORG_PER_SECOND: '10',
        RATE_LIMIT_ORG_BURST: '10',
      },
    });
    const fast = await createTestApp({
      database: t.database,
      env: { ...LIMITS, RATE_LIMIT_PER_SECOND: '40', RATE_LIMIT_BURST: '40', RATE_LIMIT_ORG_PER_SECOND: '100000' },
    });
    try {
      const creds: Credentials = await createOrganization(orgLimited);
      const second = await orgLimited.app.get(OrganizationsService).createKey(creds.organizationId, {});
      const clients = [
        orgLimited.http.as({ kind: 'hmac', creds }),
        orgLimited.http.as({
          kind: 'hmac',
          creds: { ...creds, apiKeyId: second.api_key_id, apiSecret: second.api_secret },
        }),
      ];
      const org = await burst(clients, 40);
      const ok = org.replies.filter((r) => r.status === 200).length;
      // Each key alone may do 40: together they get the organization's 10 (and its refill while the burst ran).
      expect(ok).toBeGreaterThanOrEqual(10);
      expect(ok).toBeLessThanOrEqual(10 + Math.ceil(org.seconds * 10) + 2);
      expect(org.replies.filter((r) => r.status === 429).length).toBe(40 - ok);

      const one = fast.http.as({ kind: 'hmac', creds: await createOrganization(fast) });
      const keyBurst = await burst([one], 120);
      const served = keyBurst.replies.filter((r) => r.status === 200).length;
      expect(served).toBeGreaterThanOrEqual(40);
      expect(served).toBeLessThanOrEqual(40 + Math.ceil(keyBurst.seconds * 40) + 2);
    } finally {
      await fast.close();
      await orgLimited.close();
    }
  });
});
