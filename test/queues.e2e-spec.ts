import { randomBytes } from 'node:crypto';
import { Address, createPublicClient, getAddress, http } from 'viem';
import { GAS_FAUCET, GasFaucet } from '@app/chains';
import { LedgerService } from '@app/ledger';
import { expectLedgerConsistent, HttpClient, waitFor } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { activeWallet, assetBalance, deposit, mine, mineUntil, newAddress, transactionById } from './support/chain';

const randomAddress = () => getAddress(`0x${randomBytes(20).toString('hex')}`);
const key = () => `test-${randomBytes(8).toString('hex')}`;

interface DepositRow {
  to_address: string;
  amount: string;
  swept_at: Date | null;
  reason: string | null;
  retry_in: number | null;
  retry_at: Date | null;
}

/** The confirmed deposits of a wallet as the sweeper left them (`retry_in`: seconds from the database's now). */
const depositRows = (t: TestApp, walletId: string) =>
  t.dataSource.query<DepositRow[]>(
    `SELECT to_address, amount::text AS amount, swept_at, sweep_skip_reason AS reason, sweep_retry_at AS retry_at,
            extract(epoch FROM sweep_retry_at - now())::float AS retry_in
     FROM wallet_transactions WHERE wallet_id = $1 AND direction = 'incoming' AND status = 'confirmed'
     ORDER BY created_at`,
    [walletId],
  );

const sweepsOf = (t: TestApp, organizationId: string) =>
  t.dataSource.query<Array<{ address: string; status: string; amount: string; topup_tx_hash: string | null }>>(
    `SELECT address, status, amount::text AS amount, topup_tx_hash FROM sweeps WHERE organization_id = $1 ORDER BY created_at`,
    [organizationId],
  );

const masterOf = async (api: HttpClient): Promise<Address> => {
  const res = await api.post('/v1/master-wallets', { chain: 'ethereum', network: 'devnet' });
  expect([200, 201]).toContain(res.status);
  return res.body.address as Address;
};

/** Credits a wallet in the ledger only: funds its organization's master address does not hold. */
const creditInLedger = async (t: TestApp, organizationId: string, walletId: string, amount: bigint) => {
  const credit = await t.app.get(LedgerService).commit({
    organizationId,
    transfers: [
      {
        phase: 'posted',
        debit: { kind: 'external', network: 'ethereum:devnet', asset: 'USDC' },
        credit: { kind: 'wallet', walletId, network: 'ethereum:devnet', asset: 'USDC' },
        amount,
        reference: `test:credit:${walletId}`,
      },
    ],
  });
  expect(credit.ok).toBe(true);
};

describe('fair queues: sweep minimums and waking parked sends (SWEEP_RETRY_SECONDS and WITHDRAWAL_RECHECK_SECONDS long)', () => {
  let t: TestApp;
  let api: HttpClient;
  let organizationId: string;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        JOBS_POLL_INTERVAL_MS: '100',
        SWEEP_MINIMUMS: 'USDC:5',
        SWEEP_RETRY_SECONDS: '600',
        WITHDRAWAL_RECHECK_SECONDS: '600',
      },
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    const creds = await createOrganization(t);
    organizationId = creds.organizationId;
    api = t.http.as({ kind: 'hmac', creds });
  });
  afterEach(() => expectLedgerConsistent(t));

  const send = (walletId: string, amount: string) =>
    api.post(
      `/v1/wallets/${walletId}/transfers`,
      { asset: 'USDC', network: 'ethereum', amount, destination_address: randomAddress() },
      { headers: { 'Idempotency-Key': key() } },
    );

  /** The send parked for WITHDRAWAL_RECHECK_SECONDS (600 s), as the database has it. */
  const parked = async (id: string) => {
    await waitFor(async () => (await transactionById(api, id)).sub_status === 'waiting_for_funds', 'send parked');
    const [row] = await t.dataSource.query<Array<{ sub_status: string; tx_hash: string | null; next_in: number }>>(
      `SELECT sub_status, tx_hash, extract(epoch FROM next_attempt_at - now())::float AS next_in
       FROM wallet_transactions WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ sub_status: 'waiting_for_funds', tx_hash: null });
    expect(row.next_in).toBeGreaterThan(590);
    expect(row.next_in).toBeLessThanOrEqual(600);
  };

  const confirmedWithin = async (id: string, since: number, limitMs: number) => {
    const tx = await mineUntil(
      api,
      'ethereum',
      async () => {
        const tx = await transactionById(api, id);
        return tx.status === 'confirmed' ? tx : undefined;
      },
      `send ${id} woken and confirmed`,
      limitMs,
    );
    expect(Date.now() - since).toBeLessThan(limitMs);
    return tx;
  };

  it('SWEEP_MINIMUMS: a USDC address below the minimum is skipped (below_minimum, retry in 600 s); one at it is swept; topped up to it, swept at once', async () => {
    const walletId = await activeWallet(api);
    const low = await newAddress(api, walletId, 'USDC', 'ethereum');
    const at = await newAddress(api, walletId, 'USDC', 'ethereum');
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: low, amount: '4.999999' });
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: at, amount: '5' });
    const rows = await mineUntil(
      api,
      'ethereum',
      async () => {
        const rows = await depositRows(t, walletId);
        const byAddress = new Map(rows.map((r) => [r.to_address, r]));
        return byAddress.get(low)?.reason && byAddress.get(at)?.swept_at ? byAddress : undefined;
      },
      'the deposit below the minimum marked, the one at it swept',
    );
    expect(rows.get(low)).toMatchObject({ amount: '4999999', reason: 'below_minimum', swept_at: null });
    expect(rows.get(low)!.retry_in).toBeGreaterThan(590);
    expect(rows.get(low)!.retry_in).toBeLessThanOrEqual(600);
    expect(rows.get(at)).toMatchObject({ amount: '5000000', reason: null, retry_at: null });
    expect(await sweepsOf(t, organizationId)).toEqual([
      { address: at, status: 'confirmed', amount: '5000000', topup_tx_hash: expect.stringMatching(/^0x/) },
    ]);

    // More blocks and sweeper passes change nothing for it: it waits for its retry time.
    await mine(api, 'ethereum', 3);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await depositRows(t, walletId)).find((r) => r.to_address === low)).toMatchObject({
      reason: 'below_minimum',
      swept_at: null,
    });
    expect(await sweepsOf(t, organizationId)).toHaveLength(1);

    // Another deposit to it brings the address to the minimum: it is a candidate at once, long before the retry.
    const started = Date.now();
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: low, amount: '0.000001' });
    const lows = await mineUntil(
      api,
      'ethereum',
      async () => {
        const lows = (await depositRows(t, walletId)).filter((r) => r.to_address === low);
        return lows.length === 2 && lows.every((r) => r.swept_at) ? lows : undefined;
      },
      'both deposits of the address swept',
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(lows.map((r) => r.amount)).toEqual(['4999999', '1']);
    // Swept, a deposit keeps no skip marker.
    expect(lows.map((r) => [r.reason, r.retry_at])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect((await sweepsOf(t, organizationId))[1]).toMatchObject({
      address: low,
      status: 'confirmed',
      amount: '5000000',
    });
    // Skipped or swept, the deposits are the wallet's.
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '10', ledger: '10' });
  }, 90_000);

  it('a parked send (600 s recheck) is woken by a confirmed deposit of its organization, not by funds reaching the master alone', async () => {
    const walletId = await activeWallet(api);
    await creditInLedger(t, organizationId, walletId, 5_000_000n);
    const res = await send(walletId, '5');
    expect(res.status).toBe(201);
    await parked(res.body.id);
    const [{ next_attempt_at: parkedUntil }] = await t.dataSource.query(
      'SELECT next_attempt_at FROM wallet_transactions WHERE id = $1',
      [res.body.id],
    );

    // The master address gets the USDC directly: no deposit of the organization, so nothing wakes the send.
    await deposit(api, { network: 'ethereum', asset: 'USDC', address: await masterOf(api), amount: '5' });
    await mine(api, 'ethereum', 3);
    await new Promise((r) => setTimeout(r, 2000));
    const [still] = await t.dataSource.query(
      'SELECT sub_status, tx_hash, next_attempt_at FROM wallet_transactions WHERE id = $1',
      [res.body.id],
    );
    expect(still).toEqual({ sub_status: 'waiting_for_funds', tx_hash: null, next_attempt_at: parkedUntil });

    // A deposit below the sweep minimum confirms (it is never swept): the send is looked at again at once.
    const started = Date.now();
    const address = await newAddress(api, walletId, 'USDC', 'ethereum');
    await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '1' });
    const done = await confirmedWithin(res.body.id, started, 45_000);
    expect(done).toMatchObject({ amount_raw: '5000000', sub_status: null });
    expect((await depositRows(t, walletId))[0]).toMatchObject({ amount: '1000000', swept_at: null });
    expect(await sweepsOf(t, organizationId)).toEqual([]);
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '1', ledger: '1' });
  }, 90_000);

  it('a parked send (600 s recheck) is woken when a sweep fills its master address, and is sent from the swept funds', async () => {
    const walletId = await activeWallet(api);
    await creditInLedger(t, organizationId, walletId, 5_000_000n);
    const res = await send(walletId, '5');
    expect(res.status).toBe(201);
    await parked(res.body.id);

    const started = Date.now();
    const address = await newAddress(api, walletId, 'USDC', 'ethereum');
    await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '6' });
    await confirmedWithin(res.body.id, started, 45_000);
    const [order] = await t.dataSource.query<Array<{ after_sweep: boolean }>>(
      `SELECT w.broadcast_at >= s.updated_at AS after_sweep FROM wallet_transactions w, sweeps s
       WHERE w.id = $1 AND s.organization_id = $2 AND s.status = 'confirmed'`,
      [res.body.id, organizationId],
    );
    // The master held nothing but the sweep: the send went out after the sweep was mined.
    expect(order).toEqual({ after_sweep: true });
    expect(await sweepsOf(t, organizationId)).toMatchObject([{ address, status: 'confirmed', amount: '6000000' }]);
    expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '6', ledger: '6' });
  }, 90_000);
});

describe('fair queues: a token deposit whose gas top-up cannot be paid (SWEEP_RETRY_SECONDS=3)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100', SWEEP_RETRY_SECONDS: '3' } });
  });
  afterAll(() => t.close());
  afterEach(() => expectLedgerConsistent(t));

  it('is marked no_gas_for_topup with a retry time, retried while the master has no gas, and swept once the master is funded', async () => {
    const creds = await createOrganization(t);
    const api = t.http.as({ kind: 'hmac', creds });
    const rpcUrl = (await api.get('/v1/networks')).body.data.find((n: { chain: string }) => n.chain === 'ethereum')
      .rpc_url as string;
    const node = createPublicClient({ transport: http(rpcUrl) });
    const master = await masterOf(api);
    // The devnet's gas faucet tops master addresses up by itself: not this one, it fails for it (the deposit is
    // skipped, not the sweep pass of every organization).
    const faucet = t.app.get<GasFaucet>(GAS_FAUCET, { strict: false });
    const original = faucet.ensureGas.bind(faucet);
    const ensureGas = jest
      .spyOn(faucet, 'ensureGas')
      .mockImplementation((network, address, minimum) =>
        address.toLowerCase() === master.toLowerCase()
          ? Promise.reject(new Error('faucet down'))
          : original(network, address, minimum),
      );
    try {
      const walletId = await activeWallet(api);
      const address = await newAddress(api, walletId, 'USDC', 'ethereum');
      await deposit(api, { network: 'ethereum', asset: 'USDC', address, amount: '10' });
      const [skipped] = await mineUntil(
        api,
        'ethereum',
        async () => {
          const rows = await depositRows(t, walletId);
          return rows[0]?.reason ? rows : undefined;
        },
        'the deposit marked',
      );
      expect(skipped).toMatchObject({ amount: '10000000', reason: 'no_gas_for_topup', swept_at: null });
      expect(skipped.retry_in).toBeGreaterThan(0);
      expect(skipped.retry_in).toBeLessThanOrEqual(3);
      expect(ensureGas).toHaveBeenCalledWith(expect.anything(), master, expect.any(BigInt));
      expect(await node.getBalance({ address: master })).toBe(0n);
      expect(await sweepsOf(t, creds.organizationId)).toEqual([]);

      // Its retry time passes: it is looked at again and, still without gas, marked again with a later one.
      const [again] = await waitFor(
        async () => {
          const rows = await depositRows(t, walletId);
          return rows[0].retry_at! > skipped.retry_at! ? rows : undefined;
        },
        'the deposit retried and marked again',
        10_000,
      );
      expect(again).toMatchObject({ reason: 'no_gas_for_topup', swept_at: null });
      expect(await sweepsOf(t, creds.organizationId)).toEqual([]);

      // The master gets gas (not from the faucet): at its next retry the deposit is swept, no new deposit needed.
      await deposit(api, { network: 'ethereum', asset: 'ETH', address: master, amount: '1' });
      await mineUntil(
        api,
        'ethereum',
        async () => (await depositRows(t, walletId))[0].swept_at !== null,
        'the deposit swept after its retry time',
        20_000,
      );
      expect(await sweepsOf(t, creds.organizationId)).toEqual([
        { address, status: 'confirmed', amount: '10000000', topup_tx_hash: expect.stringMatching(/^0x/) },
      ]);
      // The master paid the top-up and its fee from the 1 ETH it was sent.
      const left = await node.getBalance({ address: master });
      expect(left).toBeLessThan(10n ** 18n);
      expect(left).toBeGreaterThan(0n);
      expect((await depositRows(t, walletId)).length).toBe(1);
      expect(await assetBalance(api, walletId, 'ethereum', 'USDC')).toMatchObject({ available: '10', ledger: '10' });
    } finally {
      ensureGas.mockRestore();
    }
  }, 90_000);
});
