import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, databaseUrl, HttpClient, Reply } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { CLI, freePort, MAIN, requireBuild, ROOT, runNode, spawnNode } from './support/processes';

/** The runtime stage's `ENV` of the Dockerfile, as the container sees it. */
function imageEnv(): Record<string, string> {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, assignments] of runtimeStage.matchAll(/^ENV\s+(.+)$/gm))
    for (const [, name, value] of assignments.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[name] = value.replace(/^"|"$/g, '');
  return env;
}

/** The headers every response carries, API route or error alike. */
function expectBaseHeaders(res: Reply): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

function csp(res: Reply): Map<string, string> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.slice(d.split(/\s+/)[0].length).trim()]),
  );
}

/** A JSON API has nothing to load, run or be framed by. */
function expectStrictCsp(res: Reply): void {
  const policy = csp(res);
  expect(policy.get('default-src')).toBe("'none'");
  expect(policy.get('frame-ancestors')).toBe("'none'");
  expect([...policy.keys()].join(' ')).not.toMatch(/script-src|style-src/);
}

/** Swagger UI runs under its CSP: every script is a same-origin file the policy allows, inline styles allowed. */
async function expectDocsServeUnderCsp(http: HttpClient): Promise<Reply> {
  const page = await http.get('/docs');
  expect(page.status).toBe(200);
  expect(page.text).toContain('swagger-ui');
  expectBaseHeaders(page);
  const policy = csp(page);
  expect(policy.get('default-src')).toBe("'self'");
  expect(policy.get('script-src')).toBe("'self'");
  expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
  expect(policy.get('img-src')).toBe("'self' data:");
  expect(policy.get('connect-src')).toBe("'self'");
  expect(policy.get('frame-ancestors')).toBe("'none'");
  const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThanOrEqual(3);
  for (const [, attributes, body] of scripts) {
    expect(body.trim()).toBe(''); // no inline script: script-src 'self' would block it
    const src = /src=["']([^"']+)["']/.exec(attributes)?.[1];
    expect(src).toMatch(/^\.\/|^\/docs\//); // same origin, resolved as the browser does against /docs
    const file = await http.get(new URL(src!, `${http.baseUrl}/docs`).pathname);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/javascript/);
  }
  for (const [, href] of page.text.matchAll(/<link[^>]*href=["']([^"']+)["']/g)) {
    expect(href).toMatch(/^\.\/|^\/docs\//);
    expect((await http.get(new URL(href, `${http.baseUrl}/docs`).pathname)).status).toBe(200);
  }
  return http.get('/docs/swagger-ui-init.js');
}

function preflight(http: HttpClient, origin: string): Promise<Reply> {
  return http.send('OPTIONS', '/v1/wallets', {
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-api-key,x-timestamp,x-request-id,x-signature',
    },
  });
}

describe('safe by default in production', () => {
  beforeAll(() => requireBuild());

  describe('the built app refuses an unsafe configuration (child processes)', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'wallets-defaults-'));
      chmodSync(dataDir, 0o755);
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    /** Boots the app; one that starts serving is stopped again (and fails the expectations below). */
    async function boot(
      env: Record<string, string>,
    ): Promise<{ code: number | null; stderr: string; served: boolean }> {
      const p = spawnNode(MAIN, [], {
        DATA_DIR: dataDir,
        // A devnet that did start must not have to start PostgreSQL first.
        DATABASE_URL: databaseUrl(await createTestDatabase()),
        ...env,
        PORT: String(await freePort()),
      });
      const served = await p.waitFor(/docs at http/, 40_000).then(
        () => true,
        () => false,
      );
      if (p.child.exitCode === null) p.child.kill('SIGTERM');
      return { code: await p.exited, stderr: p.stderr(), served };
    }

    it('keeps a devnet off public addresses unless DEVNET_ALLOW_PUBLIC=true, saying why', async () => {
      const res = await boot({ HOST: '0.0.0.0' });
      expect(res.served).toBe(false);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address/);
      expect(res.stderr).toMatch(/sandbox/);
      expect(res.stderr).toMatch(/DEVNET_ALLOW_PUBLIC=true/);
    });

    it('does not start from the Docker image without NETWORK_ENV', async () => {
      const image = imageEnv();
      expect(image.HOST).toBe('0.0.0.0');
      expect(image.NETWORK_ENV).toBeUndefined();
      const res = await boot({ ...image, DATA_DIR: dataDir });
      expect(res.served).toBe(false);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/NETWORK_ENV: required/);
    });

    it('does not serve a public devnet from the Docker image without the opt-in', async () => {
      const res = await boot({ ...imageEnv(), DATA_DIR: dataDir, NETWORK_ENV: 'devnet' });
      expect(res.served).toBe(false);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address/);
    });
  });

  describe('a testnet deployment from the Docker image (child process)', () => {
    const ALLOWED = 'https://app.example.com';
    let http: HttpClient;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      const env = {
        ...imageEnv(),
        NETWORK_ENV: 'testnet',
        KEY_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        DATABASE_URL: databaseUrl(await createTestDatabase()),
        DATA_DIR: mkdtempSync(join(tmpdir(), 'wallets-testnet-')),
        CORS_ORIGINS: `${ALLOWED},http://localhost:5173`,
      };
      expect((await runNode(CLI, ['keyring:init'], env)).code).toBe(0);
      const port = await freePort();
      // The image listens on 0.0.0.0; this test keeps to loopback.
      const app = spawnNode(MAIN, [], { ...env, HOST: '127.0.0.1', PORT: String(port) });
      stop = async () => {
        if (app.child.exitCode === null) app.child.kill('SIGTERM');
        await app.exited;
      };
      await app.waitFor(/docs at http/);
      http = new HttpClient(`http://127.0.0.1:${port}`);
    });
    afterAll(() => stop?.());

    it('sends the security headers and HSTS on API routes', async () => {
      for (const res of [
        await http.get('/v1/networks'),
        await http.get('/v1/wallets'),
        await http.get('/health/ready'),
      ]) {
        expectBaseHeaders(res);
        expectStrictCsp(res);
        expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
      }
    });

    it('serves /docs under its CSP, without keeping pasted credentials in the browser', async () => {
      const init = await expectDocsServeUnderCsp(http);
      expect(init.status).toBe(200);
      expect(init.text).toContain('signForPlayground');
      expect(init.text).toContain('"persistAuthorization": false');
      expect(init.text).not.toContain('"persistAuthorization": true');
      expect(csp(await http.get('/docs')).has('upgrade-insecure-requests')).toBe(true);
    });

    it('answers CORS for the configured origins only, exactly', async () => {
      const allowed = await http.get('/v1/networks', { headers: { Origin: ALLOWED } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(allowed.headers.get('vary')).toMatch(/Origin/i);
      const exposed = allowed.headers
        .get('access-control-expose-headers')!
        .split(',')
        .map((h) => h.trim().toLowerCase());
      // A browser client can read the request id, replays, Location and the rate limits.
      expect(exposed).toEqual(
        expect.arrayContaining(['x-correlation-id', 'location', 'retry-after', 'ratelimit', 'ratelimit-policy']),
      );
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const local = await http.get('/v1/networks', { headers: { Origin: 'http://localhost:5173' } });
      expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');

      const ok = await preflight(http, ALLOWED);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
      expect(ok.headers.get('access-control-allow-headers')).toMatch(/x-signature/i);

      for (const other of [
        'https://evil.example.com',
        `${ALLOWED}.evil.example.com`,
        'http://app.example.com',
        'null',
      ]) {
        expect(
          (await http.get('/v1/networks', { headers: { Origin: other } })).headers.get('access-control-allow-origin'),
        ).toBeNull();
        expect((await preflight(http, other)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('a devnet on the defaults (in process)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('sends the security headers on API routes and errors, and no HSTS over plain http', async () => {
      const api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
      const ok = await api.get('/v1/wallets');
      expect(ok.status).toBe(200);
      const unauthenticated = await t.http.get('/v1/wallets');
      expect(unauthenticated.status).toBe(401);
      const notFound = await t.http.get('/v1/nothing-here');
      expect(notFound.status).toBe(404);
      for (const res of [ok, unauthenticated, notFound]) {
        expectBaseHeaders(res);
        expectStrictCsp(res);
        expect(res.headers.get('strict-transport-security')).toBeNull();
        expect(csp(res).has('upgrade-insecure-requests')).toBe(false);
      }
    });

    it('keeps /docs working under its CSP, persistent authorization on devnet', async () => {
      const init = await expectDocsServeUnderCsp(t.http);
      expect(init.status).toBe(200);
      expect(init.text).toContain('"persistAuthorization": true');
      const page = await t.http.get('/docs');
      // http://127.0.0.1 must not be upgraded to https by the browser.
      expect(csp(page).has('upgrade-insecure-requests')).toBe(false);
    });

    it('sends no CORS headers at all when CORS_ORIGINS is not set', async () => {
      for (const origin of ['https://app.example.com', t.baseUrl, 'null']) {
        const res = await t.http.get('/v1/networks', { headers: { Origin: origin } });
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        const pre = await preflight(t.http, origin);
        expect([...pre.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    });
  });
});
