import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import {
  createWalletsClient,
  unwrap,
  WalletsApiError,
  WalletsClient,
  WalletsClientOptions,
  WebhookVerificationError,
  WebhookVerifier,
} from '@wallets-api/client';
import { Credentials, waitFor } from '@app/testing';
import { OrganizationsService } from '../apps/api/src/organizations/organizations.service';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { Receiver } from './support/receiver';

/** What the client put on the wire, attempt by attempt. */
interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
}

/**
 * The real fetch, recording every request; `dropNextAnswer` lets the next request reach the server and then throws
 * as a broken connection would, so the client never sees the answer.
 */
function recordingTransport() {
  const sent: Sent[] = [];
  const state = { dropNextAnswer: false };
  const transport = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    sent.push({
      method: request.method,
      path: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
    });
    const response = await fetch(request);
    if (state.dropNextAnswer) {
      state.dropNextAnswer = false;
      await response.arrayBuffer();
      throw new TypeError('fetch failed: connection reset (dropped by the test)');
    }
    return response;
  };
  return { sent, state, transport };
}

describe('the TypeScript client (@wallets-api/client) against the real server', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
  });
  afterAll(() => t.close());

  function hmacClient(creds: Credentials, options: Partial<WalletsClientOptions> = {}): WalletsClient {
    return createWalletsClient({
      baseUrl: t.baseUrl,
      auth: { type: 'hmac', apiKeyId: creds.apiKeyId, apiSecret: creds.apiSecret },
      retry: { minDelayMs: 10 },
      ...options,
    });
  }

  async function activeWallet(api: WalletsClient, body: { name?: string; external_id?: string } = {}) {
    const wallet = unwrap(await api.POST('/v1/wallets', { body }));
    await waitFor(
      async () =>
        unwrap(await api.GET('/v1/wallets/{walletId}', { params: { path: { walletId: wallet.id } } })).status ===
        'active',
      'wallet activation',
    );
    return wallet;
  }

  async function usdc(api: WalletsClient, walletId: string) {
    return unwrap(
      await api.GET('/v1/wallets/{walletId}/balance', {
        params: { path: { walletId }, query: { network: 'ethereum', asset: 'USDC' } },
      }),
    );
  }

  it('the committed openapi.json is the document the server serves at /docs-json', async () => {
    // Up to the order of enums, which scripts/openapi.mjs sorts (the Swagger plugin's order is the compiler's).
    const sortEnums = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortEnums)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value).map(([k, v]) => [
                k,
                k === 'enum' && Array.isArray(v) ? [...(v as unknown[])].sort() : sortEnums(v),
              ]),
            )
          : value;
    const served = (await t.http.get('/docs-json')).body;
    const committed = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
    expect(committed).toEqual(sortEnums(served));
  });

  it('signs requests as the server checks them: a wrong secret or a skewed clock is refused 401', async () => {
    const creds = await createOrganization(t);
    const good = hmacClient(creds);
    const listed = await good.GET('/v1/wallets', { params: { query: { limit: 5, status: 'active' } } });
    expect(listed.response.status).toBe(200);
    expect(unwrap(listed).data).toEqual([]);

    const wrongSecret = hmacClient({ ...creds, apiSecret: `${creds.apiSecret}x` });
    const refused = await wrongSecret.POST('/v1/wallets', { body: { name: 'never' } });
    expect(refused.response.status).toBe(401);
    expect(refused.error).toEqual({ error: { code: 'unauthorized', message: 'Invalid signature', details: {} } });
    expect(() => unwrap(refused)).toThrow(WalletsApiError);
    try {
      unwrap(refused);
    } catch (e) {
      expect(e).toMatchObject({ status: 401, code: 'unauthorized', message: 'Invalid signature' });
    }

    const skewed = hmacClient(creds, { clock: () => Date.now() - 10 * 60_000 });
    const late = await skewed.GET('/v1/wallets');
    expect(late.response.status).toBe(401);
    expect(late.error?.error.message).toMatch(/X-Timestamp is outside the allowed window/);
    // Neither refused write created anything.
    expect(unwrap(await good.GET('/v1/wallets')).data).toEqual([]);

    // The plain key is reads only: the server's 403 comes back as it is.
    const plain = createWalletsClient({ baseUrl: t.baseUrl, auth: { type: 'key', ...creds } });
    expect((await plain.GET('/v1/wallets')).response.status).toBe(200);
    const write = await plain.POST('/v1/wallets', { body: {} });
    expect(write.response.status).toBe(403);
    expect(write.error?.error.code).toBe('forbidden');
  });

  it('HMAC flow: wallet, address, sandbox deposit, then a transfer whose lost answer is retried and replayed', async () => {
    const creds = await createOrganization(t);
    const { sent, state, transport } = recordingTransport();
    const api = hmacClient(creds, { fetch: transport });

    const source = await activeWallet(api, { name: 'client source', external_id: 'client-source' });
    const address = unwrap(
      await api.POST('/v1/wallets/{walletId}/addresses', {
        params: { path: { walletId: source.id } },
        body: { asset: 'USDC', network: 'ethereum' },
      }),
    );
    expect(address.address).toMatch(/^0x[0-9a-fA-F]{40}$/);
    const deposit = unwrap(
      await api.POST('/v1/sandbox/deposits', {
        body: { network: 'ethereum', asset: 'USDC', address: address.address, amount: '125.50' },
      }),
    );
    await waitFor(
      async () => {
        const list = unwrap(
          await api.GET('/v1/wallets/{walletId}/transactions', { params: { path: { walletId: source.id } } }),
        );
        if (list.data.some((tx) => tx.tx_hash === deposit.tx_hash && tx.status === 'confirmed')) return true;
        unwrap(await api.POST('/v1/sandbox/mine', { body: { network: 'ethereum', blocks: 1 } }));
        return false;
      },
      'deposit confirmed',
      30_000,
      100,
    );
    expect(await usdc(api, source.id)).toMatchObject({ available: '125.5', available_raw: '125500000' });

    // Every write went out with its own Idempotency-Key, a UUID the client made.
    const writes = sent.filter((s) => s.method === 'POST');
    const keys = writes.map((s) => s.headers['idempotency-key']);
    expect(keys.every((k) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(k))).toBe(
      true,
    );
    expect(new Set(keys).size).toBe(keys.length);

    const target = await activeWallet(api, { name: 'client target' });
    const before = sent.length;
    state.dropNextAnswer = true;
    const result = await api.POST('/v1/wallets/{walletId}/transfers', {
      params: { path: { walletId: source.id } },
      body: { asset: 'USDC', network: 'ethereum', amount: '20', destination: { type: 'wallet', id: target.id } },
    });
    const transfer = unwrap(result);
    expect(transfer).toMatchObject({ status: 'confirmed', amount: '20' });
    // Two attempts: the first ran on the server and its answer was lost; the second, with the same key and a new
    // signature, got the stored answer.
    const attempts = sent.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[1].headers['idempotency-key']).toBe(attempts[0].headers['idempotency-key']);
    expect(attempts[1].headers['x-request-id']).not.toBe(attempts[0].headers['x-request-id']);
    expect(result.response.headers.get('idempotent-replayed')).toBe('true');
    // The money moved once.
    expect(await usdc(api, source.id)).toMatchObject({ available: '105.5' });
    expect(await usdc(api, target.id)).toMatchObject({ available: '20' });

    // A key the caller gives is sent as given: the same key again replays, a different request with it is refused.
    const key = attempts[0].headers['idempotency-key'];
    const again = await api.POST('/v1/wallets/{walletId}/transfers', {
      params: { path: { walletId: source.id }, header: { 'Idempotency-Key': key } },
      body: { asset: 'USDC', network: 'ethereum', amount: '20', destination: { type: 'wallet', id: target.id } },
    });
    expect(unwrap(again).id).toBe(transfer.id);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    const reused = await api.POST('/v1/wallets/{walletId}/transfers', {
      params: { path: { walletId: source.id }, header: { 'Idempotency-Key': key } },
      body: { asset: 'USDC', network: 'ethereum', amount: '21', destination: { type: 'wallet', id: target.id } },
    });
    expect(reused.response.status).toBe(422);
    expect(reused.error?.error.code).toBe('idempotency_key_reused');
    expect(await usdc(api, source.id)).toMatchObject({ available: '105.5' });

    // With retries off, the same lost answer is the caller's error (and nothing is sent twice).
    const once = hmacClient(creds, { fetch: transport, retry: false });
    const sentBefore = sent.length;
    state.dropNextAnswer = true;
    await expect(
      once.POST('/v1/wallets/{walletId}/transfers', {
        params: { path: { walletId: source.id } },
        body: { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: target.id } },
      }),
    ).rejects.toThrow(/connection reset/);
    expect(sent.length).toBe(sentBefore + 1);
  });

  it('paginate() walks every page of a list route, following next_cursor', async () => {
    const creds = await createOrganization(t);
    const { sent, transport } = recordingTransport();
    const api = hmacClient(creds, { fetch: transport });
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push(unwrap(await api.POST('/v1/wallets', { body: { external_id: `page-${i}` } })).id);
    }

    const before = sent.length;
    const seen: string[] = [];
    for await (const wallet of api.paginate('/v1/wallets', { params: { query: { limit: 3 } } })) seen.push(wallet.id);
    expect([...seen].sort()).toEqual([...created].sort());
    expect(new Set(seen).size).toBe(7);
    const pages = sent.slice(before);
    expect(pages.map((p) => p.path.replace(/cursor=[^&]+/, 'cursor=C'))).toEqual([
      '/v1/wallets?limit=3',
      '/v1/wallets?limit=3&cursor=C',
      '/v1/wallets?limit=3&cursor=C',
    ]);
    // The same order as the server's own pages.
    const first = unwrap(await api.GET('/v1/wallets', { params: { query: { limit: 3 } } }));
    expect(seen.slice(0, 3)).toEqual(first.data.map((w) => w.id));

    // A route with a path parameter; breaking out of the loop stops fetching.
    const walletId = created[0];
    const addresses: string[] = [];
    for (const asset of ['ETH', 'USDC', 'USDT', 'ETH', 'USDC']) {
      addresses.push(
        unwrap(
          await api.POST('/v1/wallets/{walletId}/addresses', {
            params: { path: { walletId } },
            body: { asset, network: 'ethereum' },
          }),
        ).address,
      );
    }
    const listed: string[] = [];
    for await (const a of api.paginate('/v1/wallets/{walletId}/addresses', {
      params: { path: { walletId }, query: { limit: 2 } },
    }))
      listed.push(a.address);
    expect([...listed].sort()).toEqual([...addresses].sort());
    const beforeBreak = sent.length;
    for await (const a of api.paginate('/v1/wallets/{walletId}/addresses', {
      params: { path: { walletId }, query: { limit: 2 } },
    })) {
      expect(addresses).toContain(a.address);
      break;
    }
    expect(sent.length).toBe(beforeBreak + 1);
  });

  it('token flow: bearer + X-CSRF-Token on writes, a new token before the old one expires', async () => {
    const creds = await createOrganization(t);
    const { sent, transport } = recordingTransport();
    let offsetMs = 0;
    const api = createWalletsClient({
      baseUrl: t.baseUrl,
      auth: { type: 'token', clientId: creds.apiKeyId, clientSecret: creds.apiSecret },
      fetch: transport,
      clock: () => Date.now() + offsetMs,
    });
    const tokenRequests = () => sent.filter((s) => s.path === '/v1/auth/token').length;

    const wallet = unwrap(await api.POST('/v1/wallets', { body: { name: 'by token' } }));
    expect(tokenRequests()).toBe(1);
    const write = sent[sent.length - 1];
    expect(write.headers.authorization).toMatch(/^Bearer ey/);
    expect(write.headers['x-csrf-token']).toEqual(expect.any(String));
    expect(write.headers['x-api-key']).toBeUndefined();
    const read = unwrap(await api.GET('/v1/wallets/{walletId}', { params: { path: { walletId: wallet.id } } }));
    expect(read.name).toBe('by token');
    expect(sent[sent.length - 1].headers['x-csrf-token']).toBeUndefined();
    expect(tokenRequests()).toBe(1);

    // The CSRF header is what makes the write pass: the same token without it is refused.
    const token = await api.accessToken();
    const bare = await fetch(`${t.baseUrl}/v1/wallets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bare.status).toBe(403);

    // 60 s before expiry (JWT_TTL_SECONDS, 900 here) the client asks for a new token, once, before it is refused.
    offsetMs = (t.config.jwtTtlSeconds - 59) * 1000;
    const patched = unwrap(
      await api.PATCH('/v1/wallets/{walletId}', {
        params: { path: { walletId: wallet.id } },
        body: { name: 'renamed' },
      }),
    );
    expect(patched.name).toBe('renamed');
    expect(tokenRequests()).toBe(2);
    unwrap(await api.GET('/v1/wallets'));
    expect(tokenRequests()).toBe(2);

    // A token the server no longer takes (its key revoked): one new token is asked for, once, and its refusal is
    // the caller's error.
    await t.app.get(OrganizationsService).revokeKey(creds.apiKeyId);
    await expect(api.GET('/v1/wallets')).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(tokenRequests()).toBe(3);
    expect(sent.filter((s) => s.path === '/v1/wallets').length).toBeGreaterThanOrEqual(1);
  });

  it('verifies a real webhook delivery with WebhookVerifier; a tampered one fails', async () => {
    const creds = await createOrganization(t);
    const api = hmacClient(creds);
    const receiver = await Receiver.start();
    try {
      const endpoint = unwrap(
        await api.POST('/v1/webhook-endpoints', { body: { url: receiver.url, events: ['wallet.created'] } }),
      );
      expect(endpoint.secret).toMatch(/^whsec_/);
      const wallet = await activeWallet(api, { external_id: 'hooked' });
      await waitFor(() => receiver.requests.length >= 1, 'wallet.created delivery');
      const [delivery] = receiver.requests;

      const verifier = new WebhookVerifier(endpoint.secret);
      const event = verifier.verify<{ wallet_id: string; external_id: string }>(delivery.body, delivery.headers);
      expect(event).toMatchObject({ type: 'wallet.created', data: { wallet_id: wallet.id, external_id: 'hooked' } });
      expect(event.id).toBe(delivery.headers['webhook-id']);
      // Headers as fetch gives them work too.
      expect(verifier.verify(delivery.body, new Headers(delivery.headers as Record<string, string>)).id).toBe(event.id);

      const tampered = delivery.body.replace('hooked', 'hacked');
      expect(tampered).not.toBe(delivery.body);
      expect(() => verifier.verify(tampered, delivery.headers)).toThrow(WebhookVerificationError);
      const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      expect(() => new WebhookVerifier(otherSecret).verify(delivery.body, delivery.headers)).toThrow(
        WebhookVerificationError,
      );
      expect(() =>
        verifier.verify(delivery.body, {
          ...delivery.headers,
          'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600),
        }),
      ).toThrow(WebhookVerificationError);
      // During a rotation a verifier holding either secret accepts the delivery; one with neither does not.
      expect(new WebhookVerifier([otherSecret, endpoint.secret]).verify(delivery.body, delivery.headers).id).toBe(
        event.id,
      );
    } finally {
      await receiver.stop();
    }
  });

  it('the package as published: packed, installed by name, required (CommonJS) and imported (ESM), it signs calls and verifies webhooks', async () => {
    const creds = await createOrganization(t);
    const root = join(__dirname, '..');
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const work = mkdtempSync(join(root, '.tmp', 'client-package-'));
    try {
      // Build and pack exactly what `npm publish` would: the tarball holds the compiled dist/, never the sources.
      const client = join(work, 'client');
      cpSync(join(root, 'packages/client'), client, { recursive: true, filter: (f) => !f.endsWith('/dist') });
      await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], client);
      const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', work], client))[0];
      const files = (packed.files as Array<{ path: string }>).map((f) => f.path);
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
      expect(files.filter((f) => !f.startsWith('dist/') && f !== 'package.json' && f !== 'README.md')).toEqual([]);

      // Installed into a project's node_modules (its dependencies resolve from this repository's node_modules).
      const installed = join(work, 'project/node_modules/@wallets-api/client');
      mkdirSync(installed, { recursive: true });
      await run('tar', ['-xzf', join(work, packed.filename), '-C', installed, '--strip-components=1'], work);

      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      const signed = new Webhook(secret).sign('msg_1', new Date(), '{"type":"wallet.created","data":{}}');
      const script = `
        const check = async (lib) => {
          const api = lib.createWalletsClient({
            baseUrl: process.env.BASE_URL,
            auth: { type: 'hmac', apiKeyId: process.env.KEY_ID, apiSecret: process.env.KEY_SECRET },
          });
          const created = lib.unwrap(await api.POST('/v1/wallets', { body: { name: 'from the package' } }));
          const verifier = new lib.WebhookVerifier(process.env.WEBHOOK_SECRET);
          const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': process.env.WEBHOOK_TS, 'webhook-signature': process.env.WEBHOOK_SIG };
          const event = verifier.verify('{"type":"wallet.created","data":{}}', headers);
          let tampered = false;
          try { verifier.verify('{"type":"wallet.created","data":{"x":1}}', headers); } catch (e) { tampered = e instanceof lib.WebhookVerificationError; }
          return { wallet: created.id, event: event.type, tampered };
        };
        (async () => {
          const cjs = await check(require('@wallets-api/client'));
          const esm = await check(await import('@wallets-api/client'));
          process.stdout.write(JSON.stringify({ cjs, esm }));
        })().catch((e) => { console.error(e); process.exit(1); });
      `;
      writeFileSync(join(work, 'project/check.cjs'), script);
      const out = JSON.parse(
        await run(process.execPath, ['check.cjs'], join(work, 'project'), {
          BASE_URL: t.baseUrl,
          KEY_ID: creds.apiKeyId,
          KEY_SECRET: creds.apiSecret,
          WEBHOOK_SECRET: secret,
          WEBHOOK_TS: String(Math.floor(Date.now() / 1000)),
          WEBHOOK_SIG: signed,
        }),
      );
      for (const flavour of [out.cjs, out.esm]) {
        expect(flavour).toEqual({ wallet: expect.any(String), event: 'wallet.created', tampered: true });
        // The wallet exists on the server: the package's signer was accepted.
        const wallet = await t.http.as({ kind: 'hmac', creds }).get(`/v1/wallets/${flavour.wallet}`);
        expect(wallet.status).toBe(200);
        expect(wallet.body.name).toBe('from the package');
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** Runs a command to completion; its stdout, or a rejection with its stderr. */
function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}
