import fc from 'fast-check';
import { createHmac, randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { SCOPES } from '@app/auth';
import { encodeCursor, JobScheduler } from '@app/common';
import { Credentials, expectLedgerConsistent, HttpClient } from '@app/testing';
import { OrganizationsService } from '../apps/api/src/organizations/organizations.service';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { activeWallet, fundedWallet, newAddress } from './support/chain';
import {
  Answer,
  closeAgent,
  deref,
  describeWire,
  Draft,
  envelopeProblem,
  FuzzFixtures,
  FuzzInputs,
  Operation,
  operationsOf,
  requestArb,
  send,
  SendState,
  settle,
  snapshot,
  Snapshot,
  snapshotDiff,
  snapshotQuery,
  toWire,
  truncate,
  Wire,
} from './support/fuzz';

// Issue 15's regression fuzzing: every operation of the app's own OpenAPI document, valid and mutated requests, and
// the properties every answer must have (see the README, Security). The machinery is in test/support/fuzz.ts.
//
//   FUZZ_SEED=n        another seed (a failure prints its own: the same seed sends the same requests in the same order)
//   FUZZ_TIME_MS=n     fuzz for that long (default 45 s; about 65 s with the setup and the regressions)
//   FUZZ_PATH=p        with FUZZ_SEED, only the failing batch fast-check named (FUZZ_SHRINK=true shrinks it)
//   FUZZ_TRACE=file    every request and answer, one line each
//   FUZZ_VERBOSE=true  how often each operation and each mutation answered each status

const SEED = Number(process.env.FUZZ_SEED ?? 152026);
const PATH = process.env.FUZZ_PATH;
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_MS ?? 45_000);
const EXTERNAL_EVM = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const BITCOIN_TESTNET = 'mztPG6nBar1mZ5J7T619iCuFP9SB5G9j5W';

interface Sent {
  draft: Draft;
  wire: Wire;
  answer: Answer;
}

/** Depth of the deepest array or object in a JSON text (strings skipped), without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let inputs: FuzzInputs;
  let ops: Operation[];
  let doc: any;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json')).body;
    ops = operationsOf(doc);
    // The jobs activate wallets and confirm deposits for the fixtures; then they stop for good, so that whatever
    // changes in the database between two requests is the request's own doing.
    inputs = await setUp(t, doc);
    await t.app.get(JobScheduler).beforeApplicationShutdown();
    // Sends queued now stay queued: the cancels may take them.
    const api = t.http.as({ kind: 'hmac', creds: inputs.fx.keys.main });
    inputs.fx.expendable.transactionId = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.post(
        `/v1/wallets/${inputs.fx.ids.walletId[0]}/transfers`,
        { asset: 'ETH', network: 'ethereum', amount: '0.0001', destination_address: EXTERNAL_EVM },
        { headers: { 'Idempotency-Key': `queued-${i}` } },
      );
      expect(res.body).toMatchObject({ status: 'pending', sub_status: 'queued' });
      inputs.fx.expendable.transactionId.push(res.body.id);
    }
  }, 180_000);

  afterAll(async () => {
    closeAgent();
    await t?.close();
  });

  // What the fuzzing found outside the known classes, each pinned down by a focused test. They run first: the fuzzing
  // may leave the devnet chains reverted (a bitcoin snapshot is any height) and its faucet empty.

  it('documents limit and cursor on every paginated list (the generators take the parameters from the document)', () => {
    const paginated = ops.filter((op) => {
      const schema = deref(
        doc,
        doc.paths[op.path][op.method.toLowerCase()].responses['200']?.content?.['application/json']?.schema,
      );
      return schema.properties?.next_cursor !== undefined;
    });
    expect(paginated.map((op) => op.id).sort()).toEqual([
      'listAddresses',
      'listExternalAccounts',
      'listMasterWallets',
      'listWalletTransactions',
      'listWallets',
      'listWebhookDeliveries',
      'listWebhookEndpoints',
    ]);
    for (const op of paginated) {
      const query = Object.fromEntries(op.params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
      expect({ op: op.id, limit: query.limit, cursor: query.cursor }).toEqual({
        op: op.id,
        limit: expect.objectContaining({ minimum: 1, maximum: 100 }),
        cursor: expect.objectContaining({ type: 'string', maxLength: 200 }),
      });
    }
  });

  it('answers 404 for a devnet snapshot that an earlier revert dropped, and the devnet keeps reverting', async () => {
    const api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const snapshot = async () => {
      const res = await api.post('/v1/sandbox/snapshots', { network: 'ethereum' });
      expect(res.status).toBe(201);
      await api.post('/v1/sandbox/mine', { network: 'ethereum', blocks: 1 });
      return res.body.snapshot_id as string;
    };
    const revert = (snapshot_id: string) => api.post('/v1/sandbox/revert', { network: 'ethereum', snapshot_id });
    const first = await snapshot();
    const later = await snapshot();
    expect((await revert(first)).status).toBe(200);
    // `later` was taken in blocks the revert took away: anvil still lists it, but reverting to it fails.
    const stale = await revert(later);
    expect({ status: stale.status, body: stale.body }).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: expect.stringMatching(/snapshot/), details: {} } },
    });
    // ... and a failed revert left anvil unable to revert at all: snapshots taken afterwards still work.
    expect((await revert(await snapshot())).status).toBe(200);
    expect((await revert(first)).status).toBe(404);
  });

  it('refuses a sandbox deposit larger than the faucet holds with 422, and the faucet pays the next one', async () => {
    const api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    for (const [network, asset, address, amount] of [
      ['bitcoin', 'BTC', BITCOIN_TESTNET, '100000'],
      ['ethereum', 'ETH', EXTERNAL_EVM, '10000000'],
    ]) {
      const res = await api.post('/v1/sandbox/deposits', { network, asset, address, amount });
      expect({ status: res.status, body: res.body }).toEqual({
        status: 422,
        body: {
          error: { code: 'insufficient_funds', message: expect.stringMatching(/faucet/), details: { field: 'amount' } },
        },
      });
      // The refused payment gave back what it had gathered: the faucet still pays.
      const next = await api.post('/v1/sandbox/deposits', { network, asset, address, amount: '0.001' });
      expect({ network, status: next.status }).toEqual({ network, status: 201 });
    }
  });

  it(
    'never answers 5xx, always with the error envelope, and changes nothing when it refuses',
    async () => {
      const fuzz = new Fuzzer(t, inputs);
      await fuzz.start();
      const property = fc.asyncProperty(fc.array(requestArb(inputs, ops), { minLength: 1, maxLength: 8 }), (drafts) =>
        fuzz.batch(drafts),
      );
      const details = await fc.check(property, {
        seed: SEED,
        path: PATH,
        numRuns: 1_000_000, // bounded by time, not by runs
        endOnFailure: process.env.FUZZ_SHRINK !== 'true',
        plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)],
      });
      await fuzz.stop();
      process.stderr.write(`fuzz: seed ${SEED}, ${details.numRuns} batches, ${fuzz.summary()}\n`);
      if (details.failed) {
        const cause =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(
          `Fuzz failure. Replay: FUZZ_SEED=${details.seed} npx jest test/fuzz.e2e-spec.ts (the same requests in the ` +
            `same order; add FUZZ_PATH=${details.counterexamplePath} to send only the failing batch, FUZZ_SHRINK=true ` +
            `to shrink it)\n${cause}`,
        );
      }
      expect(fuzz.requests).toBeGreaterThan(200);
    },
    TIME_LIMIT_MS + 120_000,
  );
});

/** Sends the generated requests one by one and checks each answer, and the database after it. */
class Fuzzer {
  requests = 0;
  snapMs = 0;
  private readonly state: SendState = { lastRequestId: {} };
  private readonly byStatus: Record<string, number> = {};
  private readonly coverage: Record<string, number> = {};
  private readonly deadline = Date.now() + TIME_LIMIT_MS;
  private sql = '';
  private before: Snapshot = {};
  /** The batch running now: an interrupted fast-check run leaves its predicate running in the background. */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly t: TestApp,
    private readonly inputs: FuzzInputs,
  ) {}

  async start(): Promise<void> {
    this.sql = await snapshotQuery(this.t.dataSource);
    this.before = await snapshot(this.t.dataSource, this.sql);
    // The snapshot sees a write (else "nothing changed" would prove nothing); and the server records this request's
    // id, for `reuse-request-id` to send again.
    const accepted = await this.exchange({
      op: 'createWallet',
      mutation: 'valid',
      method: 'POST',
      path: '/v1/wallets',
      query: [],
      body: { name: 'snapshot check' },
      headers: {},
      auth: { kind: 'hmac', key: 'main', tamper: { kind: 'none' } },
      idempotencyKey: 'absent',
    });
    expect(accepted.answer.status).toBe(201);
    const after = await snapshot(this.t.dataSource, this.sql);
    expect(snapshotDiff(this.before, after)).toEqual([expect.stringMatching(/^wallets \(rows \d+ -> \d+, written\)$/)]);
    this.before = after;
  }

  async stop(): Promise<void> {
    await this.running;
    if (process.env.FUZZ_VERBOSE === 'true')
      process.stderr.write(
        `${Object.entries(this.coverage)
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join('\n')}\n`,
      );
  }

  summary(): string {
    return `snapshots ${this.snapMs} ms, ${this.requests} requests ${JSON.stringify(this.byStatus)}`;
  }

  /** One fast-check run: the requests in order, then the ledger invariants. */
  batch(drafts: Draft[]): Promise<void> {
    const run = (async () => {
      for (const draft of drafts) {
        if (Date.now() > this.deadline) return;
        await this.check(draft);
      }
      await expectLedgerConsistent(this.t);
    })();
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Sends one request and checks every property; throws a message naming the request and its answer. */
  private async check(draft: Draft): Promise<void> {
    const sent = await this.exchange(draft);
    const { answer } = sent;
    const fail = (why: string) =>
      new Error(
        `${why}\n  request: ${describeWire(draft, sent.wire)}\n  answer: ${answer.status} ${truncate(answer.text, 600)}` +
          this.serverLog(answer),
      );
    if (answer.status >= 500) {
      await new Promise((r) => setTimeout(r, 200)); // the log stream delivers its lines a tick later
      throw fail(`answered ${answer.status}`);
    }
    if (answer.status >= 400 || answer.status < 200) {
      const problem = envelopeProblem(answer);
      if (problem) throw fail(`not the error envelope: ${problem}`);
    }
    if (draft.mustRefuse && answer.status < 400) throw fail(`accepted ${draft.mustRefuse}`);
    if (draft.sameAs) {
      const twin = await this.exchange({
        ...draft,
        path: draft.sameAs,
        sameAs: undefined,
        mutation: 'lower-case twin',
      });
      if (twin.answer.status >= 500) throw fail(`its lower-case twin answered ${twin.answer.status}`);
      if (twin.answer.status !== answer.status) throw fail(`the same id in lower case answered ${twin.answer.status}`);
    }
    const t0 = Date.now();
    const after = await snapshot(this.t.dataSource, this.sql);
    this.snapMs += Date.now() - t0;
    if (answer.status >= 400 && answer.status < 500) {
      const changed = snapshotDiff(this.before, after);
      if (changed.length) throw fail(`refused, yet changed ${changed.join(', ')}`);
    }
    this.before = after;
  }

  /** The server's own log line of a 5xx (its cause), found by the request id the answer carries. */
  private serverLog(answer: Answer): string {
    const id = answer.headers['x-correlation-id'];
    const line = this.t.logs.find((l) => l.request_id === id && l.err);
    return line ? `\n  server log: ${truncate(JSON.stringify(line.err), 1500)}` : '';
  }

  private async exchange(draft: Draft): Promise<Sent> {
    const wire = toWire(draft, this.inputs.fx, this.state);
    const answer = await send(this.t.baseUrl, wire).catch((e: unknown) => {
      throw new Error(
        `no answer (${e instanceof Error ? e.message : String(e)})\n  request: ${describeWire(draft, wire)}`,
      );
    });
    settle(this.state, answer.status);
    this.requests++;
    const klass = `${Math.floor(answer.status / 100)}xx`;
    this.byStatus[klass] = (this.byStatus[klass] ?? 0) + 1;
    for (const key of [`${draft.op} ${answer.status}`, `~${draft.mutation.split(' ')[0]} ${answer.status}`])
      this.coverage[key] = (this.coverage[key] ?? 0) + 1;
    if (process.env.FUZZ_TRACE)
      appendFileSync(
        process.env.FUZZ_TRACE,
        `${answer.status} ${describeWire(draft, wire)} => ${truncate(answer.text, 300)}\n`,
      );
    return { draft, wire, answer };
  }
}

/** The fixtures: an organization to fuzz with every kind of resource, and another one whose ids must stay unseen. */
async function setUp(t: TestApp, doc: any): Promise<FuzzInputs> {
  // Every scope, the ones granted only when asked for too (write:adjustments): every route is reached.
  const main = await createOrganization(t, { name: 'Fuzz main', scopes: [...SCOPES] });
  const orgs = t.app.get(OrganizationsService);
  const readonlyKey = await orgs.createKey(main.organizationId, { scopes: ['read:wallets', 'read:webhooks'] });
  const readonly: Credentials = {
    organizationId: main.organizationId,
    apiKeyId: readonlyKey.api_key_id,
    apiSecret: readonlyKey.api_secret,
  };
  const disabled = await createOrganization(t, { name: 'Fuzz disabled', walletsEnabled: false });
  const other = await createOrganization(t, { name: 'Fuzz other' });
  const api = t.http.as({ kind: 'hmac', creds: main });

  const own = await resources(api, 'fuzz');
  const foreign = await resources(t.http.as({ kind: 'hmac', creds: other }), 'other');

  const tokens: FuzzFixtures['tokens'] = {};
  for (const [name, creds] of [
    ['main', main],
    ['readonly', readonly],
    ['disabled', disabled],
  ] as const) {
    const res = await t.http.post('/v1/auth/token', {
      grant_type: 'client_credentials',
      client_id: creds.apiKeyId,
      client_secret: creds.apiSecret,
    });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
    tokens[name] = { token: res.body.access_token, csrf: res.body.csrf_token };
  }
  const events = (await api.get('/v1/events?limit=5')).body.data as Array<{ id: string }>;

  const fx: FuzzFixtures = {
    keys: { main, readonly, disabled, other },
    tokens,
    ids: own.ids,
    expendable: own.expendable,
    expendableOps: ['deleteExternalAccount', 'deleteWebhookEndpoint', 'updateWallet', 'cancel'],
    foreign: foreign.ids,
    addresses: [
      own.addresses.eth,
      own.addresses.btc,
      own.addresses.tron,
      EXTERNAL_EVM,
      EXTERNAL_EVM.toLowerCase(),
      BITCOIN_TESTNET,
    ],
    externalIds: ['fuzz-w2', 'other-w2'],
    eventIds: [...events.map((e) => e.id), 'evt_00000000000000000000000000000000'],
    cursors: [encodeCursor(own.ids.walletId[0]), encodeCursor(foreign.ids.walletId[0])],
  };
  const [w1] = own.ids.walletId;
  const [ea1] = own.ids.externalAccountId;
  const to = own.destination; // a wallet that is never the source of a transfer
  const token = tokens.main!.token;
  const [header, payload] = token.split('.');
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const unsigned = `${b64('{"alg":"HS256","typ":"JWT"}')}.${b64(JSON.stringify({ ...claims, scope: 'admin' }))}`;
  const one = <T>(...values: T[]) => fc.constantFrom(...values);
  return {
    doc,
    fx,
    templates: {
      createTransfer: one(
        { asset: 'ETH', network: 'ethereum', amount: '0.0001', destination: { type: 'wallet', id: to } },
        { asset: 'ETH', network: 'ethereum', amount_raw: '1000', destination_address: EXTERNAL_EVM },
        { asset: 'ETH', network: 'ethereum', amount: '0.0001', destination: { type: 'external_account', id: ea1 } },
        { asset: 'BTC', network: 'bitcoin', amount: '0.001', destination_address: BITCOIN_TESTNET },
      ),
      createBatch: one(
        {
          asset: 'ETH',
          network: 'ethereum',
          destinations: [
            { type: 'wallet', id: to, amount_raw: '100' },
            { type: 'public_address', public_address: EXTERNAL_EVM, amount: '0.000001' },
          ],
        },
        {
          asset: 'ETH',
          network: 'ethereum',
          destinations: [
            { type: 'wallet', wallet_id: to, amount_raw: '1000' },
            { type: 'public_address', address: EXTERNAL_EVM, amount_raw: '2000' },
          ],
        },
        { asset: 'USDC', network: 'ethereum', destinations: [{ type: 'wallet', id: to, amount_raw: '5' }] },
      ),
      createAddress: one(
        { asset: 'ETH', network: 'ethereum' },
        { asset: 'BTC', network: 'bitcoin', label: 'fuzz' },
        { asset: 'USDT', network: 'tron' },
      ),
      createExternalAccount: fc
        .tuple(fc.stringMatching(/^0x[0-9a-f]{40}$/), fc.option(fc.string({ minLength: 1, maxLength: 20 })))
        .map(([address, label]) => ({ network: 'ethereum', address, ...(label === null ? {} : { label }) })),
      createWebhookEndpoint: one({ url: 'http://127.0.0.1:9/hook', events: ['wallet.created'] }),
      updateWebhookEndpoint: one({ description: 'fuzz' }, { enabled: true }, { events: [] }),
      sandboxDeposit: one(
        { network: 'ethereum', asset: 'ETH', address: own.addresses.eth, amount: '0.001' },
        { network: 'ethereum', asset: 'USDC', address: own.addresses.eth, amount: '1' },
        { network: 'bitcoin', asset: 'BTC', address: own.addresses.btc, amount: '0.001' },
      ),
      sandboxMine: one({ network: 'ethereum', blocks: 1 }, { network: 'bitcoin', blocks: 1 }),
      sandboxSnapshot: one({ network: 'ethereum' }, { network: 'bitcoin' }),
      sandboxRevert: one({ network: 'ethereum', snapshot_id: '0x1' }, { network: 'bitcoin', snapshot_id: '0x10000' }),
      lookupBalances: one({ wallet_id: w1 }, { external_id: 'fuzz-w2' }),
      createMasterWallet: one({ chain: 'ethereum', network: 'devnet' }, { chain: 'bitcoin', network: 'regtest' }),
      issueToken: one(
        { grant_type: 'client_credentials', client_id: main.apiKeyId, client_secret: main.apiSecret },
        {
          grant_type: 'client_credentials',
          client_id: main.apiKeyId,
          client_secret: main.apiSecret,
          scope: 'read:wallets',
        },
      ),
      recoverWebhookDeliveries: one({ since: new Date(Date.now() - 3600_000).toISOString() }),
      updateWallet: one({ name: 'fuzz' }, { status: 'active' }, { status: 'disabled' }, { metadata: { tier: 'vip' } }),
      rotateWebhookSecret: one({ overlap_hours: 1 }, {}),
    },
    queryTemplates: {
      getWalletBalance: [
        [
          ['network', 'ethereum'],
          ['asset', 'ETH'],
        ],
        [
          ['chain', 'ethereum'],
          ['network', 'devnet'],
          ['token', 'USDC'],
        ],
      ],
      getMasterWalletBalance: [
        [
          ['chain', 'ethereum'],
          ['network', 'devnet'],
          ['token', 'ETH'],
        ],
      ],
      getFees: [
        [['network', 'bitcoin']],
        [
          ['network', 'ethereum'],
          ['asset', 'USDC'],
        ],
      ],
      validateAddress: [
        [
          ['network', 'ethereum'],
          ['address', EXTERNAL_EVM],
        ],
        [
          ['network', 'bitcoin'],
          ['address', own.addresses.btc],
        ],
      ],
      listWallets: [[['limit', '2']], [['cursor', encodeCursor(w1)]]],
    },
    badAuth: [
      { Authorization: 'Bearer' },
      { Authorization: 'Bearer ' },
      { Authorization: 'Bearer abc' },
      { Authorization: 'Bearer a.b.c' },
      { Authorization: `Bearer ${b64('{"alg":"none","typ":"JWT"}')}.${payload}.` },
      {
        Authorization: `Bearer ${header}.${payload}.${createHmac('sha256', 'secret').update(`${header}.${payload}`).digest('base64url')}`,
      },
      { Authorization: `Bearer ${unsigned}.${token.split('.')[2]}` },
      { Authorization: `Bearer ${'x'.repeat(8000)}` },
      { Authorization: `Basic ${b64(`${main.apiKeyId}:${main.apiSecret}`)}` },
      { Authorization: 'Token abc' },
      { 'X-API-Key': 'nodot' },
      { 'X-API-Key': '.secret' },
      { 'X-API-Key': `${main.apiKeyId}.` },
      { 'X-API-Key': `${main.apiKeyId}.sk_wrong` },
      { 'X-API-Key': '\u00e9.\u00e9' },
      { 'X-API-Key': '' },
      { Authorization: 'Bearer abc', 'X-API-Key': `${main.apiKeyId}.${main.apiSecret}` },
    ],
    badBasic: [
      `Basic ${b64(`${main.apiKeyId}:%zz`)}`,
      `Basic ${b64(`${main.apiKeyId}:%E0%A4%A`)}`,
      `Basic ${b64('%zz:secret')}`,
      'Basic !!!not-base64!!!',
      'Basic YWJj=ZGVm',
      `Basic ${b64('no-colon-here')}`,
      `Basic ${b64(':only-a-secret')}`,
      'Basic',
      `Basic ${b64(`${main.apiKeyId}:sk_wrong`)}`,
      `Basic ${Buffer.from('\u00e9:\u00e9', 'latin1').toString('base64')}`,
    ],
  };
}

/** One of each resource of an organization (two of those the fuzzing may delete or disable). */
async function resources(
  api: HttpClient,
  prefix: string,
): Promise<{
  ids: Record<string, string[]>;
  expendable: Record<string, string[]>;
  addresses: { eth: string; btc: string; tron: string };
  destination: string;
}> {
  const ok = (res: { status: number; text: string; body: any }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body;
  };
  const key = (k: string) => ({ headers: { 'Idempotency-Key': `${prefix}-${k}` } });
  const { walletId: w1 } = await fundedWallet(api, 'ETH', 'ethereum', '5');
  const w2 = await activeWallet(api, { external_id: `${prefix}-w2` });
  const w3 = await activeWallet(api);
  const w4 = await activeWallet(api);
  const destination = await activeWallet(api);
  const eth = await newAddress(api, w2, 'ETH', 'ethereum');
  const btc = await newAddress(api, w2, 'BTC', 'bitcoin');
  const tron = await newAddress(api, w2, 'USDT', 'tron');
  const internal = ok(
    await api.post(
      `/v1/wallets/${w1}/transfers`,
      { asset: 'ETH', network: 'ethereum', amount: '0.01', destination: { type: 'wallet', id: w2 } },
      key('internal'),
    ),
    'internal transfer',
  );
  const onchain = ok(
    await api.post(
      `/v1/wallets/${w1}/transfers`,
      { asset: 'ETH', network: 'ethereum', amount: '0.001', destination_address: EXTERNAL_EVM },
      key('onchain'),
    ),
    'on-chain transfer',
  );
  const batch = ok(
    await api.post(
      `/v1/wallets/${w1}/transfers/batch`,
      { asset: 'ETH', network: 'ethereum', destinations: [{ type: 'wallet', id: w2, amount: '0.001' }] },
      key('batch'),
    ),
    'batch',
  );
  const deposit = (await api.get(`/v1/wallets/${w1}/transactions`)).body.data.find(
    (tx: { direction: string }) => tx.direction === 'incoming',
  );
  const master = ok(await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' }), 'master wallet');
  const accounts = [];
  for (let i = 0; i < 3; i++)
    accounts.push(
      ok(
        await api.post('/v1/external-accounts', {
          network: 'ethereum',
          address: `0x${randomBytes(20).toString('hex')}`,
        }),
        'account',
      ),
    );
  const endpoints = [];
  for (const events of [[], ['wallet.created'], [], []])
    endpoints.push(ok(await api.post('/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook', events }), 'endpoint'));
  const test = ok(await api.post(`/v1/webhook-endpoints/${endpoints[0].id}/test`), 'test event');
  return {
    ids: {
      walletId: [w1, w2],
      transactionId: [deposit.id, internal.id, onchain.id],
      batchId: [batch.id],
      masterWalletId: [master.id],
      externalAccountId: [accounts[0].id],
      endpointId: [endpoints[0].id, endpoints[1].id],
      deliveryId: [test.delivery_id],
    },
    expendable: {
      walletId: [w3, w4],
      externalAccountId: [accounts[1].id, accounts[2].id],
      endpointId: [endpoints[2].id, endpoints[3].id],
    },
    addresses: { eth, btc, tron },
    destination,
  };
}
