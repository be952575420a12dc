import { randomBytes } from 'node:crypto';
import { hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { p2wpkh, Transaction } from '@scure/btc-signer';
import { Address, createPublicClient, getAddress, http, parseAbi } from 'viem';
import { FaultInjector } from '@app/common';
import { Credentials, expectLedgerConsistent, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { fundedWallet, mineUntil, transactionById } from './support/chain';

const randomAddress = () => getAddress(`0x${randomBytes(20).toString('hex')}`);
const ENV = { JOBS_POLL_INTERVAL_MS: '100', FAULT_INJECTION: 'true' };
const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef };

/**
 * docs/idempotency.md (crash safety): stop a send at each point of its path, restart the service on the same database
 * and chain,
 * and the transfer completes exactly once on chain. A fault point aborts the operation where a crash would (the
 * database transaction rolls back; nothing after it runs); the app is then closed and a new one started.
 */
describe('a send interrupted at any point completes exactly once after a restart', () => {
  async function scenario(point: string, reached: (t: TestApp, id: string) => Promise<boolean>): Promise<void> {
    const first = await createTestApp({ env: ENV });
    const creds: Credentials = await createOrganization(first);
    let api = first.http.as({ kind: 'hmac', creds });
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '50');
    const usdc = (await api.get('/v1/networks')).body.data
      .find((n: { chain: string }) => n.chain === 'ethereum')
      .assets.find((a: { symbol: string }) => a.symbol === 'USDC').contract_address as Address;
    const to = randomAddress();
    const key = `crash-${point}`;
    const body = { asset: 'USDC', network: 'ethereum', amount: '7.25', destination_address: to };
    first.app.get(FaultInjector).arm(point, 1_000_000);
    const res = await api.post(`/v1/wallets/${walletId}/transfers`, body, { headers: { 'Idempotency-Key': key } });
    expect(res.status).toBe(201);
    await mineUntil(api, 'ethereum', async () => reached(first, res.body.id), `the fault point ${point}`);
    await first.close();

    const second = await createTestApp({
      database: first.database,
      dataDir: first.config.dataDir,
      env: { JOBS_POLL_INTERVAL_MS: '100' },
    });
    try {
      api = second.http.as({ kind: 'hmac', creds });
      const retry = await api.post(`/v1/wallets/${walletId}/transfers`, body, { headers: { 'Idempotency-Key': key } });
      expect(retry.body.id).toBe(res.body.id);
      await mineUntil(
        api,
        'ethereum',
        async () => (await transactionById(api, res.body.id)).status === 'confirmed',
        'confirmed after restart',
      );
      const rpc = (await api.get('/v1/networks')).body.data.find((n: { chain: string }) => n.chain === 'ethereum')
        .rpc_url as string;
      const onChain = await createPublicClient({ transport: http(rpc) }).readContract({
        address: usdc,
        abi: parseAbi(['function balanceOf(address) view returns (uint256)']),
        functionName: 'balanceOf',
        args: [to],
      });
      expect(onChain).toBe(7_250_000n);
      await new Promise((r) => setTimeout(r, 500)); // more ticks change nothing
      const rows = await second.dataSource.query(
        `SELECT phase FROM ledger_transfers WHERE reference = $1 ORDER BY created_at`,
        [`withdrawal:${res.body.id}`],
      );
      expect(rows.map((r: { phase: string }) => r.phase)).toEqual(['pending', 'post_pending']);
      expect((await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=USDC`)).body).toMatchObject({
        available: '42.75',
        pending_out: '0',
      });
      await expectLedgerConsistent(second);
    } finally {
      await second.close();
    }
  }

  const row = async (t: TestApp, id: string) =>
    (
      await t.dataSource.query(
        'SELECT status, sub_status, tx_hash, confirmations, required_confirmations FROM wallet_transactions WHERE id = $1',
        [id],
      )
    )[0];

  it('after the transaction was signed and stored, before it was broadcast', () =>
    scenario('transfer.after_sign', async (t, id) => (await row(t, id)).sub_status === 'signed'));

  it('after it was broadcast, before that was recorded', () =>
    scenario('transfer.after_broadcast', async (t, id) => {
      const r = await row(t, id);
      if (r.sub_status !== 'signed') return false;
      const rpc = t.config.rpcUrls.ethereum;
      const receipt = await createPublicClient({ transport: http(rpc) })
        .getTransactionReceipt({ hash: r.tx_hash })
        .catch(() => undefined);
      return receipt !== undefined; // it is on chain, and the database still says `signed`
    }));

  it('with the confirmations reached, before the hold was posted', () =>
    scenario('transfer.before_confirm', async (t, id) => {
      const r = await row(t, id);
      return r.status === 'confirming' && r.confirmations >= r.required_confirmations - 1;
    }));

  /** One app, a wallet funded with 10 USDC, and `point` armed once; the ledger is checked afterwards. */
  async function insideTheApiCall(
    point: string,
    run: (api: HttpClient, walletId: string) => Promise<void>,
  ): Promise<void> {
    const t = await createTestApp({ env: ENV });
    try {
      const api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
      const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
      t.app.get(FaultInjector).arm(point, 1);
      await run(api, walletId);
      await expectLedgerConsistent(t);
    } finally {
      await t.close();
    }
  }
  const outgoing = async (api: HttpClient, walletId: string) =>
    (await api.get(`/v1/wallets/${walletId}/transactions?direction=outgoing`)).body.data as Array<{ id: string }>;

  it('inside the API call, after the send committed but before the reply: the retry with the same key returns that send', () =>
    insideTheApiCall('transfer.after_commit', async (api, walletId) => {
      // The destination already has a USDC account, so the send takes the one-statement path.
      const other = await fundedWallet(api, 'USDC', 'ethereum', '1');
      const body = {
        asset: 'USDC',
        network: 'ethereum',
        amount: '2',
        destination: { type: 'wallet', id: other.walletId },
      };
      const lost = await api.post(`/v1/wallets/${walletId}/transfers`, body, {
        headers: { 'Idempotency-Key': 'k-lost-reply' },
      });
      expect(lost.status).toBe(500);
      const sent = await outgoing(api, walletId);
      expect(sent).toHaveLength(1);
      const retry = await api.post(`/v1/wallets/${walletId}/transfers`, body, {
        headers: { 'Idempotency-Key': 'k-lost-reply' },
      });
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(sent[0].id);
      expect(await outgoing(api, walletId)).toHaveLength(1);
      expect((await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=USDC`)).body.available).toBe('8');
      expect((await api.get(`/v1/wallets/${other.walletId}/balance?network=ethereum&asset=USDC`)).body.available).toBe(
        '3',
      );
    }));

  it('inside the API call, before its transaction committed: the retry with the same key runs it once', () =>
    insideTheApiCall('transfer.before_commit', async (api, walletId) => {
      const body = { asset: 'USDC', network: 'ethereum', amount: '1', destination_address: randomAddress() };
      const crashed = await api.post(`/v1/wallets/${walletId}/transfers`, body, {
        headers: { 'Idempotency-Key': 'k-commit' },
      });
      expect(crashed.status).toBe(500);
      expect(await outgoing(api, walletId)).toHaveLength(0);
      const retry = await api.post(`/v1/wallets/${walletId}/transfers`, body, {
        headers: { 'Idempotency-Key': 'k-commit' },
      });
      expect(retry.status).toBe(201);
      await waitFor(async () => (await outgoing(api, walletId)).length === 1, 'one transfer');
      expect((await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=USDC`)).body).toMatchObject({
        available: '9',
        pending_out: '1',
      });
    }));
});

/**
 * The same on Bitcoin: the node's chain lives in the data directory, so the restarted service finds the transaction
 * the first one signed (or broadcast), and the send leaves exactly once: one transaction on chain pays the
 * destination, its inputs spent once.
 */
describe('a bitcoin send interrupted at any point completes exactly once after a restart', () => {
  const BTC_ENV = { ...ENV, CONFIRMATIONS_BITCOIN: '2' };

  async function rpcOf(api: HttpClient) {
    const url = new URL(
      (await api.get('/v1/networks')).body.data.find((n: { chain: string }) => n.chain === 'bitcoin').rpc_url as string,
    );
    const auth = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`);
    return async <T>(method: string, params: unknown[] = []): Promise<T> => {
      const res = await fetch(`${url.protocol}//${url.host}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${auth.toString('base64')}` },
        body: JSON.stringify({ jsonrpc: '1.0', id: 1, method, params }),
      });
      const body = (await res.json()) as { result: T; error: { message: string } | null };
      if (body.error) throw new Error(`${method}: ${body.error.message}`);
      return body.result;
    };
  }

  async function scenario(point: string, reached: (t: TestApp, id: string) => Promise<boolean>): Promise<void> {
    const first = await createTestApp({ env: BTC_ENV });
    const creds: Credentials = await createOrganization(first);
    let api = first.http.as({ kind: 'hmac', creds });
    const { walletId } = await fundedWallet(api, 'BTC', 'bitcoin', '0.5');
    let rpc = await rpcOf(api);
    const from = await rpc<number>('getblockcount');
    const payment = p2wpkh(HDKey.fromMasterSeed(randomBytes(32)).publicKey!, REGTEST);
    const [to, toScript] = [payment.address, hex.encode(payment.script)];
    const key = `crash-btc-${point}`;
    const body = { asset: 'BTC', network: 'bitcoin', amount: '0.1', destination_address: to };
    first.app.get(FaultInjector).arm(point, 1_000_000);
    const res = await api.post(`/v1/wallets/${walletId}/transfers`, body, { headers: { 'Idempotency-Key': key } });
    expect(res.status).toBe(201);
    await mineUntil(api, 'bitcoin', async () => reached(first, res.body.id), `the fault point ${point}`);
    await first.close();

    const second = await createTestApp({
      database: first.database,
      dataDir: first.config.dataDir,
      env: { JOBS_POLL_INTERVAL_MS: '100', CONFIRMATIONS_BITCOIN: '2' },
    });
    try {
      api = second.http.as({ kind: 'hmac', creds });
      rpc = await rpcOf(api);
      const retry = await api.post(`/v1/wallets/${walletId}/transfers`, body, { headers: { 'Idempotency-Key': key } });
      expect(retry.body.id).toBe(res.body.id);
      await mineUntil(
        api,
        'bitcoin',
        async () => (await transactionById(api, res.body.id)).status === 'confirmed',
        'confirmed after restart',
      );
      await new Promise((r) => setTimeout(r, 500)); // more ticks change nothing
      // Every block since the send, read from the node: one transaction pays the destination, exactly the amount.
      const payments: bigint[] = [];
      const head = await rpc<number>('getblockcount');
      for (let h = from + 1; h <= head; h++) {
        const block = await rpc<{ tx: string[] }>('getblock', [await rpc<string>('getblockhash', [h]), 1]);
        for (const txid of block.tx) {
          const raw = hex.decode(await rpc<string>('getrawtransaction', [txid, false]));
          const tx = Transaction.fromRaw(raw, { allowUnknownOutputs: true });
          for (let i = 0; i < tx.outputsLength; i++) {
            const o = tx.getOutput(i);
            if (hex.encode(o.script!) === toScript) payments.push(o.amount!);
          }
        }
      }
      expect(payments).toEqual([10_000_000n]);
      const rows = await second.dataSource.query(
        `SELECT phase FROM ledger_transfers WHERE reference = $1 ORDER BY created_at`,
        [`withdrawal:${res.body.id}`],
      );
      expect(rows.map((r: { phase: string }) => r.phase)).toEqual(['pending', 'post_pending']);
      const fees = await second.dataSource.query(
        `SELECT count(*)::int AS n FROM ledger_transfers WHERE reference = $1`,
        [`fee:${(await transactionById(api, res.body.id)).tx_hash}`],
      );
      expect(fees[0].n).toBe(1);
      expect((await api.get(`/v1/wallets/${walletId}/balance?network=bitcoin&asset=BTC`)).body).toMatchObject({
        available: '0.4',
        pending_out: '0',
      });
      await expectLedgerConsistent(second);
    } finally {
      await second.close();
    }
  }

  const row = async (t: TestApp, id: string) =>
    (
      await t.dataSource.query(
        'SELECT status, sub_status, tx_hash, confirmations, required_confirmations FROM wallet_transactions WHERE id = $1',
        [id],
      )
    )[0];

  it('after the transaction was signed and stored, before it was broadcast', () =>
    scenario('transfer.after_sign', async (t, id) => (await row(t, id)).sub_status === 'signed'));

  it('after it was broadcast, before that was recorded', () =>
    scenario('transfer.after_broadcast', async (t, id) => {
      const r = await row(t, id);
      if (r.sub_status !== 'signed') return false;
      const api = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
      // The node holds it, and the database still says `signed`.
      return (await rpcOf(api))('getrawtransaction', [r.tx_hash, false]).then(
        () => true,
        () => false,
      );
    }));

  it('with the confirmations reached, before the holds were posted', () =>
    scenario('transfer.before_confirm', async (t, id) => {
      const r = await row(t, id);
      return r.status === 'confirming' && r.confirmations >= r.required_confirmations - 1;
    }));
});
