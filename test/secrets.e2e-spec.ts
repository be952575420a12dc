import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { generateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { ChainsModule, DevnetNode, KeyringService, startDevnetNode } from '@app/chains';
import { CommonModule } from '@app/common';
import { ConfigModule, loadConfig } from '@app/config';
import { DbModule } from '@app/db';
import { createTestDatabase, Credentials, databaseUrl, deploymentMnemonic, HttpClient, waitFor } from '@app/testing';
import { OrganizationsService } from '../apps/api/src/organizations/organizations.service';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { Receiver } from './support/receiver';
import { activeWallet } from './support/chain';

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A migrated testnet database with a root seed (what an operator's `keyring:init` does, in process): outside devnet
 * the app refuses to boot without one. With the environment of the apps that share it.
 */
async function testnetDeployment(): Promise<{ database: string; env: Record<string, string> }> {
  const database = await createTestDatabase();
  const env = {
    NETWORK_ENV: 'testnet',
    DATABASE_URL: databaseUrl(database),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  };
  const config = loadConfig({ ...env, ROLES: 'api', LOG_LEVEL: 'warn' });
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      ScheduleModule.forRoot(),
      CommonModule,
      DbModule.forRoot(),
      ChainsModule.forRoot({ requireSeed: false }),
    ],
  })
  class KeyringInit {}
  const context = await NestFactory.createApplicationContext(KeyringInit, { logger: ['error'] });
  try {
    await context.get(KeyringService).initialise(generateMnemonic(wordlist, 256));
  } finally {
    await context.close();
  }
  return { database, env };
}

/** A tiny JSON-RPC proxy in front of a node: counts the methods it forwards (batches included). */
class CountingProxy {
  readonly calls = new Map<string, number>();
  private server!: Server;

  static async start(target: string): Promise<CountingProxy> {
    const p = new CountingProxy();
    p.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        try {
          const parsed = JSON.parse(body) as { method: string } | Array<{ method: string }>;
          for (const call of Array.isArray(parsed) ? parsed : [parsed])
            p.calls.set(call.method, (p.calls.get(call.method) ?? 0) + 1);
        } catch {
          // not JSON: forwarded as is
        }
        fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
          .then(async (upstream) =>
            res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text()),
          )
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((resolve) => p.server.listen(0, '127.0.0.1', resolve));
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  count(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Every text-like (and bytea) column of every table holding `needle`, as `table.column`. */
async function columnsContaining(t: TestApp, needle: string): Promise<string[]> {
  const columns = await t.dataSource.query<
    Array<{ table_schema: string; table_name: string; column_name: string; data_type: string }>
  >(
    `SELECT c.table_schema, c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')`,
  );
  expect(columns.some((c) => c.table_name === 'idempotency_keys' && c.column_name === 'response_body')).toBe(true);
  const found: string[] = [];
  for (const c of columns) {
    const column = `"${c.column_name}"`;
    const test =
      c.data_type === 'bytea' ? `position(convert_to($1, 'UTF8') in ${column}) > 0` : `strpos(${column}::text, $1) > 0`;
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "${c.table_schema}"."${c.table_name}" WHERE ${test}`,
      [needle],
    );
    if (n > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;
const IPV6_LOOPBACK = /::1|::ffff/i;

describe('secrets and scopes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '200' } });
  });
  afterAll(() => t.close());

  describe('webhook secrets', () => {
    let creds: Credentials;
    let api: HttpClient;
    let receiver: Receiver;
    beforeEach(async () => {
      creds = await createOrganization(t);
      api = t.http.as({ kind: 'hmac', creds });
      receiver = await Receiver.start();
    });
    afterEach(() => receiver.stop());

    it('stores no whsec_ secret in any column after creation and rotation; a replay returns the same secret', async () => {
      const createKey = randomUUID();
      const body = { url: receiver.url, events: ['webhook.test'] };
      const created = await api.post('/v1/webhook-endpoints', body, { headers: { 'Idempotency-Key': createKey } });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      expect(created.headers.get('cache-control')).toBe('no-store');
      const rotateKey = randomUUID();
      const rotatePath = `/v1/webhook-endpoints/${created.body.id}/rotate-secret`;
      const rotated = await api.post(rotatePath, {}, { headers: { 'Idempotency-Key': rotateKey } });
      expect(rotated.status).toBe(201);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(created.body.secret);

      for (const needle of ['whsec_', created.body.secret.slice(6), rotated.body.secret.slice(6)])
        expect(await columnsContaining(t, needle)).toEqual([]);

      // A retry of the same request (its reply was lost on the way) gets that reply, secret included.
      const replayed = await api.post('/v1/webhook-endpoints', body, { headers: { 'Idempotency-Key': createKey } });
      expect(replayed.status).toBe(201);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(replayed.headers.get('cache-control')).toBe('no-store');
      expect(replayed.body).toEqual(created.body);
      const replayedRotation = await api.post(rotatePath, {}, { headers: { 'Idempotency-Key': rotateKey } });
      expect(replayedRotation.headers.get('idempotent-replayed')).toBe('true');
      expect(replayedRotation.body).toEqual(rotated.body);
      // The replays changed nothing: one endpoint, and the secret that signs is the rotated one.
      expect((await api.get('/v1/webhook-endpoints')).body.data).toHaveLength(1);
      expect(await columnsContaining(t, 'whsec_')).toEqual([]);
      expect(JSON.stringify(t.logs)).not.toContain(rotated.body.secret.slice(6));
    });

    it('after a full scenario, no secret is in any column or any log line: API secret, tokens, webhook secret, mnemonic', async () => {
      const mnemonic = await deploymentMnemonic(t);
      // Tokens: a good request, JSON and Basic, and a wrong secret (logged as a 401).
      const grant = { grant_type: 'client_credentials', client_id: creds.apiKeyId, client_secret: creds.apiSecret };
      const token = await t.http.post('/v1/auth/token', grant);
      expect(token.status).toBe(200);
      const basic = Buffer.from(`${creds.apiKeyId}:${creds.apiSecret}`).toString('base64');
      const viaBasic = await t.http.post(
        '/v1/auth/token',
        { grant_type: 'client_credentials' },
        { headers: { authorization: `Basic ${basic}` } },
      );
      expect(viaBasic.status).toBe(200);
      const wrong = `sk_${randomBytes(24).toString('hex')}`;
      expect((await t.http.post('/v1/auth/token', { ...grant, client_secret: wrong })).status).toBe(401);
      // Money moves, with a bearer token and with HMAC; a webhook endpoint is created and rotated.
      const bearer = t.http.as({ kind: 'bearer', token: token.body.access_token, csrf: token.body.csrf_token });
      const walletId = await activeWallet(api);
      const address = (
        await bearer.post(
          `/v1/wallets/${walletId}/addresses`,
          { asset: 'ETH', network: 'ethereum' },
          { headers: { 'Idempotency-Key': randomUUID() } },
        )
      ).body.address as string;
      expect(address).toMatch(/^0x/);
      await api.post('/v1/sandbox/deposits', { network: 'ethereum', asset: 'ETH', address, amount: '1' });
      const endpoint = await api.post(
        '/v1/webhook-endpoints',
        { url: receiver.url },
        { headers: { 'Idempotency-Key': randomUUID() } },
      );
      const rotated = await api.post(
        `/v1/webhook-endpoints/${endpoint.body.id}/rotate-secret`,
        {},
        { headers: { 'Idempotency-Key': randomUUID() } },
      );
      await waitFor(() => receiver.requests.length > 0, 'a webhook delivered');
      const secrets = {
        api_secret: creds.apiSecret.slice(3),
        wrong_secret: wrong.slice(3),
        access_token: token.body.access_token as string,
        basic_token: viaBasic.body.access_token as string,
        csrf_token: token.body.csrf_token as string,
        webhook_secret: (endpoint.body.secret as string).slice(6),
        rotated_secret: (rotated.body.secret as string).slice(6),
        mnemonic,
      };
      const logs = JSON.stringify(t.logs);
      expect(logs.length).toBeGreaterThan(1000); // the scenario was logged
      for (const [name, value] of Object.entries(secrets)) {
        expect([name, await columnsContaining(t, value)]).toEqual([name, []]);
        expect([name, logs.includes(value)]).toEqual([name, false]);
      }
    });

    it('stores an API key secret only hashed and sealed', async () => {
      const key = await t.app.get(OrganizationsService).createKey(creds.organizationId, { scopes: ['read:wallets'] });
      expect(key.api_secret).toMatch(/^sk_/);
      expect(await columnsContaining(t, key.api_secret.slice(3))).toEqual([]);
      expect(await columnsContaining(t, creds.apiSecret.slice(3))).toEqual([]);
    });
  });

  describe('wallet data needs read:wallets', () => {
    let org: string;
    let full: HttpClient;
    const keyWith = async (scopes: string[]): Promise<HttpClient> => {
      const key = await t.app.get(OrganizationsService).createKey(org, { scopes });
      return t.http.as({
        kind: 'hmac',
        creds: { organizationId: org, apiKeyId: key.api_key_id, apiSecret: key.api_secret },
      });
    };
    const expectScopeRefused = (res: { status: number; body: any }) => {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', details: { required_scope: 'read:wallets' } });
    };

    beforeEach(async () => {
      const creds = await createOrganization(t);
      org = creds.organizationId;
      full = t.http.as({ kind: 'hmac', creds });
    });

    it('GET /v1/events shows wallet events only to a key with read:wallets', async () => {
      const walletId = await activeWallet(full);
      await waitFor(
        async () => (await full.get('/v1/events')).body.data.some((e: { type: string }) => e.type === 'wallet.created'),
        'wallet.created in the feed',
      );
      const endpoint = await full.post('/v1/webhook-endpoints', {
        url: 'http://127.0.0.1:9/hook',
        events: ['webhook.test'],
      });
      await full.post(`/v1/webhook-endpoints/${endpoint.body.id}/test`);

      const webhooksOnly = await keyWith(['read:webhooks']);
      const feed = await webhooksOnly.get('/v1/events');
      expect(feed.status).toBe(200);
      expect(feed.body.data.map((e: { type: string }) => e.type)).toEqual(['webhook.test']);
      expect(feed.text).not.toContain(walletId);
      expectScopeRefused(await webhooksOnly.get('/v1/events?type=wallet.created'));

      const both = await keyWith(['read:webhooks', 'read:wallets']);
      const all = (await both.get('/v1/events')).body.data.map((e: { type: string }) => e.type);
      expect(all).toEqual(expect.arrayContaining(['wallet.created', 'webhook.test']));
    });

    it('subscribing an endpoint to wallet events needs read:wallets', async () => {
      const writeOnly = await keyWith(['write:webhooks']);
      const url = 'http://127.0.0.1:9/hook';
      expectScopeRefused(await writeOnly.post('/v1/webhook-endpoints', { url }));
      expectScopeRefused(await writeOnly.post('/v1/webhook-endpoints', { url, events: ['wallet.created'] }));
      const notices = await writeOnly.post('/v1/webhook-endpoints', { url, events: ['webhook.test'] });
      expect(notices.status).toBe(201);
      expectScopeRefused(
        await writeOnly.patch(`/v1/webhook-endpoints/${notices.body.id}`, { events: ['wallet_transaction.confirmed'] }),
      );
      expectScopeRefused(await writeOnly.patch(`/v1/webhook-endpoints/${notices.body.id}`, { events: [] }));
      expect(
        (await writeOnly.patch(`/v1/webhook-endpoints/${notices.body.id}`, { description: 'notices only' })).status,
      ).toBe(200);

      // An endpoint that receives wallet events cannot be pointed elsewhere by a key that may not read them.
      const wallets = await full.post('/v1/webhook-endpoints', { url, events: ['wallet.created'] });
      expectScopeRefused(
        await writeOnly.patch(`/v1/webhook-endpoints/${wallets.body.id}`, { url: 'http://127.0.0.1:10/hook' }),
      );
      expect((await full.get(`/v1/webhook-endpoints/${wallets.body.id}`)).body.url).toBe(url);

      const writeAndRead = await keyWith(['write:webhooks', 'read:wallets']);
      expect((await writeAndRead.post('/v1/webhook-endpoints', { url })).status).toBe(201);
      expect(
        (await writeAndRead.patch(`/v1/webhook-endpoints/${wallets.body.id}`, { url: 'http://127.0.0.1:10/hook' }))
          .status,
      ).toBe(200);
    });
  });
});

/**
 * A testnet deployment (no devnet services, which would deploy test tokens to every EVM node at boot) with three
 * nodes: Ethereum is our own devnet node (chain id 31337, not Sepolia's) behind a counting proxy, Polygon and Bitcoin
 * are closed local ports behind URLs with a provider key in the path, credentials and a key in the query.
 */
describe('chain nodes', () => {
  let node: DevnetNode;
  let proxy: CountingProxy;
  let t: TestApp;
  let closed: number;

  beforeAll(async () => {
    node = await startDevnetNode({ chainId: 31337, blockTimeSeconds: 0 });
    proxy = await CountingProxy.start(node.url);
    closed = await closedPort();
    const { database, env: deployment } = await testnetDeployment();
    t = await createTestApp({
      database,
      env: {
        ...deployment,
        JOBS_POLL_INTERVAL_MS: '200',
        FEES_CACHE_SECONDS: '3',
        RPC_URL_ETHEREUM: proxy.url,
        RPC_URL_POLYGON: `http://u:p4ss@127.0.0.1:${closed}/v3/SECRETKEY123`,
        RPC_URL_BITCOIN: `http://rpcuser:b1tc01nPass@127.0.0.1:${closed}/wallet/SECRETWALLET9?apikey=QUERYKEY77`,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
    await node?.stop();
  });

  describe('RPC errors', () => {
    const SECRETS = ['SECRETKEY123', 'p4ss', 'b1tc01nPass', 'SECRETWALLET9', 'QUERYKEY77', '/v3/', 'rpcuser'];

    it('shows a class of error in GET /v1/networks and logs the detail without the URL secrets', async () => {
      const creds = await createOrganization(t);
      const api = t.http.as({ kind: 'hmac', creds });
      const failing = await waitFor(async () => {
        const data = (await api.get('/v1/networks')).body.data as Array<{ chain: string; last_error: string | null }>;
        const [ethereum, polygon, bitcoin] = ['ethereum', 'polygon', 'bitcoin'].map((c) =>
          data.find((n) => n.chain === c),
        );
        return ethereum?.last_error && polygon?.last_error && bitcoin?.last_error
          ? { ethereum, polygon, bitcoin }
          : undefined;
      }, 'the failing networks to report an error');
      expect(failing.polygon).toMatchObject({ status: 'error', last_error: 'rpc_unreachable', rpc_url: null });
      expect(failing.bitcoin).toMatchObject({ status: 'error', last_error: 'rpc_unreachable', rpc_url: null });
      // The Ethereum node answers, but serves chain 31337, not Sepolia.
      expect(failing.ethereum).toMatchObject({ status: 'error', last_error: 'chain_mismatch', rpc_url: null });
      const listed = await api.get('/v1/networks');
      // Not a part of any RPC URL: neither the secrets nor the host and port.
      for (const part of [...SECRETS, '127.0.0.1', String(closed)]) expect(listed.text).not.toContain(part);
      const stored = await t.dataSource.query<Array<{ network: string; last_error: string }>>(
        `SELECT network, last_error FROM chain_cursors WHERE last_error IS NOT NULL ORDER BY network`,
      );
      expect(Object.fromEntries(stored.map((r) => [r.network.split(':')[0], r.last_error]))).toEqual({
        ethereum: 'chain_mismatch',
        polygon: 'rpc_unreachable',
        bitcoin: 'rpc_unreachable',
      });

      // The operator's log has the detail (the host and port), the URL's path, query and credentials redacted.
      const line = await waitFor(
        () =>
          t.logs.find(
            (l) => JSON.stringify(l).includes('polygon') && JSON.stringify(l).includes(`127.0.0.1:${closed}`),
          ),
        'a log line of the failing polygon sync',
      );
      expect(JSON.stringify(line)).toContain('rpc_unreachable');
      const logged = JSON.stringify(t.logs);
      for (const part of SECRETS) expect(logged).not.toContain(part);
    });
  });

  describe('GET /v1/fees', () => {
    it('asks the node once per network and asset within the cache time, and again after it', async () => {
      const creds = await createOrganization(t);
      const api = t.http.as({ kind: 'api_key', creds });
      const before = proxy.count('eth_feeHistory');
      const first = await api.get('/v1/fees?network=ethereum');
      const second = await api.get('/v1/fees?network=ethereum');
      const askedAt = Date.now();
      expect(first.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(proxy.count('eth_feeHistory')).toBe(before + 1);

      // The node's fees move (a block with another base fee); the cached answer holds until the cache time is over.
      await rpc(node.url, 'anvil_setNextBlockBaseFeePerGas', [
        `0x${(BigInt(first.body.base_fee_per_gas) * 9n + 1n).toString(16)}`,
      ]);
      await rpc(node.url, 'evm_mine');
      if (Date.now() - askedAt < 2000) {
        expect((await api.get('/v1/fees?network=ethereum')).body).toEqual(first.body);
        expect(proxy.count('eth_feeHistory')).toBe(before + 1);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, askedAt + 3100 - Date.now())));
      const later = await api.get('/v1/fees?network=ethereum');
      expect(later.status).toBe(200);
      expect(later.body.base_fee_per_gas).not.toBe(first.body.base_fee_per_gas);
      expect(proxy.count('eth_feeHistory')).toBe(before + 2);
    });
  });
});

describe('webhook URL refusals name no address', () => {
  let permissive: TestApp;
  let strict: TestApp;
  let receiver: Receiver;

  beforeAll(async () => {
    // Testnet (https only, loopback refused by default) without nodes: these apps only register and deliver webhooks.
    const { database, env: deployment } = await testnetDeployment();
    const env = {
      ...deployment,
      JOBS_POLL_INTERVAL_MS: '100',
      WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,1,1',
      WEBHOOK_TIMEOUT_MS: '700',
    };
    // An API replica that lets a local receiver register, beside one with the default policy that delivers.
    permissive = await createTestApp({ database, env: { ...env, ROLES: 'api', WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    strict = await createTestApp({ database, env });
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver?.stop();
    await strict?.close();
    await permissive?.close();
  });

  it('refuses a name that resolves to a non-public address without saying which', async () => {
    const creds = await createOrganization(strict);
    const api = strict.http.as({ kind: 'hmac', creds });
    const res = await api.post('/v1/webhook-endpoints', { url: 'https://localhost:9/hook' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'invalid_url', details: { field: 'url', reason: 'ssrf_blocked' } });
    expect(res.body.error.message).toContain('localhost');
    expect(res.text).not.toMatch(IPV4);
    expect(res.text).not.toMatch(IPV6_LOOPBACK);
  });

  it('records a delivery refused at connect time without the address', async () => {
    const creds = await createOrganization(permissive);
    const api = permissive.http.as({ kind: 'hmac', creds });
    const port = new URL(receiver.url).port;
    const { body } = await api.post('/v1/webhook-endpoints', { url: `https://localhost:${port}/hook` });
    await api.post(`/v1/webhook-endpoints/${body.id}/test`);
    const delivery = await waitFor(
      async () =>
        (await api.get(`/v1/webhook-endpoints/${body.id}/deliveries`)).body.data.find(
          (d: { last_error: string | null }) => d.last_error && d,
        ) as { id: string; last_error: string } | undefined,
      'a refused attempt',
    );
    expect(delivery.last_error).toBe('ssrf_blocked');
    const detail = await api.get(`/v1/webhook-deliveries/${delivery.id}`);
    expect(detail.body.attempt_log[0]).toMatchObject({
      error_class: 'ssrf_blocked',
      error_message: expect.any(String),
    });
    expect(detail.body.attempt_log[0].error_message).toContain('localhost');
    expect(detail.text).not.toMatch(IPV4);
    expect(detail.text).not.toMatch(IPV6_LOOPBACK);
    expect(receiver.requests).toHaveLength(0);
  });
});
