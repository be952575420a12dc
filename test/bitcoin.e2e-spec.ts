import { hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { Address, OutScript, p2wpkh, Transaction } from '@scure/btc-signer';
import {
  accountIndexOf,
  Credentials,
  deploymentMnemonic,
  expectLedgerConsistent,
  HttpClient,
  waitFor,
} from '@app/testing';
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

const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef };

/** Bitcoin deposits against the real regtest node the devnet starts (bcoin), through the sandbox and the API. */
describe('bitcoin on the devnet', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;
  let rpcUrl: string;

  /** A call to the node at the `rpc_url` the API shows, as a partner's bitcoin-cli-style tool would make it. */
  async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
    const url = new URL(rpcUrl);
    const auth = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`);
    const res = await fetch(`${url.protocol}//${url.host}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${auth.toString('base64')}` },
      body: JSON.stringify({ jsonrpc: '1.0', id: 1, method, params }),
    });
    const body = (await res.json()) as { result: T; error: { message: string } | null };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { JOBS_POLL_INTERVAL_MS: '100', CONFIRMATIONS_BITCOIN: '2', BALANCE_SYNC_INTERVAL_MS: '200' },
    });
    const admin = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const networks = (await admin.get('/v1/networks')).body.data as Array<Record<string, unknown>>;
    rpcUrl = networks.find((n) => n.chain === 'bitcoin')!.rpc_url as string;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  it('runs a real regtest node, scanned, past SegWit, reachable at rpc_url', async () => {
    expect(rpcUrl).toMatch(/^http:\/\/[^:]+:[^@]+@127\.0\.0\.1:\d+$/);
    expect(await rpc<{ chain: string }>('getblockchaininfo')).toMatchObject({ chain: 'regtest' });
    expect(await rpc<number>('getblockcount')).toBeGreaterThanOrEqual(432);
    const bitcoin = await waitFor(async () => {
      const n = ((await api.get('/v1/networks')).body.data as Array<Record<string, unknown>>).find(
        (x) => x.chain === 'bitcoin',
      );
      return n?.status === 'synced' ? n : undefined;
    }, 'bitcoin scanned');
    expect(bitcoin).toMatchObject({ network: 'regtest', family: 'bitcoin', required_confirmations: 2 });
  });

  it('answers fee levels in sat/vB, from the fallback rates while the node has no estimate', async () => {
    const res = await api.get('/v1/fees?network=bitcoin&asset=BTC');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      network: 'bitcoin',
      asset: 'BTC',
      fee_asset: 'BTC',
      gas_limit: null,
      estimated_vsize: '141',
      low: { fee_rate_sat_per_vb: '2', estimated_fee_raw: '282', estimated_fee: '0.00000282', max_fee_per_gas: null },
      medium: { fee_rate_sat_per_vb: '5', estimated_fee_raw: '705' },
      high: { fee_rate_sat_per_vb: '10', estimated_fee_raw: '1410' },
    });
    // bcoin's regtest has no estimate yet: what the fallback stands in for.
    expect(await rpc<{ fee?: number; feerate?: number }>('estimatesmartfee', [6])).not.toHaveProperty('feerate');
  });

  it('credits a BTC deposit: pending at one confirmation, available at two, with its events and sender', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    expect(address).toMatch(/^bcrt1q/);
    const sent = await api.post('/v1/sandbox/deposits', {
      network: 'bitcoin',
      asset: 'BTC',
      address,
      amount: '0.5',
    });
    expect(sent.status).toBe(201);
    const txid = sent.body.tx_hash as string;

    // The transaction on the node pays our address exactly 0.5 BTC (decoded independently of the app).
    const raw = Transaction.fromRaw(hex.decode(await rpc<string>('getrawtransaction', [txid, false])));
    const outputs = Array.from({ length: raw.outputsLength }, (_, i) => raw.getOutput(i));
    const ours = outputs.find((o) => Address(REGTEST).encode(OutScript.decode(o.script!)) === address);
    expect(ours?.amount).toBe(50_000_000n);

    const confirming = await waitForTransaction(api, walletId, txid, 'confirming');
    expect(confirming).toMatchObject({ amount: '0.5', amount_raw: '50000000', confirmations: 1 });
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({
      available: '0',
      pending_in: '0.5',
      ledger: '0.5',
    });

    await mine(api, 'bitcoin', 1);
    const confirmed = await waitForTransaction(api, walletId, txid, 'confirmed');
    expect(confirmed.confirmations).toBe(2);
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({
      available: '0.5',
      available_raw: '50000000',
      pending_in: '0',
    });
    expect(await eventTypesOf(t, confirmed.id)).toEqual([
      'wallet.incoming_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.confirmed',
    ]);
    const single = (await api.get(`/v1/transactions/${confirmed.id}`)).body;
    expect(single).toMatchObject({
      direction: 'incoming',
      network: 'bitcoin',
      asset: 'BTC',
      to_address: address,
      from_address: sent.body.from_address,
    });
  });

  it("shows the organization's unconfirmed deposits as the master wallet's pending_in", async () => {
    const master = (await api.post('/v1/master-wallets', { chain: 'bitcoin', network: 'regtest' })).body;
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const url = `/v1/master-wallets/${master.id}/balance?chain=bitcoin&network=regtest&token=BTC`;
    expect((await api.get(url)).body).toMatchObject({ pending_in: '0', pending_in_raw: '0' });
    const txid = await deposit(api, { network: 'bitcoin', asset: 'BTC', address, amount: '0.3' });
    await waitForTransaction(api, walletId, txid, 'confirming');
    expect((await api.get(url)).body).toMatchObject({ pending_in: '0.3', pending_in_raw: '30000000' });
    await mine(api, 'bitcoin', 1);
    await waitForTransaction(api, walletId, txid, 'confirmed');
    expect((await api.get(url)).body).toMatchObject({ pending_in: '0', pending_in_raw: '0' });
  });

  it("records each deposit's output with its script, and a master wallet's balance is the unspent total", async () => {
    const master = (await api.post('/v1/master-wallets', { chain: 'bitcoin', network: 'regtest' })).body;
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const first = await deposit(api, { network: 'bitcoin', asset: 'BTC', address, amount: '0.4' });
    const second = await deposit(api, { network: 'bitcoin', asset: 'BTC', address, amount: '0.15' });
    await waitForTransaction(api, walletId, second, 'confirming');
    const rows = await t.dataSource.query(
      `SELECT txid, vout, value, script, status FROM utxos WHERE wallet_id = $1 ORDER BY value DESC`,
      [walletId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r: { txid: string; value: string }) => [r.txid, r.value])).toEqual([
      [first, '40000000'],
      [second, '15000000'],
    ]);
    // The recorded script is the one the node shows for that output.
    const raw = Transaction.fromRaw(hex.decode(await rpc<string>('getrawtransaction', [first, false])));
    expect(hex.encode(raw.getOutput(rows[0].vout as number).script!)).toBe(rows[0].script);
    const url = `/v1/master-wallets/${master.id}/balance?chain=bitcoin&network=regtest&token=BTC`;
    const synced = await waitFor(async () => {
      const body = (await api.get(url)).body;
      return body.balance === '0.55' ? body : undefined;
    }, 'master balance sync');
    expect(synced).toMatchObject({ balance_raw: '55000000', is_stale: false });
  });

  it('marks an output spent when a block spends it, and unspent again when that block is reorged out', async () => {
    const master = (await api.post('/v1/master-wallets', { chain: 'bitcoin', network: 'regtest' })).body;
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const txid = await deposit(api, { network: 'bitcoin', asset: 'BTC', address, amount: '0.2' });
    await waitForTransaction(api, walletId, txid, 'confirming');
    const [utxo] = await t.dataSource.query(
      `SELECT vout, derivation_index FROM utxos u
       JOIN addresses a ON a.network = u.network AND a.address = u.address WHERE u.txid = $1`,
      [txid],
    );
    // Spend it with the address's own key, derived independently from the deployment's mnemonic.
    const account = await accountIndexOf(t, creds.organizationId);
    const node = HDKey.fromMasterSeed(mnemonicToSeedSync(await deploymentMnemonic(t))).derive(
      `m/84'/1'/${account}'/0/${utxo.derivation_index as number}`,
    );
    const spend = new Transaction();
    spend.addInput({
      txid,
      index: utxo.vout as number,
      witnessUtxo: { script: p2wpkh(node.publicKey!, REGTEST).script, amount: 20_000_000n },
    });
    spend.addOutputAddress('bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080', 19_990_000n, REGTEST);
    spend.sign(node.privateKey!);
    spend.finalize();
    const url = `/v1/master-wallets/${master.id}/balance?chain=bitcoin&network=regtest&token=BTC`;
    await waitFor(async () => (await api.get(url)).body.balance === '0.2', 'master balance with the output');
    const snapshot = (await api.post('/v1/sandbox/snapshots', { network: 'bitcoin' })).body.snapshot_id as string;
    const spendId = await rpc<string>('sendrawtransaction', [spend.hex]);
    await waitFor(() => rpc('getmempoolentry', [spendId]).then(Boolean, () => false), 'spend in the mempool');
    await mine(api, 'bitcoin', 1);
    const statusOf = async () =>
      (
        await t.dataSource.query<Array<{ status: string; spent_by_txid: string | null }>>(
          `SELECT status, spent_by_txid FROM utxos WHERE txid = $1`,
          [txid],
        )
      )[0];
    expect(
      await waitFor(async () => ((await statusOf()).status === 'spent' ? statusOf() : undefined), 'spent'),
    ).toEqual({
      status: 'spent',
      spent_by_txid: spendId,
    });
    await waitFor(async () => (await api.get(url)).body.balance === '0', 'master balance without the spent output');

    // The block that spent it is reorged out (the node drops the spend): the output is unspent again.
    expect((await api.post('/v1/sandbox/revert', { network: 'bitcoin', snapshot_id: snapshot })).status).toBe(200);
    await mine(api, 'bitcoin', 2);
    expect(
      await waitFor(async () => ((await statusOf()).status === 'unspent' ? statusOf() : undefined), 'unspent'),
    ).toEqual({
      status: 'unspent',
      spent_by_txid: null,
    });
    await waitFor(async () => (await api.get(url)).body.balance === '0.2', 'master balance with the output again');
  });

  it('records each deposit once and credits their sum', async () => {
    const walletId = await activeWallet(api);
    const a = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const b = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const [ha, hb] = [
      await deposit(api, { network: 'bitcoin', asset: 'BTC', address: a, amount: '0.1' }),
      await deposit(api, { network: 'bitcoin', asset: 'BTC', address: b, amount: '0.2' }),
    ];
    await mine(api, 'bitcoin', 1);
    await waitForTransaction(api, walletId, ha, 'confirmed');
    await waitForTransaction(api, walletId, hb, 'confirmed');
    await mine(api, 'bitcoin', 2);
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({ available: '0.3' });
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM wallet_transactions WHERE wallet_id = $1 AND direction = 'incoming'`,
      [walletId],
    );
    expect(rows[0].n).toBe(2);
  });

  it('quarantines a deposit from the denylisted sender', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const txid = await deposit(api, {
      network: 'bitcoin',
      asset: 'BTC',
      address,
      amount: '0.25',
      from_denylisted: true,
    });
    const tx = await waitForTransaction(api, walletId, txid, 'quarantined');
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({
      available: '0',
      pending_in: '0',
      quarantined: '0.25',
    });
    expect(await eventTypesOf(t, tx.id)).toEqual(['wallet.incoming_transaction', 'wallet_transaction.quarantined']);
  });

  it('voids the pending credit of a deposit whose block is reorged out', async () => {
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const snapshot = (await api.post('/v1/sandbox/snapshots', { network: 'bitcoin' })).body.snapshot_id as string;
    const txid = await deposit(api, { network: 'bitcoin', asset: 'BTC', address, amount: '0.75' });
    await waitForTransaction(api, walletId, txid, 'confirming');

    expect((await api.post('/v1/sandbox/revert', { network: 'bitcoin', snapshot_id: snapshot })).status).toBe(200);
    await mine(api, 'bitcoin', 2); // a longer branch without the deposit
    const failed = await waitForTransaction(api, walletId, txid, 'failed');
    expect(failed.failure_reason).toBe('reorged');
    const [utxo] = await t.dataSource.query(`SELECT status FROM utxos WHERE txid = $1`, [txid]);
    expect(utxo.status).toBe('orphaned');
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({ available: '0', pending_in: '0' });
    expect(await eventTypesOf(t, failed.id)).toEqual([
      'wallet.incoming_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.failed',
    ]);
  });
});

describe('bitcoin across a restart', () => {
  it('keeps its chain in DATA_DIR: a deposit confirming before the restart is credited once after it', async () => {
    const env = { JOBS_POLL_INTERVAL_MS: '100', CONFIRMATIONS_BITCOIN: '3' };
    const first = await createTestApp({ env });
    const creds = await createOrganization(first);
    let api = first.http.as({ kind: 'hmac', creds });
    const walletId = await activeWallet(api);
    const address = await newAddress(api, walletId, 'BTC', 'bitcoin');
    const txid = await deposit(api, { network: 'bitcoin', asset: 'BTC', address, amount: '0.125' });
    await waitForTransaction(api, walletId, txid, 'confirming');
    const headBefore = Number((await api.post('/v1/sandbox/snapshots', { network: 'bitcoin' })).body.head_height);
    await first.close();

    const second = await createTestApp({ database: first.database, dataDir: first.config.dataDir, env });
    try {
      api = second.http.as({ kind: 'hmac', creds });
      // The same chain, not a new one: its height carried over and no reset is reported.
      const headAfter = Number((await api.post('/v1/sandbox/snapshots', { network: 'bitcoin' })).body.head_height);
      expect(headAfter).toBe(headBefore);
      await mine(api, 'bitcoin', 2);
      await waitForTransaction(api, walletId, txid, 'confirmed');
      expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({
        available: '0.125',
        pending_in: '0',
      });
      const [cursor] = await second.dataSource.query(
        `SELECT reset_at FROM chain_cursors WHERE network = 'bitcoin:regtest'`,
      );
      expect(cursor.reset_at).toBeNull();
      await expectLedgerConsistent(second);
    } finally {
      await second.close();
    }
  });
});
