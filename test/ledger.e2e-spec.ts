import { MAX_UINT256 } from '@app/common';
import { Transactions } from '@app/db';
import { AccountRef, LedgerService, Posting, PostingResult } from '@app/ledger';
import { Credentials, expectLedgerConsistent } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { activeWallet } from './support/chain';

/** The ledger's posting API against a real PostgreSQL: the concurrency and integrity bars of docs/ledger.md. */
describe('ledger', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let creds: Credentials;
  const network = 'ethereum:devnet';

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
    ledger = t.app.get(LedgerService);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    creds = await createOrganization(t);
  });
  afterEach(() => expectLedgerConsistent(t));

  const walletAccount = (walletId: string, asset = 'USDC'): AccountRef => ({
    kind: 'wallet',
    walletId,
    network,
    asset,
  });
  const external = (asset = 'USDC'): AccountRef => ({ kind: 'external', network, asset });
  const posting = (transfers: Posting['transfers']): Posting => ({ organizationId: creds.organizationId, transfers });
  const move = (
    phase: 'posted' | 'pending',
    debit: AccountRef,
    credit: AccountRef,
    amount: bigint,
    reference: string,
    id?: string,
  ) => ledger.commit(posting([{ phase, id, debit, credit, amount, reference }]));
  const refusal = (r: PostingResult) => (r.ok ? undefined : r.refusal.code);

  async function fund(walletId: string, amount: bigint): Promise<void> {
    expect(await move('posted', external(), walletAccount(walletId), amount, 'test:fund')).toEqual({
      ok: true,
      replyStored: false,
    });
  }

  async function available(walletId: string, asset = 'USDC'): Promise<bigint> {
    const [row] = await t.dataSource.query(
      `SELECT credits_posted - debits_posted - debits_pending AS available FROM ledger_accounts WHERE wallet_id = $1 AND asset = $2`,
      [walletId, asset],
    );
    return BigInt(row?.available ?? 0);
  }

  it('accepts exactly 10 of 50 concurrent holds of 1 against an available 10', async () => {
    const walletId = await activeWallet(t.http.as({ kind: 'hmac', creds }));
    await fund(walletId, 10n);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => move('pending', walletAccount(walletId), external(), 1n, 'test:hold')),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(40);
    // The refusal names the account that would have gone below zero.
    for (const r of refused)
      expect(r).toEqual({
        ok: false,
        refusal: { code: 'insufficient_funds', account: walletAccount(walletId), transfer: 0 },
      });
    expect(await available(walletId)).toBe(0n);
  });

  it('survives 100 concurrent A->B and B->A transfers without a deadlock, conserving the sum', async () => {
    const api = t.http.as({ kind: 'hmac', creds });
    const [a, b] = await Promise.all([activeWallet(api), activeWallet(api)]);
    await fund(a, 1000n);
    await fund(b, 1000n);
    // Half of them through the lanes (grouped), half each in a transaction of its own beside them.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => {
        const p = posting([
          {
            phase: 'posted',
            debit: walletAccount(i % 2 ? a : b),
            credit: walletAccount(i % 2 ? b : a),
            amount: BigInt(1 + (i % 7)),
            reference: 'test:swap',
          },
        ]);
        return i % 4 < 2
          ? ledger.commit(p)
          : t.app
              .get(Transactions)
              .run((m) => ledger.commitWithin(m, [p]))
              .then(([r]) => r);
      }),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect((await available(a)) + (await available(b))).toBe(2000n);
  });

  it('runs batches W1 -> [W2, W3] beside single sends W3 -> W1 and W2 -> W1 without a deadlock (accounts locked in one order)', async () => {
    const api = t.http.as({ kind: 'hmac', creds });
    const [w1, w2, w3] = await Promise.all([activeWallet(api), activeWallet(api), activeWallet(api)]);
    for (const w of [w1, w2, w3]) await fund(w, 10_000n);
    const op = (from: string, to: string, amount: bigint) => ({
      phase: 'posted' as const,
      debit: walletAccount(from),
      credit: walletAccount(to),
      amount,
      reference: 'test:deadlock',
    });
    // Each in a transaction of its own, so that a posting taking its rows as it goes would meet the others'.
    const results = await Promise.all(
      Array.from({ length: 90 }, (_, i) => {
        const p =
          i % 3 === 0
            ? posting([op(w1, w2, 3n), op(w1, w3, 4n)])
            : i % 3 === 1
              ? posting([op(w3, w1, 4n)])
              : posting([op(w2, w1, 3n)]);
        return t.app
          .get(Transactions)
          .run((m) => ledger.commitWithin(m, [p]))
          .then(([r]) => r);
      }),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect([await available(w1), await available(w2), await available(w3)]).toEqual([10_000n, 10_000n, 10_000n]);
  });

  it('posts or voids a hold at most once, and never posts more than it holds', async () => {
    const walletId = await activeWallet(t.http.as({ kind: 'hmac', creds }));
    await fund(walletId, 100n);
    const hold = crypto.randomUUID();
    expect((await move('pending', walletAccount(walletId), external(), 60n, 'test:withdrawal', hold)).ok).toBe(true);
    expect(await available(walletId)).toBe(40n);
    expect(refusal(await ledger.commit(posting([{ phase: 'post_pending', pendingId: hold, amount: 61n }])))).toBe(
      'exceeds_hold',
    );
    const resolutions: Posting['transfers'] = [
      { phase: 'post_pending', pendingId: hold, amount: 50n },
      { phase: 'void_pending', pendingId: hold },
      { phase: 'post_pending', pendingId: hold },
    ];
    // Each in a transaction of its own, at once: exactly one resolves the hold.
    const outcomes = await Promise.all(
      resolutions.map((r) =>
        t.app
          .get(Transactions)
          .run((m) => ledger.commitWithin(m, [posting([r])]))
          .then(([o]) => o),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    // The losers, and any later attempt, are told why: the hold is resolved (not a balance constraint tripping).
    expect(outcomes.filter((o) => !o.ok).map(refusal)).toEqual(['hold_resolved', 'hold_resolved']);
    expect(refusal(await ledger.commit(posting([{ phase: 'void_pending', pendingId: hold }])))).toBe('hold_resolved');
    const resolved = resolutions[outcomes.findIndex((o) => o.ok)];
    const spent =
      resolved.phase === 'void_pending' ? 0n : resolved.phase === 'post_pending' ? (resolved.amount ?? 60n) : 0n;
    expect(await available(walletId)).toBe(100n - spent);
  });

  it('refuses to update or delete a transfer, and to let a wallet account go negative behind the service', async () => {
    const walletId = await activeWallet(t.http.as({ kind: 'hmac', creds }));
    await fund(walletId, 5n);
    await expect(
      t.dataSource.query(`UPDATE ledger_transfers SET amount = 1 WHERE reference = 'test:fund'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM ledger_transfers WHERE reference = 'test:fund'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.dataSource.query(`UPDATE ledger_accounts SET debits_posted = debits_posted + 6 WHERE wallet_id = $1`, [
        walletId,
      ]),
    ).rejects.toThrow(/ledger_accounts_wallet_available/);
  });

  it('keeps 2^256-1 base units exact from the ledger to the API', async () => {
    const api = t.http.as({ kind: 'hmac', creds });
    const walletId = await activeWallet(api);
    expect((await move('posted', external('ETH'), walletAccount(walletId, 'ETH'), MAX_UINT256, 'test:max')).ok).toBe(
      true,
    );
    const res = await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=ETH`);
    expect(res.body.balance_raw).toBe(MAX_UINT256.toString());
    expect(res.body.balance).toBe('115792089237316195423570985008687907853269984665640564039457.584007913129639935');
  });
});
