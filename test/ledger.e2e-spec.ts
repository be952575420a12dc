import { DomainError, MAX_UINT256 } from '@app/common';
import { AccountRef, LedgerService } from '@app/ledger';
import { createOrganization, createTestApp, Credentials, expectLedgerConsistent, TestApp } from '@app/testing';
import { activeWallet } from './support/chain';

/** The ledger service against a real PostgreSQL: the concurrency and integrity bars of specs/ledger.md. */
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

  const walletAccount = (walletId: string, asset = 'USDC'): AccountRef => ({ organizationId: creds.organizationId, kind: 'wallet', walletId, network, asset });
  const external = (asset = 'USDC'): AccountRef => ({ organizationId: creds.organizationId, kind: 'external', network, asset });

  async function fund(walletId: string, amount: bigint): Promise<void> {
    await t.dataSource.transaction((m) => ledger.transfer(m, { debit: external(), credit: walletAccount(walletId), amount, reference: 'test:fund' }));
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
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        t.dataSource.transaction((m) => ledger.pending(m, { debit: walletAccount(walletId), credit: external(), amount: 1n, reference: 'test:hold' })),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(rejected).toHaveLength(40);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe('insufficient_funds');
    }
    expect(await available(walletId)).toBe(0n);
  });

  it('survives 100 concurrent A->B and B->A transfers without a deadlock, conserving the sum', async () => {
    const api = t.http.as({ kind: 'hmac', creds });
    const [a, b] = await Promise.all([activeWallet(api), activeWallet(api)]);
    await fund(a, 1000n);
    await fund(b, 1000n);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        t.dataSource.transaction((m) =>
          ledger.transfer(m, { debit: walletAccount(i % 2 ? a : b), credit: walletAccount(i % 2 ? b : a), amount: BigInt(1 + (i % 7)), reference: 'test:swap' }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await available(a)) + (await available(b))).toBe(2000n);
  });

  it('posts or voids a hold at most once, and never posts more than it holds', async () => {
    const walletId = await activeWallet(t.http.as({ kind: 'hmac', creds }));
    await fund(walletId, 100n);
    const hold = await t.dataSource.transaction((m) => ledger.pending(m, { debit: walletAccount(walletId), credit: external(), amount: 60n, reference: 'test:withdrawal' }));
    expect(await available(walletId)).toBe(40n);
    await expect(t.dataSource.transaction((m) => ledger.post(m, hold.id, 61n))).rejects.toThrow(/at most its amount/);
    const outcomes = await Promise.allSettled([
      t.dataSource.transaction((m) => ledger.post(m, hold.id, 50n)),
      t.dataSource.transaction((m) => ledger.void(m, hold.id)),
      t.dataSource.transaction((m) => ledger.post(m, hold.id)),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    // The losers, and any later attempt, are told why: the hold is resolved (not a balance constraint tripping).
    for (const o of outcomes.filter((x) => x.status === 'rejected')) expect(String((o).reason)).toMatch(/already resolved/);
    await expect(t.dataSource.transaction((m) => ledger.void(m, hold.id))).rejects.toThrow(/already resolved/);
    const resolved = (outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ phase: string; amount: bigint }>).value;
    const spent = resolved.phase === 'void_pending' ? 0n : resolved.amount;
    expect(await available(walletId)).toBe(100n - spent);
  });

  it('refuses to update or delete a transfer, and to let a wallet account go negative behind the service', async () => {
    const walletId = await activeWallet(t.http.as({ kind: 'hmac', creds }));
    await fund(walletId, 5n);
    await expect(t.dataSource.query(`UPDATE ledger_transfers SET amount = 1 WHERE reference = 'test:fund'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM ledger_transfers WHERE reference = 'test:fund'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`UPDATE ledger_accounts SET debits_posted = debits_posted + 6 WHERE wallet_id = $1`, [walletId])).rejects.toThrow(
      /ledger_accounts_wallet_available/,
    );
  });

  it('keeps 2^256-1 base units exact from the ledger to the API', async () => {
    const api = t.http.as({ kind: 'hmac', creds });
    const walletId = await activeWallet(api);
    await t.dataSource.transaction((m) => ledger.transfer(m, { debit: external('ETH'), credit: walletAccount(walletId, 'ETH'), amount: MAX_UINT256, reference: 'test:max' }));
    const res = await api.get(`/v1/wallets/${walletId}/balance?network=ethereum&asset=ETH`);
    expect(res.body.balance_raw).toBe(MAX_UINT256.toString());
    expect(res.body.balance).toBe('115792089237316195423570985008687907853269984665640564039457.584007913129639935');
  });
});
