import { randomBytes } from 'node:crypto';
import { createTestDatabase, Credentials, databaseUrl, waitFor, withClient } from '@app/testing';
import { createTestApp, TestApp } from './support/app';
import { CLI, requireBuild, runNode } from './support/processes';

describe('operator CLI (built, child process)', () => {
  const kek = randomBytes(32).toString('base64');
  let database: string;
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    requireBuild();
    database = await createTestDatabase();
    env = { DATABASE_URL: databaseUrl(database), KEY_ENCRYPTION_KEY: kek, NETWORK_ENV: 'devnet' };
    // The CLI migrates the fresh database itself; the app boots on the same one afterwards.
    const created = await runNode(CLI, ['org:create', '--name', 'Acme Payments', '--wallets-enabled'], env);
    expect(created.code).toBe(0);
    org = JSON.parse(created.stdout) as typeof org;
    t = await createTestApp({ database, env: { KEY_ENCRYPTION_KEY: kek } });
  });
  afterAll(() => t.close());

  let org: { id: string; name: string; wallets_enabled: boolean; created_at: string };

  it('creates an organization and prints JSON', () => {
    expect(org).toEqual({
      id: expect.any(String),
      name: 'Acme Payments',
      wallets_enabled: true,
      created_at: expect.any(String),
    });
  });

  it('creates a scoped key that authenticates, and revokes it', async () => {
    const res = await runNode(
      CLI,
      ['key:create', '--org', org.id, '--scopes', 'read:wallets', '--name', 'backend'],
      env,
    );
    expect(res.code).toBe(0);
    const key = JSON.parse(res.stdout) as { api_key_id: string; api_secret: string; scopes: string[] };
    expect(key).toMatchObject({ organization_id: org.id, name: 'backend', scopes: ['read:wallets'] });
    const grant = { grant_type: 'client_credentials', client_id: key.api_key_id, client_secret: key.api_secret };
    const tok = await t.http.post('/v1/auth/token', grant);
    expect(tok.status).toBe(200);
    expect(tok.body.scope).toBe('read:wallets');

    const revoked = await runNode(CLI, ['key:revoke', '--key', key.api_key_id], env);
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout)).toEqual({ api_key_id: key.api_key_id, revoked: true });
    expect((await t.http.post('/v1/auth/token', grant)).status).toBe(401);
    expect((await runNode(CLI, ['key:revoke', '--key', key.api_key_id], env)).code).toBe(2);
  });

  it("sets a key's own rate limit, and back to the default", async () => {
    const res = await runNode(CLI, ['key:create', '--org', org.id, '--scopes', 'read:wallets', '--name', 'slow'], env);
    const key = JSON.parse(res.stdout) as { api_key_id: string; api_secret: string };
    const creds: Credentials = { organizationId: org.id, apiKeyId: key.api_key_id, apiSecret: key.api_secret };
    const burst = async () =>
      (
        await Promise.all(Array.from({ length: 6 }, () => t.http.get('/v1/wallets', { auth: { kind: 'hmac', creds } })))
      ).map((r) => r.status);
    const limited = await runNode(CLI, ['key:rate-limit', '--key', key.api_key_id, '--per-second', '2'], env);
    expect(limited.code).toBe(0);
    expect(JSON.parse(limited.stdout)).toEqual({
      api_key_id: key.api_key_id,
      rate_limit_per_second: 2,
      rate_limit_burst: 4,
    });
    const statuses = await burst();
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(statuses).toContain(429);
    const reset = await runNode(CLI, ['key:rate-limit', '--key', key.api_key_id, '--default'], env);
    expect(reset.code).toBe(0);
    await new Promise((r) => setTimeout(r, 1_100)); // the replica's lease of the old limit runs out
    expect(await burst()).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await runNode(CLI, ['key:rate-limit', '--key', 'ak_nope', '--per-second', '2'], env)).code).toBe(2);
    expect((await runNode(CLI, ['key:rate-limit', '--key', key.api_key_id, '--per-second', '0'], env)).code).not.toBe(
      0,
    );
  });

  it('a revocation or a wallets toggle made by another process takes effect on the running app (its key cache is told)', async () => {
    const res = await runNode(
      CLI,
      ['key:create', '--org', org.id, '--scopes', 'read:wallets,write:wallets', '--name', 'cached'],
      env,
    );
    const key = JSON.parse(res.stdout) as { api_key_id: string; api_secret: string };
    const creds: Credentials = { organizationId: org.id, apiKeyId: key.api_key_id, apiSecret: key.api_secret };
    const read = () => t.http.get('/v1/wallets', { auth: { kind: 'api_key', creds } });
    const write = () =>
      t.http.post(
        '/v1/wallets',
        {},
        { auth: { kind: 'hmac', creds }, headers: { 'Idempotency-Key': randomBytes(8).toString('hex') } },
      );
    // Both requests read the key through the cache (the second from it).
    expect((await read()).status).toBe(200);
    expect((await write()).status).toBe(201);

    // The cache keeps a key up to 30 s; only the notification can make these pass within 3 s.
    expect((await runNode(CLI, ['org:enable-wallets', '--org', org.id, '--disable'], env)).code).toBe(0);
    await waitFor(async () => (await write()).status === 403, 'wallets_not_enabled on the running app', 3000);
    expect((await runNode(CLI, ['org:enable-wallets', '--org', org.id], env)).code).toBe(0);
    await waitFor(async () => (await write()).status === 201, 'wallets enabled again on the running app', 3000);

    expect((await runNode(CLI, ['key:revoke', '--key', key.api_key_id], env)).code).toBe(0);
    await waitFor(async () => (await read()).status === 401, 'revoked key refused by the running app', 3000);
    expect((await write()).status).toBe(401);
  });

  it('keeps exactly one auth listener through a lost connection, and still hears revocations afterwards', async () => {
    const res = await runNode(
      CLI,
      ['key:create', '--org', org.id, '--scopes', 'read:wallets', '--name', 'listener'],
      env,
    );
    const key = JSON.parse(res.stdout) as { api_key_id: string; api_secret: string };
    const creds: Credentials = { organizationId: org.id, apiKeyId: key.api_key_id, apiSecret: key.api_secret };
    const read = () => t.http.get('/v1/wallets', { auth: { kind: 'api_key', creds } });
    const listeners = () =>
      withClient(database, async (c) =>
        Number(
          (
            await c.query(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'wallets-api-auth-listener' AND datname = current_database()`,
            )
          ).rows[0].n,
        ),
      );
    await waitFor(async () => (await listeners()) === 1, 'one listener');
    await withClient(database, (c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'wallets-api-auth-listener' AND datname = current_database()`,
      ),
    );
    await waitFor(
      async () => (await listeners()) === 1 && (await read()).status === 200,
      'the listener back and the key cached again',
      5000,
    );
    await new Promise((r) => setTimeout(r, 2500)); // a second reconnect, if one were scheduled, would have happened
    expect(await listeners()).toBe(1);
    // Revoked behind the app's back, the way another process does it: only the notification can tell it.
    await withClient(database, async (c) => {
      await c.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [key.api_key_id]);
      await c.query(`SELECT pg_notify('wallets_api_auth', $1)`, [`key:${key.api_key_id}`]);
    });
    await waitFor(async () => (await read()).status === 401, 'revocation heard by the new listener', 3000);
  });

  it('toggles wallets and lists organizations', async () => {
    const off = await runNode(CLI, ['org:enable-wallets', '--org', org.id, '--disable'], env);
    expect(JSON.parse(off.stdout).wallets_enabled).toBe(false);
    const on = await runNode(CLI, ['org:enable-wallets', '--org', org.id], env);
    expect(JSON.parse(on.stdout).wallets_enabled).toBe(true);
    const list = JSON.parse((await runNode(CLI, ['org:list'], env)).stdout) as Array<{ id: string }>;
    expect(list.map((o) => o.id)).toContain(org.id);
  });

  it('answers bad input with an error envelope and a non-zero exit', async () => {
    const unknownScope = await runNode(CLI, ['key:create', '--org', org.id, '--scopes', 'admin:everything'], env);
    expect(unknownScope.code).toBe(2);
    expect(JSON.parse(unknownScope.stderr).error.code).toBe('invalid_scope');
    const missing = await runNode(CLI, ['key:create'], env);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr).error.message).toMatch(/--org/);
    const unknownOrg = await runNode(CLI, ['org:enable-wallets', '--org', '00000000-0000-4000-8000-000000000000'], env);
    expect(JSON.parse(unknownOrg.stderr).error.code).toBe('not_found');
  });
});
