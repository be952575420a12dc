import { accountIndexOf, Credentials, deploymentMnemonic, HttpClient, signHeaders, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { DerivationCountersRepository } from '@app/db';
import { DerivationIndexes, INDEX_BLOCK } from '../apps/api/src/addresses/derivation-indexes';
import {
  independentEvmAddress,
  independentRegtestAddress,
  independentTronAddress,
  isValidOn,
} from './support/independent';

const LAUNCH_PAIRS = [
  ['BTC', 'bitcoin', 'BTC'],
  ['ETH', 'ethereum', 'ETH'],
  ['USDC', 'ethereum', 'USDCERC20'],
  ['USDT', 'ethereum', 'USDTERC20'],
  ['USDC', 'polygon', 'USDCMATIC'],
  ['USDT', 'tron', 'USDTTRC20'],
] as const;

describe('receive addresses', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;
  let mnemonic: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
    mnemonic = await deploymentMnemonic(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });

  async function activeWallet(): Promise<string> {
    const { body } = await api.post('/v1/wallets', {});
    await waitFor(async () => (await api.get(`/v1/wallets/${body.id}`)).body.status === 'active', 'activation');
    return body.id;
  }

  it('creates one address per launch pair, each valid on its chain and derived from the deployment seed', async () => {
    const walletId = await activeWallet();
    const account = await accountIndexOf(t, creds.organizationId);
    for (const [asset, network, currency] of LAUNCH_PAIRS) {
      const res = await api.post(`/v1/wallets/${walletId}/addresses`, { asset, network, label: `${asset} in` });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual([
        'address',
        'asset',
        'created_at',
        'currency',
        'id',
        'label',
        'monitored',
        'network',
        'wallet_id',
      ]);
      expect(res.body).toMatchObject({ wallet_id: walletId, asset, network, currency, label: `${asset} in` });
      // Tron has no node on the devnet: its addresses are not scanned, and say so.
      expect(res.body.monitored).toBe(network !== 'tron');
      expect(isValidOn(network, res.body.address)).toBe(true);
      const [{ derivation_index: index }] = await t.dataSource.query(
        `SELECT derivation_index FROM addresses WHERE id = $1`,
        [res.body.id],
      );
      const expected =
        network === 'bitcoin'
          ? independentRegtestAddress(mnemonic, account, index)
          : network === 'tron'
            ? independentTronAddress(mnemonic, account, index)
            : independentEvmAddress(mnemonic, account, index);
      expect(res.body.address).toBe(expected);
    }
    const list = await api.get(`/v1/wallets/${walletId}/addresses`);
    expect(list.body.data).toHaveLength(6);
    expect((await api.get(`/v1/wallets/${walletId}/addresses?network=ethereum`)).body.data).toHaveLength(3);
    expect((await api.get(`/v1/wallets/${walletId}/addresses?asset=USDC`)).body.data).toHaveLength(2);
    expect(list.text).not.toMatch(/derivation|m\/44|m\/84|xpub|index/i);
  });

  it('accepts lower-case asset symbols (as batch clients send them)', async () => {
    const walletId = await activeWallet();
    const res = await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'usdc', network: 'Ethereum' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ asset: 'USDC', network: 'ethereum' });
  });

  it.each([
    ['DOGE', 'ethereum'],
    ['BTC', 'ethereum'],
    ['USDT', 'polygon'],
    ['ETH', 'solana'],
    ['POL', 'polygon'],
  ])('refuses %s on %s with 422 unsupported_asset_network', async (asset, network) => {
    const walletId = await activeWallet();
    const res = await api.post(`/v1/wallets/${walletId}/addresses`, { asset, network });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unsupported_asset_network');
    expect(res.body.error.details.supported).toHaveLength(6);
    expect((await api.get(`/v1/wallets/${walletId}/addresses`)).body.data).toHaveLength(0);
  });

  it('stores the response with an Idempotency-Key in the address statement, created_at from the database clock', async () => {
    const walletId = await activeWallet();
    const key = `addr-${Date.now()}-${Math.random()}`;
    const headers = { 'Idempotency-Key': key };
    const first = await api.post(
      `/v1/wallets/${walletId.toUpperCase()}/addresses`,
      { asset: 'ETH', network: 'ethereum', label: 'in' },
      { headers },
    );
    expect(first.status).toBe(201);
    expect(first.body.wallet_id).toBe(walletId);
    const [row] = await t.dataSource.query(
      `SELECT a.created_at, k.response_status, k.response_body, k.completed_at IS NOT NULL AS completed, k.completed_at = a.created_at AS same_statement
       FROM addresses a JOIN idempotency_keys k ON k.organization_id = a.organization_id AND k.key = $2 WHERE a.id = $1`,
      [first.body.id, key],
    );
    // The row's timestamp, to the millisecond, is the one answered and stored.
    expect(first.body.created_at).toBe((row.created_at as Date).toISOString());
    // One statement wrote both (now() is the statement's transaction time): no round trip of its own for the key.
    expect(row).toMatchObject({ response_status: 201, completed: true, same_statement: true });
    expect(row.response_body).toEqual(first.body);
    const replay = await api.post(
      `/v1/wallets/${walletId.toUpperCase()}/addresses`,
      { asset: 'ETH', network: 'ethereum', label: 'in' },
      { headers },
    );
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const list = await api.get(`/v1/wallets/${walletId}/addresses`);
    expect(list.body.data).toEqual([first.body]);
    // A refused request (disabled wallet) writes no address and stores its 409 for replay.
    await api.patch(`/v1/wallets/${walletId}`, { status: 'disabled' });
    const refusedKey = { 'Idempotency-Key': `${key}-refused` };
    const refused = await api.post(
      `/v1/wallets/${walletId}/addresses`,
      { asset: 'ETH', network: 'ethereum' },
      { headers: refusedKey },
    );
    expect(refused.status).toBe(409);
    const [stored] = await t.dataSource.query(
      `SELECT response_status FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [creds.organizationId, `${key}-refused`],
    );
    expect(stored).toBeUndefined(); // a 409 is not final: the key is released, a retry runs again
    expect((await api.get(`/v1/wallets/${walletId}/addresses`)).body.data).toHaveLength(1);
  });

  it('refuses a replayed signed POST whose request id is recorded by the key claim statement, and claims no key for it', async () => {
    const walletId = await activeWallet();
    const path = `/v1/wallets/${walletId}/addresses`;
    const rawBody = JSON.stringify({ asset: 'ETH', network: 'ethereum' });
    const signed = { ...signHeaders(creds, 'POST', path, rawBody), 'Content-Type': 'application/json' };
    const first = await t.http.send('POST', path, { rawBody, headers: { ...signed, 'Idempotency-Key': 'replay-a' } });
    expect(first.status).toBe(201);
    // The same signed request again, as captured, and with another Idempotency-Key (the key is not signed).
    for (const key of ['replay-a', 'replay-b']) {
      const again = await t.http.send('POST', path, { rawBody, headers: { ...signed, 'Idempotency-Key': key } });
      expect(again.status).toBe(401);
      expect(again.body.error.message).toMatch(/already used/);
    }
    const keys = await t.dataSource.query(
      `SELECT key, completed_at IS NOT NULL AS completed FROM idempotency_keys WHERE organization_id = $1 ORDER BY key`,
      [creds.organizationId],
    );
    expect(keys).toEqual([{ key: 'replay-a', completed: true }]); // replay-b was never claimed
    // Another request's key whose lock is stale: a replay may not take it over (and then delete it).
    const owner = {
      ...signHeaders(creds, 'POST', path, rawBody),
      'Content-Type': 'application/json',
      'Idempotency-Key': 'stale-k',
    };
    expect((await t.http.send('POST', path, { rawBody, headers: owner })).status).toBe(201);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET completed_at = NULL, response_status = NULL, response_body = NULL, locked_at = now() - interval '1 hour'
       WHERE organization_id = $1 AND key = 'stale-k'`,
      [creds.organizationId],
    );
    const stale = await t.http.send('POST', path, { rawBody, headers: { ...signed, 'Idempotency-Key': 'stale-k' } });
    expect(stale.status).toBe(401);
    const [kept] = await t.dataSource.query(
      `SELECT locked_at < now() - interval '30 minutes' AS still_stale FROM idempotency_keys WHERE organization_id = $1 AND key = 'stale-k'`,
      [creds.organizationId],
    );
    expect(kept).toEqual({ still_stale: true });
    await t.dataSource.query(`DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = 'stale-k'`, [
      creds.organizationId,
    ]);
    // Concurrent copies of one fresh signed request (most share one claim statement): exactly one runs.
    const copy = {
      ...signHeaders(creds, 'POST', path, rawBody),
      'Content-Type': 'application/json',
      'Idempotency-Key': 'replay-c',
    };
    const copies = await Promise.all(
      Array.from({ length: 8 }, () => t.http.send('POST', path, { rawBody, headers: copy })),
    );
    const statuses = copies.map((c) => c.status);
    expect([...statuses].sort()).toEqual([201, ...Array<number>(7).fill(401)]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM addresses WHERE wallet_id = $1`, [
      walletId,
    ]);
    expect(n).toBe(2 + statuses.filter((s) => s === 201).length); // the first request and the stale key's owner
    const locked = await t.dataSource.query(
      `SELECT key FROM idempotency_keys WHERE organization_id = $1 AND completed_at IS NULL`,
      [creds.organizationId],
    );
    expect(locked).toEqual([]);
  });

  it('validates the body', async () => {
    const walletId = await activeWallet();
    expect((await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH' })).status).toBe(400);
    expect(
      (await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH', network: 'ethereum', index: 0 })).status,
    ).toBe(400);
    expect((await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 12, network: 'ethereum' })).status).toBe(400);
  });

  it('answers 409 for a disabled wallet and 404 for an unknown one', async () => {
    const walletId = await activeWallet();
    await api.patch(`/v1/wallets/${walletId}`, { status: 'disabled' });
    const res = await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH', network: 'ethereum' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('wallet_not_active');
    const unknown = await api.post('/v1/wallets/00000000-0000-4000-8000-000000000000/addresses', {
      asset: 'ETH',
      network: 'ethereum',
    });
    expect(unknown.status).toBe(404);
  });

  it('never hands the same index or address to two requests, under concurrency, across EVM chains', async () => {
    const wallets = await Promise.all([activeWallet(), activeWallet(), activeWallet()]);
    const pairs = [
      ['ETH', 'ethereum'],
      ['USDC', 'polygon'],
      ['USDT', 'ethereum'],
    ];
    const results = await Promise.all(
      Array.from({ length: 45 }, (_, i) => {
        const [asset, network] = pairs[i % 3];
        return api.post(`/v1/wallets/${wallets[i % 3]}/addresses`, { asset, network });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(45).fill(201));
    const addresses = results.map((r) => r.body.address as string);
    expect(new Set(addresses).size).toBe(45);
    const rows = await t.dataSource.query(
      `SELECT derivation_index FROM addresses WHERE organization_id = $1 AND family = 'evm' ORDER BY 1`,
      [creds.organizationId],
    );
    expect(rows.map((r: { derivation_index: number }) => r.derivation_index)).toEqual(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
  });

  describe('derivation index blocks (two processes on one counter)', () => {
    const counter = async (org: string) =>
      (
        await t.dataSource.query(
          `SELECT next_index FROM derivation_counters WHERE organization_id = $1 AND family = 'evm'`,
          [org],
        )
      )[0]?.next_index as number | undefined;

    it('hands out disjoint indexes from interleaved blocks of two processes', async () => {
      const org = creds.organizationId;
      const a = new DerivationIndexes(t.app.get(DerivationCountersRepository));
      const b = new DerivationIndexes(t.app.get(DerivationCountersRepository));
      const taken = await Promise.all(
        Array.from({ length: 3 * INDEX_BLOCK }, (_, i) => (i % 2 ? a : b).take(org, 'evm')),
      );
      expect(new Set(taken).size).toBe(taken.length);
      expect(Math.min(...taken)).toBe(1); // index 0 is the master wallet
      expect(await counter(org)).toBe(1 + 4 * INDEX_BLOCK); // 15 each: two blocks each
    });

    it('returns the unused tail of a stopping process only when no one reserved after it', async () => {
      const org = creds.organizationId;
      const a = new DerivationIndexes(t.app.get(DerivationCountersRepository));
      const b = new DerivationIndexes(t.app.get(DerivationCountersRepository));
      expect(await a.take(org, 'evm')).toBe(1); // a holds 1..INDEX_BLOCK
      expect(await b.take(org, 'evm')).toBe(1 + INDEX_BLOCK); // b holds the next block
      await a.onModuleDestroy(); // b reserved after a: a's tail stays unused
      expect(await counter(org)).toBe(1 + 2 * INDEX_BLOCK);
      await b.onModuleDestroy();
      expect(await counter(org)).toBe(2 + INDEX_BLOCK);
      // A stopping process reserves afresh rather than handing out the tail it returned, one index at a time.
      expect(await b.take(org, 'evm')).toBe(2 + INDEX_BLOCK);
      expect(await counter(org)).toBe(3 + INDEX_BLOCK);
    });

    it('reuses an index that was handed back before taking a new one', async () => {
      const org = creds.organizationId;
      const a = new DerivationIndexes(t.app.get(DerivationCountersRepository));
      const [first, second] = [await a.take(org, 'evm'), await a.take(org, 'evm')];
      a.giveBack(org, 'evm', first);
      expect(await a.take(org, 'evm')).toBe(first);
      expect(await a.take(org, 'evm')).toBe(second + 1);
      await a.onModuleDestroy();
      expect(await counter(org)).toBe(second + 2);
    });

    it('gives the index of a refused request (unknown or disabled wallet) to the next address', async () => {
      const walletId = await activeWallet();
      const first = await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH', network: 'ethereum' });
      expect(
        (
          await api.post('/v1/wallets/00000000-0000-4000-8000-000000000000/addresses', {
            asset: 'ETH',
            network: 'ethereum',
          })
        ).status,
      ).toBe(404);
      const second = await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH', network: 'ethereum' });
      const rows = await t.dataSource.query(
        `SELECT derivation_index FROM addresses WHERE id = ANY($1::uuid[]) ORDER BY 1`,
        [[first.body.id, second.body.id]],
      );
      expect(rows.map((r: { derivation_index: number }) => r.derivation_index)).toEqual([1, 2]);
    });
  });

  describe('GET /v1/addresses/validate', () => {
    it('normalizes, checks checksums and recognizes own addresses', async () => {
      const walletId = await activeWallet();
      const own = (await api.post(`/v1/wallets/${walletId}/addresses`, { asset: 'ETH', network: 'ethereum' })).body
        .address as string;
      const mine = await api.get(`/v1/addresses/validate?network=ethereum&address=${own.toLowerCase()}`);
      expect(mine.body).toEqual({ valid: true, normalized: own, is_internal: true, network: 'ethereum', reason: null });
      // An EVM address is the same key on every EVM chain, but it is only ours where we issued it.
      expect((await api.get(`/v1/addresses/validate?network=polygon&address=${own}`)).body.is_internal).toBe(false);
      const other = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
      expect((await other.get(`/v1/addresses/validate?network=ethereum&address=${own}`)).body.is_internal).toBe(false);

      const badChecksum = `${own.slice(0, 2)}${own[2] === own[2].toUpperCase() ? own[2].toLowerCase() : own[2].toUpperCase()}${own.slice(3)}`;
      if (/[a-fA-F]/.test(own[2])) {
        const res = await api.get(`/v1/addresses/validate?network=ethereum&address=${badChecksum}`);
        expect(res.body).toMatchObject({ valid: false, normalized: null, is_internal: false });
      }
      expect(
        (await api.get('/v1/addresses/validate?network=bitcoin&address=bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu'))
          .body.valid,
      ).toBe(false);
      expect(
        (await api.get('/v1/addresses/validate?network=tron&address=TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH')).body.valid,
      ).toBe(true);
      const unknown = await api.get('/v1/addresses/validate?network=dogecoin&address=x');
      expect(unknown.status).toBe(422);
      expect(unknown.body.error.code).toBe('invalid_network');
      expect((await api.get('/v1/addresses/validate?network=ethereum')).status).toBe(400);
    });
  });
});

describe('receive addresses on an API-only replica (no provisioning job)', () => {
  it('answers 409 wallet_not_active while the wallet is pending', async () => {
    const t = await createTestApp({ env: { ROLES: 'api' } });
    try {
      const creds = await createOrganization(t);
      const api = t.http.as({ kind: 'hmac', creds });
      const { body } = await api.post('/v1/wallets', {});
      await new Promise((r) => setTimeout(r, 300));
      expect((await api.get(`/v1/wallets/${body.id}`)).body.status).toBe('pending');
      const res = await api.post(`/v1/wallets/${body.id}/addresses`, { asset: 'ETH', network: 'ethereum' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('wallet_not_active');
      expect((await api.patch(`/v1/wallets/${body.id}`, { status: 'disabled' })).status).toBe(409);
    } finally {
      await t.close();
    }
  });
});
