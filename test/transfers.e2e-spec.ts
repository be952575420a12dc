import { randomBytes } from 'node:crypto';
import { Address, createPublicClient, getAddress, http, parseAbi } from 'viem';
import { LedgerService } from '@app/ledger';
import { Credentials, expectLedgerConsistent, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import {
  activeWallet,
  assetBalance,
  deposit,
  fundedWallet,
  mineUntil,
  newAddress,
  transactionById,
} from './support/chain';

const randomAddress = () => getAddress(`0x${randomBytes(20).toString('hex')}`);
const key = () => `test-${randomBytes(8).toString('hex')}`;

describe('transfers on the devnet', () => {
  let t: TestApp;
  let creds: Credentials;
  let api: HttpClient;
  let rpc: Record<string, { url: string; usdc: Address }>;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100', WITHDRAWAL_RECHECK_SECONDS: '1' } });
    const setup = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const networks = (await setup.get('/v1/networks')).body.data as Array<{
      chain: string;
      family: string;
      rpc_url: string;
      assets: Array<{ symbol: string; contract_address: string }>;
    }>;
    rpc = Object.fromEntries(
      networks
        .filter((n) => n.rpc_url && n.family === 'evm')
        .map((n) => [
          n.chain,
          { url: n.rpc_url, usdc: n.assets.find((a) => a.symbol === 'USDC')!.contract_address as Address },
        ]),
    );
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  const send = (walletId: string, body: Record<string, unknown>, idempotencyKey = key()) =>
    api.post(`/v1/wallets/${walletId}/transfers`, body, { headers: { 'Idempotency-Key': idempotencyKey } });
  const chain = (network = 'ethereum') => createPublicClient({ transport: http(rpc[network].url) });
  const confirmed = (id: string) =>
    mineUntil(
      api,
      'ethereum',
      async () => {
        const tx = await transactionById(api, id);
        return tx.status === 'confirmed' ? tx : undefined;
      },
      `transfer ${id} confirmed`,
    );

  it('sends ETH to an outside address: it lands there to the wei, the fee goes to the fee account', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '5');
    const to = randomAddress();
    const res = await send(walletId, {
      asset: 'ETH',
      network: 'ethereum',
      amount: '1.25',
      destination_address: to,
      note: 'payout 1',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/transactions/${res.body.id}`);
    expect(res.body).toMatchObject({
      direction: 'outgoing',
      status: 'pending',
      sub_status: 'queued',
      amount: '1.25',
      note: 'payout 1',
      destination: { type: 'public_address', address: to },
    });
    expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({
      available: '3.75',
      pending_out: '1.25',
      ledger: '5',
    });

    const done = await confirmed(res.body.id);
    expect(await chain().getBalance({ address: to })).toBe(1_250_000_000_000_000_000n);
    expect(BigInt(done.fee_raw!)).toBeGreaterThan(0n);
    expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({
      available: '3.75',
      pending_out: '0',
      ledger: '3.75',
    });
    const [fees] = await t.dataSource.query(
      `SELECT debits_posted FROM ledger_accounts WHERE organization_id = $1 AND kind = 'fees' AND asset = 'ETH'`,
      [creds.organizationId],
    );
    expect(BigInt(fees.debits_posted)).toBeGreaterThanOrEqual(BigInt(done.fee_raw!));
    const events = await t.dataSource.query(`SELECT type FROM events WHERE data->>'transaction_id' = $1 ORDER BY seq`, [
      res.body.id,
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'wallet.outgoing_transaction',
      'wallet_transaction.confirming',
      'wallet_transaction.confirmed',
    ]);
  });

  it('speeds up a stuck send with a replacement: same nonce, higher fees, the ledger moves once', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '2');
    await mineUntil(
      api,
      'ethereum',
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM wallet_transactions WHERE wallet_id = $1 AND direction = 'incoming' AND swept_at IS NOT NULL`,
            [walletId],
          )
        ).length === 1,
      'the deposit swept to the master address',
    );
    const node = chain();
    const automine = (on: boolean) => node.request({ method: 'evm_setAutomine' as never, params: [on] as never });
    await automine(false);
    try {
      const to = randomAddress();
      const res = await send(walletId, { asset: 'ETH', network: 'ethereum', amount: '0.5', destination_address: to });
      const stuck = await waitFor(async () => {
        const tx = await transactionById(api, res.body.id);
        return tx.status === 'broadcast' ? tx : undefined;
      }, 'broadcast, in the mempool');
      const before = await node.getTransaction({ hash: stuck.tx_hash as `0x${string}` });
      const sped = await api.post(
        `/v1/transactions/${res.body.id}/speed-up`,
        {},
        { headers: { 'Idempotency-Key': key() } },
      );
      expect(sped.status).toBe(200);
      expect(sped.body).toMatchObject({
        status: 'broadcast',
        speed_up: { method: 'replacement', tx_hash: stuck.tx_hash },
      });
      expect(sped.body.tx_hash).not.toBe(stuck.tx_hash);
      const after = await node.getTransaction({ hash: sped.body.tx_hash as `0x${string}` });
      expect(after.nonce).toBe(before.nonce);
      expect(after.maxFeePerGas! > before.maxFeePerGas!).toBe(true);
      expect(after.maxPriorityFeePerGas! > before.maxPriorityFeePerGas!).toBe(true);
      const again = await api.post(
        `/v1/transactions/${res.body.id}/speed-up`,
        {},
        { headers: { 'Idempotency-Key': key() } },
      );
      expect(again.status).toBe(409);
      await automine(true);
      const done = await confirmed(res.body.id);
      expect(done.tx_hash).toBe(sped.body.tx_hash);
      const receipt = await node.getTransactionReceipt({ hash: done.tx_hash as `0x${string}` });
      expect(done.fee_raw).toBe((receipt.gasUsed * receipt.effectiveGasPrice).toString());
      await expect(node.getTransactionReceipt({ hash: stuck.tx_hash as `0x${string}` })).rejects.toThrow();
      expect(await node.getBalance({ address: to })).toBe(500_000_000_000_000_000n);
      expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({ available: '1.5', ledger: '1.5' });
    } finally {
      await automine(true);
    }
  });

  it('sends USDC: the token lands to the base unit (the deposit is swept to the master with a gas top-up first)', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '40');
    const to = randomAddress();
    const res = await send(walletId, {
      asset: 'USDC',
      network: 'ethereum',
      amount_raw: '12345678',
      destination_address: to,
    });
    expect(res.status).toBe(201);
    await confirmed(res.body.id);
    const onChain = await chain().readContract({
      address: rpc.ethereum.usdc,
      abi: parseAbi(['function balanceOf(address) view returns (uint256)']),
      functionName: 'balanceOf',
      args: [to],
    });
    expect(onChain).toBe(12_345_678n);
    expect((await assetBalance(api, walletId, 'ethereum', 'USDC')).available).toBe('27.654322');
    const [sweep] = await t.dataSource.query(
      `SELECT status, topup_tx_hash FROM sweeps WHERE organization_id = $1 AND asset = 'USDC'`,
      [creds.organizationId],
    );
    expect(sweep).toMatchObject({ status: 'confirmed', topup_tx_hash: expect.stringMatching(/^0x/) });
    // The top-up sent gas to the child address: it is not a deposit.
    expect((await assetBalance(api, walletId, 'ethereum', 'ETH')).ledger).toBe('0');
  });

  it('waits (waiting_for_funds) rather than fails while the master address is short, then sends', async () => {
    const walletId = await activeWallet(api);
    // Credit the wallet in the ledger only (funds that are not on the master address yet).
    const credit = await t.app.get(LedgerService).commit({
      organizationId: creds.organizationId,
      transfers: [
        {
          phase: 'posted',
          debit: { kind: 'external', network: 'ethereum:devnet', asset: 'USDC' },
          credit: { kind: 'wallet', walletId, network: 'ethereum:devnet', asset: 'USDC' },
          amount: 5_000_000n,
          reference: 'test:credit',
        },
      ],
    });
    expect(credit.ok).toBe(true);
    const res = await send(walletId, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '5',
      destination_address: randomAddress(),
    });
    expect(res.status).toBe(201);
    const waiting = await mineUntil(
      api,
      'ethereum',
      async () => {
        const tx = await transactionById(api, res.body.id);
        return tx.sub_status === 'waiting_for_funds' ? tx : undefined;
      },
      'waiting_for_funds',
    );
    expect(waiting.status).toBe('pending');
    const master = (await api.get('/v1/master-wallets')).body.data.find(
      (m: { chain: string }) => m.chain === 'ethereum',
    );
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: master.address, amount: '5' });
    await confirmed(res.body.id);
  });

  it('signs fairly between organizations: 60 sends of one that wait for funds do not keep another organization waiting; an unsigned send can be canceled', async () => {
    // Organization A: 60 sends of USDC its master address does not hold (credited in the ledger only).
    const walletA = await activeWallet(api);
    const credit = await t.app.get(LedgerService).commit({
      organizationId: creds.organizationId,
      transfers: [
        {
          phase: 'posted',
          debit: { kind: 'external', network: 'ethereum:devnet', asset: 'USDC' },
          credit: { kind: 'wallet', walletId: walletA, network: 'ethereum:devnet', asset: 'USDC' },
          amount: 60_000_000n,
          reference: `test:credit:${walletA}`,
        },
      ],
    });
    expect(credit.ok).toBe(true);
    const stuck: string[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await send(walletA, {
        asset: 'USDC',
        network: 'ethereum',
        amount: '1',
        destination_address: randomAddress(),
      });
      expect(res.status).toBe(201);
      stuck.push(res.body.id as string);
    }
    await waitFor(
      async () => (await transactionById(api, stuck[59])).sub_status === 'waiting_for_funds',
      'the last of them looked at and parked',
    );
    // Organization B, later: its send is signed and confirmed all the same.
    const b = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const { walletId: walletB } = await fundedWallet(b, 'ETH', 'ethereum', '1');
    const sent = await b.post(
      `/v1/wallets/${walletB}/transfers`,
      { asset: 'ETH', network: 'ethereum', amount: '0.25', destination_address: randomAddress() },
      { headers: { 'Idempotency-Key': key() } },
    );
    expect(sent.status).toBe(201);
    await mineUntil(
      b,
      'ethereum',
      async () => (await transactionById(b, sent.body.id)).status === 'confirmed',
      "organization B's send confirmed",
    );

    // A cancels one of its waiting sends: failed/canceled, the hold released, the event recorded; again: the same.
    const canceled = await api.post(`/v1/transactions/${stuck[0]}/cancel`, {});
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ status: 'failed', failure_reason: 'canceled', sub_status: null });
    expect(await assetBalance(api, walletA, 'ethereum', 'USDC')).toMatchObject({ available: '1', pending_out: '59' });
    expect((await api.post(`/v1/transactions/${stuck[0]}/cancel`, {})).body.status).toBe('failed');
    const events = await t.dataSource.query(`SELECT type FROM events WHERE data->>'transaction_id' = $1 ORDER BY seq`, [
      stuck[0],
    ]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['wallet_transaction.failed']);
    // A send already confirmed cannot be canceled; another organization's is not found.
    const late = await b.post(`/v1/transactions/${sent.body.id}/cancel`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('conflict');
    expect((await api.post(`/v1/transactions/${sent.body.id}/cancel`, {})).status).toBe(404);
    for (const id of stuck.slice(1)) expect((await api.post(`/v1/transactions/${id}/cancel`, {})).status).toBe(200);
    expect(await assetBalance(api, walletA, 'ethereum', 'USDC')).toMatchObject({ available: '60', pending_out: '0' });
  });

  it("sweeps fairly: 100 dust deposits of one organization are marked and skipped, another organization's deposit is swept", async () => {
    const walletA = await activeWallet(api);
    const dusty: string[] = [];
    for (let i = 0; i < 100; i++) {
      const address = await newAddress(api, walletA, 'ETH', 'ethereum');
      await deposit(api, { network: 'ethereum', asset: 'ETH', address, amount: '0.00000001' });
      dusty.push(address);
    }
    const b = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const { walletId: walletB } = await fundedWallet(b, 'ETH', 'ethereum', '0.5');
    await mineUntil(
      b,
      'ethereum',
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM wallet_transactions WHERE wallet_id = $1 AND direction = 'incoming' AND swept_at IS NOT NULL`,
            [walletB],
          )
        ).length === 1,
      "organization B's deposit swept",
    );
    const marked = await mineUntil(
      api,
      'ethereum',
      async () => {
        const rows = await t.dataSource.query<Array<{ reason: string | null; n: number }>>(
          `SELECT sweep_skip_reason AS reason, count(*)::int AS n FROM wallet_transactions
           WHERE wallet_id = $1 AND direction = 'incoming' AND status = 'confirmed' GROUP BY 1`,
          [walletA],
        );
        return rows.length === 1 && rows[0].reason === 'dust' && rows[0].n === 100 ? rows : undefined;
      },
      "organization A's dust marked",
    );
    expect(marked).toEqual([{ reason: 'dust', n: 100 }]);
    // Dust stays on its addresses and still counts as the wallet's.
    expect(await assetBalance(api, walletA, 'ethereum', 'ETH')).toMatchObject({ available: '0.000001' });
  });

  it('refuses to overdraw: 422 insufficient_funds, nothing held', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'polygon', '3');
    const res = await send(walletId, {
      asset: 'USDC',
      network: 'polygon',
      amount: '3.000001',
      destination_address: randomAddress(),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('insufficient_funds');
    expect(await assetBalance(api, walletId, 'polygon', 'USDC')).toMatchObject({ available: '3', pending_out: '0' });
  });

  it('accepts exactly 10 of 50 concurrent sends of 1 against a balance of 10', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        send(walletId, { asset: 'USDC', network: 'ethereum', amount: '1', destination_address: randomAddress() }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(40);
    expect(refused.every((r) => r.status === 422 && r.body.error.code === 'insufficient_funds')).toBe(true);
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '0', pending_out: '10' });
  });

  it('writes concurrent sends from one wallet together, and each still gets its own answer', async () => {
    const { walletId: a } = await fundedWallet(api, 'USDC', 'ethereum', '20');
    const [b, c] = [await activeWallet(api), await activeWallet(api)];
    // Accounts on both sides exist after these, so the sends below take the one-statement path.
    for (const to of [b, c])
      expect(
        (await send(a, { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: to } }))
          .status,
      ).toBe(201);
    const sendsOf = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS sends, count(DISTINCT l.created_at)::int AS statements FROM ledger_transfers l
           JOIN ledger_accounts d ON d.id = l.debit_account_id WHERE d.wallet_id = $1 AND l.reference LIKE 'internal:%'`,
          [a],
        )
      )[0] as { sends: number; statements: number };
    const before = await sendsOf();

    // All fine: they go through, some of them in one statement (their entries share its transaction timestamp).
    const fine = await Promise.all(
      Array.from({ length: 12 }, () =>
        send(a, { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: b } }),
      ),
    );
    expect(fine.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(fine.map((r) => r.body.id)).size).toBe(12);
    const after = await sendsOf();
    expect(after.sends - before.sends).toBe(12);
    expect(after.statements - before.statements).toBeLessThan(12);

    // A group with bad sends in it writes nothing as a group; each send then gets its own answer.
    await api.patch(`/v1/wallets/${c}`, { status: 'disabled' });
    const keys = Array.from({ length: 15 }, () => key());
    const bodies = keys.map((_, i) => ({
      asset: 'USDC',
      network: 'ethereum',
      amount: '1',
      destination: { type: 'wallet', id: i % 5 === 0 ? c : b },
    }));
    const results = await Promise.all(keys.map((k, i) => send(a, bodies[i], k)));
    // 6 left; 3 go to the disabled wallet (409 naming the destination), 12 to b of which 6 fit.
    const toC = results.filter((_, i) => i % 5 === 0);
    expect(
      toC.every(
        (r) =>
          r.status === 409 &&
          r.body.error.code === 'wallet_not_active' &&
          r.body.error.details.field === 'destination.id',
      ),
    ).toBe(true);
    const toB = results.filter((_, i) => i % 5 !== 0);
    expect(toB.filter((r) => r.status === 201)).toHaveLength(6);
    expect(
      toB.filter((r) => r.status !== 201).every((r) => r.status === 422 && r.body.error.code === 'insufficient_funds'),
    ).toBe(true);
    expect((await assetBalance(api, a, 'ethereum', 'USDC')).available).toBe('0');
    expect((await assetBalance(api, b, 'ethereum', 'USDC')).available).toBe('19');
    // Each reply was stored under its own key: a replay returns the same answer.
    for (const i of [0, 1, 2, 3]) {
      const replay = await send(a, bodies[i], keys[i]);
      expect([replay.status, replay.body]).toEqual([results[i].status, results[i].body]);
    }
  });

  it('writes concurrent internal sends from different wallets of an organization together, balances exact', async () => {
    // A ring: each wallet sends to the next, so a wallet's row is debited by its own sends and credited by another's.
    const ring: string[] = [];
    for (let i = 0; i < 4; i++) ring.push((await fundedWallet(api, 'USDC', 'ethereum', '10')).walletId);
    for (const [i, from] of ring.entries()) {
      expect(
        (
          await send(from, {
            asset: 'USDC',
            network: 'ethereum',
            amount: '1',
            destination: { type: 'wallet', id: ring[(i + 1) % 4] },
          })
        ).status,
      ).toBe(201);
    }
    const statementsOf = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS sends, count(DISTINCT l.created_at)::int AS statements
           FROM ledger_transfers l JOIN ledger_accounts d ON d.id = l.debit_account_id
           WHERE d.wallet_id = ANY($1::uuid[]) AND l.reference LIKE 'internal:%'`,
          [ring],
        )
      )[0] as { sends: number; statements: number };
    const before = await statementsOf();
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        send(ring[i % 4], {
          asset: 'USDC',
          network: 'ethereum',
          amount: '0.5',
          destination: { type: 'wallet', id: ring[(i + 1) % 4] },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(24).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(24);
    const after = await statementsOf();
    expect(after.sends - before.sends).toBe(24);
    expect(after.statements - before.statements).toBeLessThan(24);
    // Some statement carried sends of several source wallets.
    const [{ mixed }] = await t.dataSource.query(
      `SELECT count(*)::int AS mixed FROM (SELECT l.created_at FROM ledger_transfers l JOIN ledger_accounts d ON d.id = l.debit_account_id
         WHERE d.wallet_id = ANY($1::uuid[]) AND l.reference LIKE 'internal:%' GROUP BY l.created_at HAVING count(DISTINCT d.wallet_id) > 1) g`,
      [ring],
    );
    expect(mixed).toBeGreaterThan(0);
    // And some statement both debited and credited one wallet (each held enough before it for its own sends).
    const [{ both }] = await t.dataSource.query(
      `WITH s AS (SELECT l.created_at AS statement, d.wallet_id AS debited, c.wallet_id AS credited FROM ledger_transfers l
         JOIN ledger_accounts d ON d.id = l.debit_account_id JOIN ledger_accounts c ON c.id = l.credit_account_id
         WHERE d.wallet_id = ANY($1::uuid[]) AND l.reference LIKE 'internal:%')
       SELECT count(DISTINCT a.statement)::int AS both FROM s a JOIN s b ON b.statement = a.statement AND b.credited = a.debited`,
      [ring],
    );
    expect(both).toBeGreaterThan(0);
    // Every wallet sent 6 x 0.5 and received 6 x 0.5 (plus the setup's 1 in, 1 out): each is back at 10.
    for (const w of ring) expect((await assetBalance(api, w, 'ethereum', 'USDC')).available).toBe('10');
  });

  it('never lets concurrent sends pay for each other: two wallets sending each other more than they hold both fail', async () => {
    const { walletId: a } = await fundedWallet(api, 'USDC', 'ethereum', '1');
    const { walletId: b } = await fundedWallet(api, 'USDC', 'ethereum', '1');
    // Alone, each is an overdraft; summed per wallet in one statement, each pair nets to zero.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(i % 2 ? b : a, {
          asset: 'USDC',
          network: 'ethereum',
          amount: '1.5',
          destination: { type: 'wallet', id: i % 2 ? a : b },
        }),
      ),
    );
    expect(results.map((r) => [r.status, r.body.error?.code])).toEqual(Array(12).fill([422, 'insufficient_funds']));
    for (const w of [a, b]) expect((await assetBalance(api, w, 'ethereum', 'USDC')).available).toBe('1');
    // Each answer is its own request's.
    const ok = await Promise.all(
      [a, b].map((from, i) =>
        send(from, {
          asset: 'USDC',
          network: 'ethereum',
          amount: '0.25',
          destination: { type: 'wallet', id: i ? a : b },
        }),
      ),
    );
    expect(ok.map((r) => [r.status, r.body.wallet_id, r.body.destination.wallet_id])).toEqual([
      [201, a, b],
      [201, b, a],
    ]);
  });

  it('moves funds between two wallets of the organization instantly, off-chain', async () => {
    const { walletId: a } = await fundedWallet(api, 'USDC', 'ethereum', '20');
    const b = await activeWallet(api);
    const res = await send(a, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '7.5',
      destination: { type: 'wallet', id: b },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      tx_hash: null,
      destination: { type: 'wallet', wallet_id: b },
    });
    expect((await assetBalance(api, a, 'ethereum', 'USDC')).available).toBe('12.5');
    expect((await assetBalance(api, b, 'ethereum', 'USDC')).available).toBe('7.5');
    const incoming = (await api.get(`/v1/wallets/${b}/transactions`)).body.data[0];
    expect(incoming).toMatchObject({ direction: 'incoming', status: 'confirmed', amount: '7.5' });
    const other = await createOrganization(t);
    const foreign = await t.http.post('/v1/wallets', {}, { auth: { kind: 'hmac', creds: other } });
    const cross = await send(a, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '1',
      destination: { type: 'wallet', id: foreign.body.id },
    });
    expect(cross.status).toBe(404);
    expect(
      (await send(a, { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: a } })).body
        .error.code,
    ).toBe('invalid_address');
  });

  it('runs a batch all-or-nothing, naming the bad item', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const b = await activeWallet(api);
    const book = await api.post('/v1/external-accounts', {
      network: 'ethereum',
      address: randomAddress().toLowerCase(),
      label: 'treasury',
    });
    expect(book.status).toBe(201);
    const batch = (destinations: unknown[]) =>
      api.post(
        `/v1/wallets/${walletId}/transfers/batch`,
        { asset: 'USDC', network: 'ethereum', destinations },
        { headers: { 'Idempotency-Key': key() } },
      );

    const tooMuch = await batch([
      { type: 'wallet', id: b, amount: '4' },
      { type: 'external_account', id: book.body.id, amount_raw: '3000000' },
      { type: 'public_address', public_address: randomAddress(), amount: '3.5' },
    ]);
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({ code: 'insufficient_funds', details: { index: 2 } });
    const badAddress = await batch([
      { type: 'wallet', id: b, amount: '1' },
      { type: 'public_address', address: '0x1234', amount: '1' },
    ]);
    expect(badAddress.body.error).toMatchObject({ code: 'invalid_address', details: { index: 1 } });
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '10', pending_out: '0' });
    expect((await api.get(`/v1/wallets/${b}/balance?network=ethereum&asset=USDC`)).body.available).toBe('0');

    const ok = await batch([
      { type: 'wallet', wallet_id: b, amount: '4' },
      { type: 'external_account', id: book.body.id, amount_raw: '3000000' },
      { type: 'public_address', address: randomAddress(), amount: '2.5' },
    ]);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ asset: 'USDC', network: 'ethereum', total: '9.5', total_raw: '9500000' });
    expect(
      ok.body.items.map((i: { index: number; type: string; status: string }) => [i.index, i.type, i.status]),
    ).toEqual([
      [0, 'wallet', 'confirmed'],
      [1, 'external_account', 'pending'],
      [2, 'public_address', 'pending'],
    ]);
    expect((await assetBalance(api, b, 'ethereum', 'USDC')).available).toBe('4');
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({
      available: '0.5',
      pending_out: '5.5',
    });
    for (const item of ok.body.items.slice(1)) await confirmed(item.transaction_id);
    const bookBalance = await chain().readContract({
      address: rpc.ethereum.usdc,
      abi: parseAbi(['function balanceOf(address) view returns (uint256)']),
      functionName: 'balanceOf',
      args: [book.body.address],
    });
    expect(bookBalance).toBe(3_000_000n);
  });

  it('a refused batch leaves nothing behind that breaks later credits (an account created in a rolled-back transaction is not remembered)', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const fresh = await activeWallet(api); // has no USDC account yet: the batch creates it, then rolls back
    const refused = await api.post(
      `/v1/wallets/${walletId}/transfers/batch`,
      {
        asset: 'USDC',
        network: 'ethereum',
        destinations: [
          { type: 'wallet', id: fresh, amount: '1' },
          { type: 'wallet', id: fresh, amount: '1000' },
        ],
      },
      { headers: { 'Idempotency-Key': key() } },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'insufficient_funds', details: { index: 1 } });
    const later = await send(walletId, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '1',
      destination: { type: 'wallet', id: fresh },
    });
    expect(later.status).toBe(201);
    expect((await assetBalance(api, fresh, 'ethereum', 'USDC')).available).toBe('1');
  });

  it('a refused first send creates no ledger account on either side; ids are case-insensitive', async () => {
    const { walletId } = await fundedWallet(api, 'USDC', 'ethereum', '1');
    const empty = await activeWallet(api);
    const fresh = await activeWallet(api);
    const accounts = async (id: string) =>
      Number((await t.dataSource.query('SELECT count(*) AS n FROM ledger_accounts WHERE wallet_id = $1', [id]))[0].n);
    // From a wallet that never held USDC, and to one that never did: both refused, nothing left behind.
    expect(
      (
        await send(empty, {
          asset: 'USDC',
          network: 'ethereum',
          amount: '1',
          destination: { type: 'wallet', id: fresh },
        })
      ).body.error.code,
    ).toBe('insufficient_funds');
    expect(
      (
        await send(walletId, {
          asset: 'USDC',
          network: 'ethereum',
          amount: '5',
          destination: { type: 'wallet', id: fresh },
        })
      ).body.error.code,
    ).toBe('insufficient_funds');
    expect(await accounts(empty)).toBe(0);
    expect(await accounts(fresh)).toBe(0);
    const upper = await send(walletId.toUpperCase(), {
      asset: 'USDC',
      network: 'ethereum',
      amount: '0.25',
      destination: { type: 'wallet', id: fresh.toUpperCase() },
    });
    expect(upper.status).toBe(201);
    expect((await assetBalance(api, fresh, 'ethereum', 'USDC')).available).toBe('0.25');
  });

  it('checks both wallets in the send statement itself: a disabled source or destination writes nothing and says which', async () => {
    const { walletId: a } = await fundedWallet(api, 'USDC', 'ethereum', '10');
    const b = await activeWallet(api);
    // Both ledger accounts exist after this, so later sends take the one-statement path.
    expect(
      (await send(a, { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: b } }))
        .status,
    ).toBe(201);
    const rows = async () =>
      Number(
        (
          await t.dataSource.query('SELECT count(*) AS n FROM wallet_transactions WHERE wallet_id = ANY($1::uuid[])', [
            [a, b],
          ])
        )[0].n,
      );
    const events = async () =>
      Number(
        (
          await t.dataSource.query('SELECT count(*) AS n FROM events WHERE organization_id = $1', [
            creds.organizationId,
          ])
        )[0].n,
      );
    const [rowsBefore, eventsBefore] = [await rows(), await events()];

    await api.patch(`/v1/wallets/${b}`, { status: 'disabled' });
    const toDisabled = await send(a, {
      asset: 'USDC',
      network: 'ethereum',
      amount: '1',
      destination: { type: 'wallet', id: b },
    });
    expect([toDisabled.status, toDisabled.body.error.code, toDisabled.body.error.details.field]).toEqual([
      409,
      'wallet_not_active',
      'destination.id',
    ]);
    await api.patch(`/v1/wallets/${b}`, { status: 'active' });
    await api.patch(`/v1/wallets/${a}`, { status: 'disabled' });
    const fromDisabled = await send(
      a,
      { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: b } },
      'same-key',
    );
    expect([fromDisabled.status, fromDisabled.body.error.code]).toEqual([409, 'wallet_not_active']);
    expect(await rows()).toBe(rowsBefore);
    expect(await events()).toBe(eventsBefore);
    expect((await assetBalance(api, a, 'ethereum', 'USDC')).available).toBe('9');

    // A 409 does not use up the key: once the wallet is active again, the same request goes through.
    await api.patch(`/v1/wallets/${a}`, { status: 'active' });
    const retried = await send(
      a,
      { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: b } },
      'same-key',
    );
    expect(retried.status).toBe(201);
    expect((await assetBalance(api, b, 'ethereum', 'USDC')).available).toBe('2');

    // An unknown source wallet is named before a bad request, as if it had been read first.
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await send(unknown, { asset: 'DOGE', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: b } }))
        .status,
    ).toBe(404);
  });

  it('stores the response of a send in the send statement: a replay returns the same body and Location', async () => {
    const { walletId: a } = await fundedWallet(api, 'USDC', 'ethereum', '5');
    const b = await activeWallet(api);
    await send(a, { asset: 'USDC', network: 'ethereum', amount: '1', destination: { type: 'wallet', id: b } }); // accounts exist now
    const body = { asset: 'USDC', network: 'ethereum', amount: '2', destination: { type: 'wallet', id: b } };
    const first = await send(a, body, 'inline-key');
    expect(first.status).toBe(201);
    const [stored] = await t.dataSource.query(
      'SELECT response_status, response_body, response_headers FROM idempotency_keys WHERE organization_id = $1 AND key = $2',
      [creds.organizationId, 'inline-key'],
    );
    expect(stored).toEqual({
      response_status: 201,
      response_body: first.body,
      response_headers: { Location: `/v1/transactions/${first.body.id}` },
    });
    const replay = await send(a, body, 'inline-key');
    expect([replay.status, replay.headers.get('idempotent-replayed'), replay.headers.get('location')]).toEqual([
      201,
      'true',
      first.headers.get('location'),
    ]);
    expect(replay.body).toEqual(first.body);
    expect((await assetBalance(api, a, 'ethereum', 'USDC')).available).toBe('2');
  });

  it('validates sends with clear errors', async () => {
    const { walletId } = await fundedWallet(api, 'ETH', 'ethereum', '1');
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [
        { asset: 'ETH', network: 'ethereum', amount: '1e-3', destination_address: randomAddress() },
        422,
        'invalid_amount',
      ],
      [
        { asset: 'ETH', network: 'ethereum', amount: '-1', destination_address: randomAddress() },
        422,
        'invalid_amount',
      ],
      [
        { asset: 'ETH', network: 'ethereum', amount: '0.1', amount_raw: '1', destination_address: randomAddress() },
        422,
        'invalid_amount',
      ],
      [{ asset: 'ETH', network: 'ethereum', amount: '0.1', destination_address: '0xnothex' }, 422, 'invalid_address'],
      [
        {
          asset: 'ETH',
          network: 'ethereum',
          amount: '0.1',
          destination_address: '0x8ba1f109551bd432803012645ac136ddd64DBA72',
        },
        422,
        'invalid_address',
      ],
      [
        { asset: 'USDT', network: 'tron', amount: '1', destination_address: 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH' },
        422,
        'unsupported_asset_network',
      ],
      [
        { asset: 'DOGE', network: 'ethereum', amount: '1', destination_address: randomAddress() },
        422,
        'unsupported_asset_network',
      ],
      [{ asset: 'ETH', network: 'ethereum', amount: '0.1' }, 400, 'invalid_request'],
      [
        { asset: 'ETH', network: 'ethereum', amount: 0.1, destination_address: randomAddress() },
        400,
        'invalid_request',
      ],
      [
        {
          asset: 'ETH',
          network: 'ethereum',
          amount: '0.1',
          destination_address: randomAddress(),
          note: 'x'.repeat(501),
        },
        400,
        'invalid_request',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await send(walletId, body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status, code });
    }
    expect(await assetBalance(api, walletId, 'ethereum', 'ETH')).toMatchObject({ available: '1', pending_out: '0' });
    await api.patch(`/v1/wallets/${walletId}`, { status: 'disabled' });
    expect(
      (await send(walletId, { asset: 'ETH', network: 'ethereum', amount: '0.1', destination_address: randomAddress() }))
        .body.error.code,
    ).toBe('wallet_not_active');
  });

  it('keeps an address book', async () => {
    const address = randomAddress();
    const created = await api.post('/v1/external-accounts', {
      network: 'ethereum',
      address: address.toLowerCase(),
      label: 'cold',
    });
    expect(created.body).toMatchObject({ network: 'ethereum', address, label: 'cold' });
    const dup = await api.post('/v1/external-accounts', { network: 'ethereum', address });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details.id).toBe(created.body.id);
    expect((await api.post('/v1/external-accounts', { network: 'bitcoin', address })).body.error.code).toBe(
      'invalid_address',
    );
    expect((await api.get('/v1/external-accounts')).body.data.map((e: { id: string }) => e.id)).toEqual([
      created.body.id,
    ]);
    expect((await api.delete(`/v1/external-accounts/${created.body.id}`)).body).toEqual({
      id: created.body.id,
      deleted: true,
    });
    expect((await api.get(`/v1/external-accounts/${created.body.id}`)).status).toBe(404);
    const other = t.http.as({ kind: 'hmac', creds: await createOrganization(t) });
    const mine = await api.post('/v1/external-accounts', { network: 'polygon', address });
    expect((await other.get(`/v1/external-accounts/${mine.body.id}`)).status).toBe(404);
  });

  it('estimates fees in three levels from the node', async () => {
    const res = await api.get('/v1/fees?network=ethereum&asset=USDC');
    expect(res.body).toMatchObject({ network: 'ethereum', asset: 'USDC', fee_asset: 'ETH' });
    const levels = ['low', 'medium', 'high'].map((l) => BigInt(res.body[l].estimated_fee_raw));
    expect(levels[0] <= levels[1] && levels[1] <= levels[2]).toBe(true);
    expect(BigInt(res.body.gas_limit)).toBeGreaterThan(21_000n);
    expect((await api.get('/v1/fees?network=ethereum')).body.gas_limit).toBe('21000');
    expect((await api.get('/v1/fees?network=tron')).body.error.code).toBe('invalid_network');
  });
});
