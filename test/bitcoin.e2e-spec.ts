import { hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { randomBytes, randomUUID } from 'node:crypto';
import { Address, OutScript, p2pk, p2pkh, p2sh, p2tr, p2wpkh, p2wsh, Transaction } from '@scure/btc-signer';
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
  fundedWallet,
  mine,
  mineUntil,
  newAddress,
  transactionById,
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
  /** The node's copy of a transaction, decoded with @scure/btc-signer (independently of the app's decoder). */
  async function onChain(txid: string) {
    const tx = Transaction.fromRaw(hex.decode(await rpc<string>('getrawtransaction', [txid, false])));
    const inputs = Array.from({ length: tx.inputsLength }, (_, i) => tx.getInput(i));
    const outputs = Array.from({ length: tx.outputsLength }, (_, i) => {
      const o = tx.getOutput(i);
      return { amount: o.amount!, script: o.script!, address: Address(REGTEST).encode(OutScript.decode(o.script!)) };
    });
    return { inputs, outputs };
  }

  /** The value of the outputs a transaction spends, read from their funding transactions on the node. */
  async function inputTotal(txid: string): Promise<bigint> {
    let total = 0n;
    for (const input of (await onChain(txid)).inputs) {
      total += (await onChain(hex.encode(input.txid!))).outputs[input.index!].amount;
    }
    return total;
  }

  const feesBooked = async (): Promise<bigint> => {
    const rows = await t.dataSource.query<Array<{ debits_posted: string }>>(
      `SELECT debits_posted FROM ledger_accounts WHERE organization_id = $1 AND kind = 'fees' AND asset = 'BTC'`,
      [creds.organizationId],
    );
    return BigInt(rows[0]?.debits_posted ?? '0');
  };

  /** A fresh key's address of each standard type on regtest, from an independent derivation. */
  function foreignAddresses(): Record<'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr', string> {
    const key = HDKey.fromMasterSeed(randomBytes(32));
    const pub = key.publicKey!;
    return {
      p2pkh: p2pkh(pub, REGTEST).address,
      p2sh: p2sh(p2wpkh(pub, REGTEST), REGTEST).address,
      p2wpkh: p2wpkh(pub, REGTEST).address,
      p2wsh: p2wsh(p2pk(pub), REGTEST).address,
      p2tr: p2tr(pub.subarray(1), undefined, REGTEST).address,
    };
  }

  it('checks destinations: the five standard types pass, another network is named, dust is refused', async () => {
    const walletId = await activeWallet(api);
    const send = (destination_address: string, amount_raw: string) =>
      api.post(
        `/v1/wallets/${walletId}/transfers`,
        { asset: 'BTC', network: 'bitcoin', amount_raw, destination_address },
        { headers: { 'Idempotency-Key': randomUUID() } },
      );
    // Core's dust limits at 3 sat/vB: one satoshi under each is refused, the limit itself passes validation (and
    // then meets the empty wallet).
    const dust = { p2pkh: 546, p2sh: 540, p2wpkh: 294, p2wsh: 330, p2tr: 330 };
    for (const [type, address] of Object.entries(foreignAddresses())) {
      const limit = dust[type as keyof typeof dust];
      const below = await send(address, String(limit - 1));
      expect([type, below.status, below.body.error.code]).toEqual([type, 422, 'amount_below_dust']);
      expect(below.body.error.details.minimum_raw).toBe(String(limit));
      const at = await send(address, String(limit));
      expect([type, at.status, at.body.error.code]).toEqual([type, 422, 'insufficient_funds']);
    }
    const mainnet = await send('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', '10000');
    expect(mainnet.status).toBe(422);
    expect(mainnet.body.error).toMatchObject({ code: 'invalid_address' });
    expect(mainnet.body.error.message).toContain('bitcoin mainnet address');
    const testnet = await send('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', '10000');
    expect(testnet.body.error.message).toContain('bitcoin testnet address');
    expect(await t.dataSource.query(`SELECT id FROM wallet_transactions WHERE wallet_id = $1`, [walletId])).toEqual([]);
  });

  it('sends BTC: one signed transaction, change to a fresh change address, fee = inputs - outputs to the fee account', async () => {
    const { walletId } = await fundedWallet(api, 'BTC', 'bitcoin', '0.5');
    const to = foreignAddresses().p2pkh;
    const res = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      { asset: 'BTC', network: 'bitcoin', amount: '0.1', destination_address: to, fee_level: 'high' },
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', amount_raw: '10000000', to_address: to });
    const confirmed = await mineUntil(
      api,
      'bitcoin',
      async () => {
        const tx = await transactionById(api, res.body.id);
        return tx.status === 'confirmed' ? tx : undefined;
      },
      'send confirmed',
    );
    const txid = confirmed.tx_hash;
    const { inputs, outputs } = await onChain(txid);
    // BIP125 signalled on every input.
    expect(inputs.every((i) => i.sequence === 0xfffffffd)).toBe(true);
    expect(outputs[0]).toMatchObject({ address: to, amount: 10_000_000n });
    // The change goes to m/84'/1'/{account}'/1/i, derived independently, never a receive address.
    const account = await accountIndexOf(t, creds.organizationId);
    const root = HDKey.fromMasterSeed(mnemonicToSeedSync(await deploymentMnemonic(t)));
    const changeKeys = Array.from(
      { length: 20 },
      (_, i) => p2wpkh(root.derive(`m/84'/1'/${account}'/1/${i}`).publicKey!, REGTEST).address,
    );
    expect(outputs).toHaveLength(2);
    expect(changeKeys).toContain(outputs[1].address);
    const receive = await t.dataSource.query(`SELECT 1 FROM addresses WHERE address = $1`, [outputs[1].address]);
    expect(receive).toEqual([]);
    // The fee: inputs minus outputs, on the transaction and booked once to the fee account.
    const fee = (await inputTotal(txid)) - outputs.reduce((s, o) => s + o.amount, 0n);
    expect(confirmed.fee_raw).toBe(fee.toString());
    expect(await feesBooked()).toBe(fee);
    // At the `high` level's rate (10 sat/vB while the node has no estimate), for its size.
    const vsize = BigInt((await rpc<{ vsize: number }>('getrawtransaction', [txid, true])).vsize);
    expect(fee >= vsize * 10n && fee <= (vsize + 2n) * 10n).toBe(true);
    // The wallet pays exactly the amount.
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({ available: '0.4', ledger: '0.4' });
    expect(await eventTypesOf(t, res.body.id)).toEqual([
      'wallet.outgoing_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.confirmed',
    ]);
    const [spent] = await t.dataSource.query(`SELECT status, spent_by_txid FROM utxos WHERE spent_by_txid = $1`, [
      txid,
    ]);
    expect(spent).toEqual({ status: 'spent', spent_by_txid: txid });
  });

  it('pays a batch in ONE transaction: a legacy address and an external account on chain, a wallet in the ledger', async () => {
    const { walletId } = await fundedWallet(api, 'BTC', 'bitcoin', '1');
    const other = await activeWallet(api);
    const legacy = foreignAddresses().p2pkh;
    const book = foreignAddresses().p2wsh;
    const account = await api.post(
      '/v1/external-accounts',
      { network: 'bitcoin', address: book, label: 'cold storage' },
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(account.status).toBe(201);
    const res = await api.post(
      `/v1/wallets/${walletId}/transfers/batch`,
      {
        asset: 'BTC',
        network: 'bitcoin',
        destinations: [
          { type: 'wallet', id: other, amount_raw: '10000000' },
          { type: 'external_account', id: account.body.id, amount_raw: '2000000' },
          { type: 'public_address', public_address: legacy, amount_raw: '12000000' },
        ],
      },
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(res.status).toBe(201);
    expect(await assetBalance(api, other, 'bitcoin', 'BTC')).toMatchObject({ available: '0.1' });
    const batch = await mineUntil(
      api,
      'bitcoin',
      async () => {
        const b = (await api.get(`/v1/wallets/${walletId}/transfers/batch/${res.body.id}`)).body;
        return b.items.every((i: { status: string }) => i.status === 'confirmed') ? b : undefined;
      },
      'batch confirmed',
    );
    expect(batch.tx_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(batch.items.map((i: { tx_hash: string | null }) => i.tx_hash)).toEqual([null, batch.tx_hash, batch.tx_hash]);
    const { outputs } = await onChain(batch.tx_hash);
    expect(outputs.slice(0, 2)).toEqual([
      expect.objectContaining({ address: book, amount: 2_000_000n }),
      expect.objectContaining({ address: legacy, amount: 12_000_000n }),
    ]);
    expect(outputs).toHaveLength(3); // and the change
    const fee = (await inputTotal(batch.tx_hash)) - outputs.reduce((s, o) => s + o.amount, 0n);
    expect(await feesBooked()).toBe(fee);
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({ available: '0.76' });
  });

  it('speeds up a stuck send: a child spends its change so both pay the high rate, the ledger moves once', async () => {
    const { walletId } = await fundedWallet(api, 'BTC', 'bitcoin', '0.5');
    const res = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      {
        asset: 'BTC',
        network: 'bitcoin',
        amount: '0.1',
        destination_address: foreignAddresses().p2wpkh,
        fee_level: 'low',
      },
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    const stuck = await waitFor(async () => {
      const tx = await transactionById(api, res.body.id);
      return tx.status === 'broadcast' ? tx : undefined;
    }, 'broadcast, in the mempool');
    const sped = await api.post(
      `/v1/transactions/${res.body.id}/speed-up`,
      { fee_level: 'high' },
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(sped.status).toBe(200);
    expect(sped.body).toMatchObject({ tx_hash: stuck.tx_hash, speed_up: { method: 'cpfp' } });
    const child = sped.body.speed_up.tx_hash as string;
    expect(await rpc('getmempoolentry', [child])).toBeTruthy();
    // The child spends the send's change, to a change address, and the two pay 10 sat/vB (`high`) together.
    const parentTx = await onChain(stuck.tx_hash);
    const childTx = await onChain(child);
    expect(childTx.inputs.map((i) => `${hex.encode(i.txid!)}:${i.index}`)).toEqual([`${stuck.tx_hash}:1`]);
    expect(childTx.outputs).toHaveLength(1);
    const parentFee = (await inputTotal(stuck.tx_hash)) - parentTx.outputs.reduce((s, o) => s + o.amount, 0n);
    const childFee = parentTx.outputs[1].amount - childTx.outputs[0].amount;
    expect(sped.body.speed_up.fee_raw).toBe(childFee.toString());
    const vsize = async (txid: string) =>
      BigInt((await rpc<{ vsize: number }>('getrawtransaction', [txid, true])).vsize);
    expect(parentFee < (await vsize(stuck.tx_hash)) * 10n).toBe(true); // it paid the low rate
    expect(parentFee + childFee >= ((await vsize(stuck.tx_hash)) + (await vsize(child))) * 10n).toBe(true);
    const again = await api.post(
      `/v1/transactions/${res.body.id}/speed-up`,
      {},
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    expect(again.status).toBe(409);
    await mineUntil(
      api,
      'bitcoin',
      async () => (await transactionById(api, res.body.id)).status === 'confirmed',
      'send confirmed',
    );
    expect((await rpc<{ confirmations: number }>('getrawtransaction', [child, true])).confirmations).toBeGreaterThan(0);
    expect(await feesBooked()).toBe(parentFee + childFee);
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({ available: '0.4', ledger: '0.4' });
    // An internal transfer cannot be sped up.
    const other = await activeWallet(api);
    const internal = await api.post(
      `/v1/wallets/${walletId}/transfers`,
      { asset: 'BTC', network: 'bitcoin', amount: '0.01', destination: { type: 'wallet', id: other } },
      { headers: { 'Idempotency-Key': randomUUID() } },
    );
    const refused = await api.post(
      `/v1/transactions/${internal.body.id}/speed-up`,
      {},
      {
        headers: { 'Idempotency-Key': randomUUID() },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
  });

  it('30 concurrent sends from one wallet spend each output once and pay exact amounts', async () => {
    const { walletId } = await fundedWallet(api, 'BTC', 'bitcoin', '1');
    const destinations = Array.from({ length: 30 }, () => foreignAddresses().p2wpkh);
    const replies = await Promise.all(
      destinations.map((to) =>
        api.post(
          `/v1/wallets/${walletId}/transfers`,
          { asset: 'BTC', network: 'bitcoin', amount: '0.01', destination_address: to },
          { headers: { 'Idempotency-Key': randomUUID() } },
        ),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(destinations.map(() => 201));
    const sends = await mineUntil(
      api,
      'bitcoin',
      async () => {
        const all = await Promise.all(replies.map((r) => transactionById(api, r.body.id)));
        return all.every((tx) => tx.status === 'confirmed') ? all : undefined;
      },
      'all 30 sends confirmed',
      90_000,
    );
    const outpoints = new Set<string>();
    let fees = 0n;
    for (const [i, tx] of sends.entries()) {
      const { inputs, outputs } = await onChain(tx.tx_hash);
      for (const input of inputs) {
        const key = `${hex.encode(input.txid!)}:${input.index}`;
        expect(outpoints.has(key)).toBe(false);
        outpoints.add(key);
      }
      expect(outputs.filter((o) => o.address === destinations[i])).toEqual([
        expect.objectContaining({ amount: 1_000_000n }),
      ]);
      fees += (await inputTotal(tx.tx_hash)) - outputs.reduce((s, o) => s + o.amount, 0n);
    }
    expect(new Set(sends.map((s) => s.tx_hash)).size).toBe(30);
    expect(await feesBooked()).toBe(fees);
    expect(await assetBalance(api, walletId, 'bitcoin', 'BTC')).toMatchObject({ available: '0.7', ledger: '0.7' });
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
