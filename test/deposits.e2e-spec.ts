import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, http, parseAbi } from 'viem';
import { Credentials, expectLedgerConsistent, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import {
  activeWallet,
  assetBalance,
  deposit,
  mine,
  newAddress,
  waitForTransaction,
  eventTypesOf,
} from './support/chain';

/** Deposits against the real embedded devnet (anvil), through the sandbox helpers and the public API. */
describe('deposits on the devnet', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  it('credits an ETH deposit as pending, then available at the required confirmations, with its events', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'ETH', 'ethereum');
    const hash = await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '1.5' });

    const confirming = await waitForTransaction(api, walletId, hash, 'confirming');
    expect(confirming).toMatchObject({ amount: '1.5', amount_raw: '1500000000000000000', confirmations: 1 });
    expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({
      available: '0',
      pending: '1.5',
      pending_in: '1.5',
      pending_in_raw: '1500000000000000000',
      pending_out: '0',
      ledger: '1.5',
    });

    await mine(api, 'ethereum', 2);
    const confirmed = await waitForTransaction(api, walletId, hash, 'confirmed');
    expect(confirmed.confirmations).toBe(3);
    expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({
      available: '1.5',
      available_raw: '1500000000000000000',
      pending: '0',
      pending_in: '0',
      ledger: '1.5',
      quarantined: '0',
    });
    expect(await eventTypesOf(t, confirmed.id)).toEqual([
      'wallet.incoming_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.confirmed',
    ]);
    const [event] = await t.dataSource.query(
      `SELECT data FROM events WHERE type = 'wallet_transaction.confirmed' AND data->>'transaction_id' = $1`,
      [confirmed.id],
    );
    expect(event.data).toMatchObject({
      wallet_id: walletId,
      transaction_id: confirmed.id,
      amount: '1.5',
      status: 'confirmed',
      network: 'ethereum',
      asset: 'ETH',
    });

    const single = await api.get(`/v1/wallets/${walletId}/transactions`);
    expect(single.body.data[0]).toMatchObject({
      direction: 'incoming',
      tx_hash: hash,
      to_address: address,
      required_confirmations: 3,
    });
    expect((await api.get(`/v1/transactions/${confirmed.id}`)).body.status).toBe('confirmed');
  });

  it('credits USDC on ethereum and on polygon, two chains with their own ids, to the base unit', async () => {
    const walletId = await activeWallet(api);
    const eth = await newAddress(api, walletId, 'USDC', 'ethereum');
    const pol = await newAddress(api, walletId, 'USDC', 'polygon');
    const h1 = await deposit(api, { network: 'ethereum', asset: 'USDC', address: eth, amount: '125.5' });
    const h2 = await deposit(api, { network: 'polygon', asset: 'USDC', address: pol, amount: '0.000001' });
    await waitForTransaction(api, walletId, h1, 'confirming');
    await waitForTransaction(api, walletId, h2, 'confirming');
    await mine(api, 'ethereum', 2);
    await mine(api, 'polygon', 2);
    await waitForTransaction(api, walletId, h1, 'confirmed');
    await waitForTransaction(api, walletId, h2, 'confirmed');
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({
      available: '125.5',
      available_raw: '125500000',
      currency: 'USDCERC20',
    });
    expect(await assetBalance(api, walletId, 'polygon', 'USDC')).toMatchObject({
      available: '0.000001',
      available_raw: '1',
      currency: 'USDCMATIC',
    });

    // The chain agrees, read with viem straight from the node.
    const networks = (await api.get('/v1/networks')).body.data as Array<{
      chain: string;
      chain_id: number;
      rpc_url: string;
      assets: Array<{ symbol: string; contract_address: string }>;
    }>;
    const polygon = networks.find((n) => n.chain === 'polygon')!;
    expect(polygon.chain_id).not.toBe(networks.find((n) => n.chain === 'ethereum')!.chain_id);
    const client = createPublicClient({ transport: http(polygon.rpc_url) });
    const usdc = polygon.assets.find((a) => a.symbol === 'USDC')!.contract_address as `0x${string}`;
    const onChain = await client.readContract({
      address: usdc,
      abi: parseAbi(['function balanceOf(address) view returns (uint256)']),
      functionName: 'balanceOf',
      args: [pol as `0x${string}`],
    });
    expect(onChain).toBe(1n);

    const lookup = await t.http.post(
      '/v1/wallets/balances',
      { wallet_id: walletId },
      { auth: { kind: 'api_key', creds } },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.account).toEqual({ id: walletId, name: null, external_id: null, wallet_id: walletId });
    expect(lookup.body.balances).toEqual(
      expect.arrayContaining([
        // With its USD figures (test/prices.e2e-spec.ts).
        expect.objectContaining({
          currency: 'USDCERC20',
          asset: 'USDC',
          network: 'ethereum',
          amount: '125.5',
          amount_raw: '125500000',
          pending_amount: '0',
          pending_amount_raw: '0',
          available_balance: '125.5',
          available_balance_raw: '125500000',
        }),
        expect.objectContaining({ currency: 'USDCMATIC', amount_raw: '1', available_balance: '0.000001' }),
      ]),
    );
  });

  it('quarantines a deposit from a denylisted sender: no credit, a quarantined figure, and the event', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'USDT', 'ethereum');
    const hash = await deposit(api, {
      network: 'ethereum',
      asset: 'USDT',
      address,
      amount: '42',
      from_denylisted: true,
    });
    const tx = await waitForTransaction(api, walletId, hash, 'quarantined');
    await mine(api, 'ethereum', 3);
    await new Promise((r) => setTimeout(r, 400));
    expect((await api.get(`/v1/transactions/${tx.id}`)).body.status).toBe('quarantined');
    expect(await assetBalance(api, walletId, 'ethereum', 'USDT')).toMatchObject({
      available: '0',
      pending: '0',
      ledger: '0',
      quarantined: '42',
      quarantined_raw: '42000000',
    });
    expect(await eventTypesOf(t, tx.id)).toEqual(['wallet.incoming_transaction', 'wallet_transaction.quarantined']);
    const ledgerRows = await t.dataSource.query(`SELECT 1 FROM ledger_transfers WHERE reference = $1`, [
      `deposit:${tx.id}`,
    ]);
    expect(ledgerRows).toHaveLength(0);
  });

  it('voids the pending credit of a deposit reorged out before the threshold', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'ETH', 'ethereum');
    const snapshot = (await api.post('/v1/sandbox/snapshots', { network: 'ethereum' })).body.snapshot_id as string;
    const hash = await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '2' });
    const tx = await waitForTransaction(api, walletId, hash, 'confirming');
    expect((await assetBalance(api, walletId, 'ethereum', 'ETH')).pending_in).toBe('2');

    expect((await api.post('/v1/sandbox/revert', { network: 'ethereum', snapshot_id: snapshot })).status).toBe(200);
    await mine(api, 'ethereum', 3); // a longer chain without the deposit
    const failed = await waitForTransaction(api, walletId, hash, 'failed');
    expect(failed.failure_reason).toBe('reorged');
    expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({
      available: '0',
      pending: '0',
      ledger: '0',
    });
    expect(await eventTypesOf(t, tx.id)).toEqual([
      'wallet.incoming_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.failed',
    ]);
    const [failEvent] = await t.dataSource.query(
      `SELECT data FROM events WHERE type = 'wallet_transaction.failed' AND data->>'transaction_id' = $1`,
      [tx.id],
    );
    expect(failEvent.data.failure_reason).toBe('reorged');
  });

  it('refuses bad sandbox input with clear 422s', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'ETH', 'ethereum');
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { network: 'tron', asset: 'USDT', address: 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH', amount: '1' },
        'invalid_network',
      ],
      [{ network: 'ethereum', asset: 'DOGE', address, amount: '1' }, 'unsupported_asset_network'],
      [{ network: 'ethereum', asset: 'ETH', address: '0x1234', amount: '1' }, 'invalid_address'],
      [{ network: 'ethereum', asset: 'ETH', address, amount: '1e18' }, 'invalid_amount'],
      [{ network: 'ethereum', asset: 'USDC', address, amount: '1.0000001' }, 'invalid_amount'],
    ];
    for (const [body, code] of cases) {
      const res = await api.post('/v1/sandbox/deposits', body);
      expect({ code: res.body.error?.code, status: res.status }).toEqual({ code, status: 422 });
    }
  });
});

describe('balance reads', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;
  let walletId: string;

  beforeAll(async () => {
    // 50 confirmations: the blocks that background sweeps mine cannot confirm the second deposit during the tests.
    t = await createTestApp({
      env: { JOBS_POLL_INTERVAL_MS: '100', BALANCE_SYNC_INTERVAL_MS: '200', CONFIRMATIONS_ETHEREUM: '50' },
    });
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
    walletId = await activeWallet(api, { external_id: 'player-12345', name: 'Player 12345' });
    const address = await newAddress(api, walletId, 'USDC', 'ethereum');
    const hash = await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '1000' });
    await waitForTransaction(api, walletId, hash, 'confirming');
    await mine(api, 'ethereum', 49);
    await waitForTransaction(api, walletId, hash, 'confirmed');
    const pendingHash = await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '100' });
    await waitForTransaction(api, walletId, pendingHash, 'confirming');
  });
  afterAll(async () => {
    await expectLedgerConsistent(t);
    await t.close();
  });

  it('answers GET /balances grouped per network with the receive addresses and scanner progress', async () => {
    const res = await api.get(`/v1/wallets/${walletId}/balances`);
    expect(res.body.wallet_id).toBe(walletId);
    const eth = res.body.networks.find((n: { network: string }) => n.network === 'ethereum');
    expect(eth).toMatchObject({ network_name: 'devnet', is_stale: false, addresses: [expect.stringMatching(/^0x/)] });
    expect(Number(eth.indexed_height)).toBeGreaterThan(0);
    expect(eth.assets.find((a: { asset: string }) => a.asset === 'USDC')).toMatchObject({
      available: '1000',
      pending_in: '100',
      pending: '100',
      ledger: '1100',
      decimals: 6,
    });
  });

  it('answers the single-asset balance in both query styles', async () => {
    const a = await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=USDC`);
    expect(a.body).toMatchObject({
      chain: 'ethereum',
      network: 'devnet',
      token_symbol: 'USDC',
      balance: '1000',
      balance_raw: '1000000000',
      pending_in: '100',
      pending_in_raw: '100000000',
      pending_out: '0',
    });
    const networks = (await api.get('/v1/networks')).body.data;
    const contract = networks
      .find((n: { chain: string }) => n.chain === 'ethereum')
      .assets.find((x: { symbol: string }) => x.symbol === 'USDC').contract_address;
    const b = await api.get(
      `/v1/wallets/${walletId}/balance?chain=ethereum&network=devnet&token=USDC&token_address=${contract}`,
    );
    expect(b.body.balance_raw).toBe('1000000000');
    expect(
      (await api.get(`/v1/wallets/${walletId}/balance?chain=ethereum&network=mainnet&token=USDC`)).body.error.code,
    ).toBe('invalid_network');
    expect(
      (await api.get(`/v1/wallets/${walletId}/balance?chain=solana&network=devnet&token=USDC`)).body.error.code,
    ).toBe('invalid_chain');
    expect((await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=DOGE`)).body.error.code).toBe(
      'unsupported_asset_network',
    );
    expect((await api.get(`/v1/wallets/${walletId}/balance?network=ethereum`)).status).toBe(400);
    const zero = await api.get(`/v1/wallets/${walletId}/balance?network=polygon&asset=USDC`);
    expect(zero.body).toMatchObject({ balance: '0', pending_in: '0' });
  });

  it('answers the balance lookup by external_id, 400 without an id, 404 for an unknown one', async () => {
    const res = await api.post('/v1/wallets/balances', { external_id: 'player-12345' });
    expect(res.body.account).toEqual({
      id: walletId,
      name: 'Player 12345',
      external_id: 'player-12345',
      wallet_id: walletId,
    });
    expect(res.body.balances.find((b: { currency: string }) => b.currency === 'USDCERC20')).toMatchObject({
      amount: '1100',
      pending_amount: '100',
      available_balance: '1000',
    });
    const missing = await api.post('/v1/wallets/balances', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('invalid_request');
    expect((await api.post('/v1/wallets/balances', { wallet_id: 'w_abc123def456' })).status).toBe(404);
    const other = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    expect((await other.post('/v1/wallets/balances', { wallet_id: walletId })).status).toBe(404);
    expect((await other.get(`/v1/wallets/${walletId}/balances`)).status).toBe(404);
    const txs = (await api.get(`/v1/wallets/${walletId}/transactions`)).body.data;
    expect((await other.get(`/v1/transactions/${txs[0].id}`)).status).toBe(404);
  });

  it('inlines balances with include_balances=true', async () => {
    const one = await api.get(`/v1/wallets/${walletId}?include_balances=true`);
    expect(one.body.balances[0].assets.find((a: { asset: string }) => a.asset === 'USDC').available).toBe('1000');
    expect((await api.get(`/v1/wallets/${walletId}`)).body.balances).toBeUndefined();
    const list = await api.get('/v1/wallets?include_balances=true');
    expect(list.body.data[0].balances).toHaveLength(1);
  });

  it('syncs master wallet balances from the chain with last_synced and is_stale', async () => {
    // A fresh organization: this one's master also receives sweeps and devnet gas.
    api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const master = (await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' })).body;
    await deposit(api, { network: 'ethereum', asset: 'ETH', address: master.address, amount: '0.5' });
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: master.address, amount: '7' });
    const balances = await waitFor(async () => {
      const res = await api.get(`/v1/master-wallets/${master.id}/balances`);
      const usdc = res.body.data.find((b: { token_symbol: string }) => b.token_symbol === 'USDC');
      return usdc?.balance === '7' ? res.body.data : undefined;
    }, 'master balance sync');
    expect(balances.find((b: { token_symbol: string }) => b.token_symbol === 'ETH')).toMatchObject({
      balance: '0.5',
      balance_raw: '500000000000000000',
      token_decimals: 18,
      is_stale: false,
      chain: 'ethereum',
      network: 'devnet',
    });
    const single = await api.get(`/v1/master-wallets/${master.id}/balance?chain=ethereum&network=devnet&token=USDC`);
    expect(single.body).toMatchObject({
      token_symbol: 'USDC',
      balance: '7',
      balance_raw: '7000000',
      pending_in: '0',
      pending_out: '0',
      is_stale: false,
    });
    expect(
      (await api.get(`/v1/master-wallets/${master.id}/balance?chain=polygon&network=devnet&token=USDC`)).body.error
        .code,
    ).toBe('invalid_network');
    const listed = await api.get('/v1/master-wallets?include_balances=true');
    expect(listed.body.data[0].balances.find((b: { token_symbol: string }) => b.token_symbol === 'ETH').balance).toBe(
      '0.5',
    );
    const got = await api.get(`/v1/master-wallets/${master.id}?include_balances=true`);
    expect(got.body.balances).toHaveLength(3);
  });

  it('reports scanner progress and the devnet RPC URL in GET /v1/networks', async () => {
    const networks = (await api.get('/v1/networks')).body.data;
    const eth = networks.find((n: { chain: string }) => n.chain === 'ethereum');
    expect(eth).toMatchObject({
      status: 'synced',
      lag: expect.any(Number),
      rpc_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(networks.find((n: { chain: string }) => n.chain === 'tron')).toMatchObject({
      status: 'no_node',
      rpc_url: null,
      indexed_height: null,
    });
  });
});

describe('restart in the middle of a confirmation', () => {
  it('credits the deposit exactly once after the app restarts on the same chain', async () => {
    const first = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
    const creds = await createOrganization(first);
    let api = first.http.as({ kind: 'hmac', creds });
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'USDC', 'ethereum');
    const hash = await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '9.99' });
    await waitForTransaction(api, walletId, hash, 'confirming');
    // Graceful stop: the devnet node dumps its chain into DATA_DIR and the next start loads it.
    await first.close();

    const second = await createTestApp({
      database: first.database,
      dataDir: first.config.dataDir,
      env: { JOBS_POLL_INTERVAL_MS: '100' },
    });
    try {
      api = second.http.as({ kind: 'hmac', creds });
      await mine(api, 'ethereum', 5);
      const tx = await waitForTransaction(api, walletId, hash, 'confirmed');
      await new Promise((r) => setTimeout(r, 500)); // a few more ticks must change nothing
      expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '9.99', pending: '0' });
      const posts = await second.dataSource.query(
        `SELECT phase FROM ledger_transfers WHERE reference = $1 ORDER BY created_at`,
        [`deposit:${tx.id}`],
      );
      expect(posts.map((p: { phase: string }) => p.phase)).toEqual(['pending', 'post_pending']);
      const [cursor] = await second.dataSource.query(
        `SELECT reset_at FROM chain_cursors WHERE network = 'ethereum:devnet'`,
      );
      expect(cursor.reset_at).toBeNull();
      await expectLedgerConsistent(second);
    } finally {
      await second.close();
    }
  });
});

describe('a devnet restarted without its state', () => {
  it('is noticed (new genesis): in-flight deposits fail with chain_reset and the reset is reported', async () => {
    const first = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
    const creds = await createOrganization(first);
    let api = first.http.as({ kind: 'hmac', creds });
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'ETH', 'ethereum');
    const hash = await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '3' });
    await waitForTransaction(api, walletId, hash, 'confirming');
    await first.close();
    rmSync(join(first.config.dataDir, 'devnet', 'ethereum-state.json'));
    await new Promise((r) => setTimeout(r, 1100)); // a genesis block of another second

    const second = await createTestApp({
      database: first.database,
      dataDir: first.config.dataDir,
      env: { JOBS_POLL_INTERVAL_MS: '100' },
    });
    try {
      api = second.http.as({ kind: 'hmac', creds });
      const failed = await waitForTransaction(api, walletId, hash, 'failed');
      expect(failed.failure_reason).toBe('chain_reset');
      expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({ available: '0', pending: '0' });
      const eth = (await api.get('/v1/networks')).body.data.find((n: { chain: string }) => n.chain === 'ethereum');
      expect(eth.reset_at).not.toBeNull();
      expect(second.logs.some((l) => JSON.stringify(l).includes("the node's chain was replaced"))).toBe(true);
      // The new chain works: a new deposit is credited.
      const again = await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '1' });
      await waitForTransaction(api, walletId, again, 'confirming');
      await mine(api, 'ethereum', 2);
      await waitForTransaction(api, walletId, again, 'confirmed');
      expect((await assetBalance(api, walletId, 'ethereum', 'ETH')).available).toBe('1');
      await expectLedgerConsistent(second);
    } finally {
      await second.close();
    }
  });
});
