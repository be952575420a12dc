import { JwtService } from '@nestjs/jwt';
import { Credentials, HttpClient, signHeaders } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { OrganizationsService } from '../apps/api/src/organizations/organizations.service';
import { ProbeModule } from './support/probe.module';

describe('authentication (HMAC, bearer JWT, plain key)', () => {
  let t: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
    http = t.http;
  });
  afterAll(() => t.close());

  const expectError = (res: { status: number; body: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
  };

  async function token(creds: Credentials, extra: Record<string, string> = {}) {
    const res = await http.post('/v1/auth/token', {
      grant_type: 'client_credentials',
      client_id: creds.apiKeyId,
      client_secret: creds.apiSecret,
      ...extra,
    });
    expect(res.status).toBe(200);
    return res.body as {
      access_token: string;
      csrf_token: string;
      scope: string;
      expires_in: number;
      token_type: string;
    };
  }

  describe('no credentials', () => {
    it('401s', async () => {
      expectError(await http.get('/v1/probe/read'), 401, 'unauthorized');
    });
  });

  describe('HMAC-signed requests', () => {
    let creds: Credentials;
    beforeEach(async () => {
      creds = await createOrganization(t);
    });

    it('accepts a correctly signed read and write, for the caller organization only', async () => {
      const read = await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds } });
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ organization_id: creds.organizationId, api_key_id: creds.apiKeyId, method: 'hmac' });
      const write = await http.post('/v1/probe/write', { note: 'hi' }, { auth: { kind: 'hmac', creds } });
      expect(write.status).toBe(201);
      expect(write.body.note).toBe('hi');
    });

    it('signs the query string too', async () => {
      const ok = await http.get('/v1/probe/read?x=1', { auth: { kind: 'hmac', creds } });
      expect(ok.status).toBe(200);
    });

    it.each([
      ['six minutes old', -360],
      ['six minutes ahead', 360],
    ])('refuses a timestamp %s', async (_label, offset) => {
      const res = await http.get('/v1/probe/read', {
        auth: { kind: 'hmac', creds, timestamp: Math.floor(Date.now() / 1000) + offset },
      });
      expectError(res, 401, 'unauthorized');
      expect(res.body.error.message).toMatch(/X-Timestamp/);
    });

    it('refuses a reused request id', async () => {
      const requestId = `req-${Date.now()}-reuse`;
      expect((await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds, requestId } })).status).toBe(200);
      const again = await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds, requestId } });
      expectError(again, 401, 'unauthorized');
      expect(again.body.error.message).toMatch(/already used/);
    });

    it('accepts a request id once among concurrent replays, fresh ids alongside unaffected', async () => {
      const requestId = `req-${Date.now()}-race`;
      const replays = Array.from({ length: 12 }, () =>
        http.get('/v1/probe/read', { auth: { kind: 'hmac', creds, requestId } }),
      );
      const fresh = Array.from({ length: 6 }, (_, i) =>
        http.get('/v1/probe/read', { auth: { kind: 'hmac', creds, requestId: `${requestId}-${i}` } }),
      );
      const [r, f] = await Promise.all([Promise.all(replays), Promise.all(fresh)]);
      expect(r.map((x) => x.status).sort()).toEqual([200, ...Array<number>(11).fill(401)]);
      expect(f.map((x) => x.status)).toEqual(Array<number>(6).fill(200));
    });

    it('does not let a bad signature burn a request id', async () => {
      const requestId = `req-${Date.now()}-burn`;
      expectError(
        await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds, requestId, secretOverride: 'sk_wrong' } }),
        401,
        'unauthorized',
      );
      expect((await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds, requestId } })).status).toBe(200);
    });

    it('refuses a signature made with another secret', async () => {
      const res = await http.get('/v1/probe/read', {
        auth: { kind: 'hmac', creds, secretOverride: 'sk_not_the_secret' },
      });
      expectError(res, 401, 'unauthorized');
      expect(res.body.error.message).toBe('Invalid signature');
    });

    it('refuses a body or query changed after signing', async () => {
      const headers = signHeaders(creds, 'POST', '/v1/probe/write', JSON.stringify({ note: 'a' }));
      const tampered = await http.send('POST', '/v1/probe/write', {
        rawBody: JSON.stringify({ note: 'b' }),
        headers: { ...headers, 'Content-Type': 'application/json' },
      });
      expectError(tampered, 401, 'unauthorized');
      const readHeaders = signHeaders(creds, 'GET', '/v1/probe/read?limit=1', '');
      expectError(await http.get('/v1/probe/read?limit=2', { headers: readHeaders }), 401, 'unauthorized');
    });

    it('refuses missing headers, malformed values, unknown and revoked keys', async () => {
      const headers = signHeaders(creds, 'GET', '/v1/probe/read', '');
      const { ['X-Timestamp']: _omit, ...withoutTimestamp } = headers;
      expectError(await http.get('/v1/probe/read', { headers: withoutTimestamp }), 401, 'unauthorized');
      expectError(
        await http.get('/v1/probe/read', { headers: { ...headers, 'X-Timestamp': 'yesterday' } }),
        401,
        'unauthorized',
      );
      expectError(
        await http.get('/v1/probe/read', { headers: { ...headers, 'X-Signature': 'abc' } }),
        401,
        'unauthorized',
      );
      const unknown = { ...creds, apiKeyId: 'ak_000000000000000000000000' };
      expectError(await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds: unknown } }), 401, 'unauthorized');
      await t.app.get(OrganizationsService).revokeKey(creds.apiKeyId);
      expectError(await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds } }), 401, 'unauthorized');
    });

    it('403s a key without the scope', async () => {
      const narrow = await createOrganization(t, { scopes: ['read:webhooks'] });
      const res = await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds: narrow } });
      expectError(res, 403, 'forbidden');
      expect(res.body.error.details).toEqual({ required_scope: 'read:wallets' });
      expect((await http.get('/v1/probe/webhooks', { auth: { kind: 'hmac', creds: narrow } })).status).toBe(200);
    });

    it('403s writes with wallets_not_enabled, still allows reads', async () => {
      const disabled = await createOrganization(t, { walletsEnabled: false });
      expectError(
        await http.post('/v1/probe/write', { note: 'x' }, { auth: { kind: 'hmac', creds: disabled } }),
        403,
        'wallets_not_enabled',
      );
      expect((await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds: disabled } })).status).toBe(200);
    });
  });

  describe('POST /v1/auth/token and bearer JWTs', () => {
    let creds: Credentials;
    beforeEach(async () => {
      creds = await createOrganization(t);
    });

    it('issues a client-credentials token from JSON', async () => {
      const res = await http.post('/v1/auth/token', {
        grant_type: 'client_credentials',
        client_id: creds.apiKeyId,
        client_secret: creds.apiSecret,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.body).toEqual({
        access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        token_type: 'Bearer',
        expires_in: 900,
        scope: 'read:wallets write:wallets read:webhooks write:webhooks',
        csrf_token: expect.any(String),
      });
    });

    it('issues a token from a form body and from HTTP Basic', async () => {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: creds.apiKeyId,
        client_secret: creds.apiSecret,
        scope: 'read:wallets',
      });
      const res = await http.send('POST', '/v1/auth/token', {
        rawBody: form.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('read:wallets');
      const basic = Buffer.from(`${creds.apiKeyId}:${creds.apiSecret}`).toString('base64');
      const viaBasic = await http.post(
        '/v1/auth/token',
        { grant_type: 'client_credentials' },
        { headers: { Authorization: `Basic ${basic}` } },
      );
      expect(viaBasic.status).toBe(200);
    });

    it('refuses bad credentials, grant types and scopes', async () => {
      expectError(
        await http.post('/v1/auth/token', {
          grant_type: 'client_credentials',
          client_id: creds.apiKeyId,
          client_secret: 'sk_wrong',
        }),
        401,
        'unauthorized',
      );
      expectError(
        await http.post('/v1/auth/token', {
          grant_type: 'password',
          client_id: creds.apiKeyId,
          client_secret: creds.apiSecret,
        }),
        400,
        'invalid_request',
      );
      expectError(await http.post('/v1/auth/token', { grant_type: 'client_credentials' }), 400, 'invalid_request');
      const narrow = await createOrganization(t, { scopes: ['read:wallets'] });
      const res = await http.post('/v1/auth/token', {
        grant_type: 'client_credentials',
        client_id: narrow.apiKeyId,
        client_secret: narrow.apiSecret,
        scope: 'read:wallets write:wallets',
      });
      expectError(res, 400, 'invalid_scope');
    });

    it('authenticates reads; writes need the CSRF token', async () => {
      const tok = await token(creds);
      const read = await http.get('/v1/probe/read', { auth: { kind: 'bearer', token: tok.access_token } });
      expect(read.status).toBe(200);
      expect(read.body.method).toBe('jwt');
      expectError(
        await http.post('/v1/probe/write', { note: 'x' }, { auth: { kind: 'bearer', token: tok.access_token } }),
        403,
        'forbidden',
      );
      expectError(
        await http.post(
          '/v1/probe/write',
          { note: 'x' },
          { auth: { kind: 'bearer', token: tok.access_token, csrf: 'nope' } },
        ),
        403,
        'forbidden',
      );
      const ok = await http.post(
        '/v1/probe/write',
        { note: 'x' },
        { auth: { kind: 'bearer', token: tok.access_token, csrf: tok.csrf_token } },
      );
      expect(ok.status).toBe(201);
    });

    it('limits a narrowed token to its scopes', async () => {
      const tok = await token(creds, { scope: 'read:wallets' });
      expectError(
        await http.post(
          '/v1/probe/write',
          { note: 'x' },
          { auth: { kind: 'bearer', token: tok.access_token, csrf: tok.csrf_token } },
        ),
        403,
        'forbidden',
      );
    });

    it('refuses expired, forged and revoked-key tokens', async () => {
      const jwt = t.app.get(JwtService);
      const claims = { sub: creds.apiKeyId, org: creds.organizationId, scope: 'read:wallets', csrf: 'c' };
      const expired = await jwt.signAsync(claims, { expiresIn: -10, issuer: 'wallets-api', audience: 'wallets-api' });
      const res = await http.get('/v1/probe/read', { auth: { kind: 'bearer', token: expired } });
      expectError(res, 401, 'unauthorized');
      expect(res.body.error.message).toBe('Access token expired');
      const forged = await jwt.signAsync(claims, {
        secret: 'another-key',
        expiresIn: 60,
        issuer: 'wallets-api',
        audience: 'wallets-api',
      });
      expectError(await http.get('/v1/probe/read', { auth: { kind: 'bearer', token: forged } }), 401, 'unauthorized');
      expectError(
        await http.get('/v1/probe/read', { auth: { kind: 'bearer', token: 'not.a.jwt' } }),
        401,
        'unauthorized',
      );
      const tok = await token(creds);
      await t.app.get(OrganizationsService).revokeKey(creds.apiKeyId);
      expectError(
        await http.get('/v1/probe/read', { auth: { kind: 'bearer', token: tok.access_token } }),
        401,
        'unauthorized',
      );
    });

    it('refuses bearer tokens on HMAC-only routes', async () => {
      const tok = await token(creds);
      expectError(
        await http.post(
          '/v1/probe/signed-only',
          {},
          { auth: { kind: 'bearer', token: tok.access_token, csrf: tok.csrf_token } },
        ),
        403,
        'forbidden',
      );
      expect((await http.post('/v1/probe/signed-only', {}, { auth: { kind: 'hmac', creds } })).status).toBe(201);
    });
  });

  describe('plain X-API-Key id.secret', () => {
    it('authenticates reads only', async () => {
      const creds = await createOrganization(t);
      const read = await http.get('/v1/probe/read', { auth: { kind: 'api_key', creds } });
      expect(read.status).toBe(200);
      expect(read.body.method).toBe('api_key');
      expectError(
        await http.post('/v1/probe/write', { note: 'x' }, { auth: { kind: 'api_key', creds } }),
        403,
        'forbidden',
      );
      expectError(
        await http.get('/v1/probe/read', { auth: { kind: 'api_key', creds: { ...creds, apiSecret: 'sk_wrong' } } }),
        401,
        'unauthorized',
      );
      expectError(await http.get('/v1/probe/read', { headers: { 'X-API-Key': creds.apiKeyId } }), 401, 'unauthorized');
    });
  });

  it('never writes secrets, signatures or tokens into the logs', async () => {
    const creds = await createOrganization(t);
    const tok = await token(creds);
    await http.get('/v1/probe/read', { auth: { kind: 'hmac', creds } });
    await http.get('/v1/probe/read', { auth: { kind: 'api_key', creds } });
    await http.get('/v1/probe/read', { auth: { kind: 'bearer', token: tok.access_token } });
    const logged = JSON.stringify(t.logs);
    expect(t.logs.length).toBeGreaterThan(3);
    expect(logged).not.toContain(creds.apiSecret);
    expect(logged).not.toContain(tok.access_token);
    expect(logged).not.toContain(tok.csrf_token);
  });
});
