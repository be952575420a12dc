import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Transactions, WalletTransaction } from '@app/db';
import { AccountRef, LedgerOp, LedgerService, Posting, PostingResult } from '@app/ledger';
import { expectLedgerConsistent } from '@app/testing';
import { activeWallet } from './support/chain';
import { createOrganization, createTestApp, TestApp } from './support/app';

const NETWORK = 'ethereum:devnet';
const ASSET = 'USDC';

/** The figures of a wallet account the model tracks (posted and pending, as the ledger caches them). */
interface Account {
  creditsPosted: bigint;
  debitsPosted: bigint;
  debitsPending: bigint;
}

interface Hold {
  wallet: number;
  amount: bigint;
  resolved: boolean;
}

interface Model {
  accounts: Account[];
  holds: Map<string, Hold>;
  keys: Set<string>;
}

/** A generated posting, in the model's terms: wallet indexes, hold ids, business keys. */
type Op =
  | { kind: 'send'; legs: Array<{ from: number; to: number; amount: bigint }>; key?: string; disabled?: boolean }
  | { kind: 'hold'; from: number; amount: bigint; id: string }
  | { kind: 'post'; id: string; amount?: bigint }
  | { kind: 'void'; id: string };

type Outcome = { ok: true } | { ok: false; code: string; transfer?: number };

const available = (a: Account) => a.creditsPosted - a.debitsPosted - a.debitsPending;
const clone = (m: Model): Model => ({
  accounts: m.accounts.map((a) => ({ ...a })),
  holds: new Map([...m.holds].map(([k, h]) => [k, { ...h }])),
  keys: new Set(m.keys),
});

/**
 * What the ledger answers for one posting applied to `state` alone (the reference model of `ledger_post`): the
 * checks in the order the engine makes them, and the new state when it goes through.
 */
function apply(state: Model, op: Op): [Model, Outcome] {
  const next = clone(state);
  switch (op.kind) {
    case 'send': {
      if (op.disabled) return [state, { ok: false, code: 'wallet_unavailable' }];
      if (op.key !== undefined && next.keys.has(op.key)) return [state, { ok: false, code: 'duplicate' }];
      for (const [i, leg] of op.legs.entries()) {
        if (available(next.accounts[leg.from]) < leg.amount)
          return [state, { ok: false, code: 'insufficient_funds', transfer: i }];
        next.accounts[leg.from].debitsPosted += leg.amount;
        next.accounts[leg.to].creditsPosted += leg.amount;
      }
      if (op.key !== undefined) next.keys.add(op.key);
      return [next, { ok: true }];
    }
    case 'hold': {
      if (available(next.accounts[op.from]) < op.amount)
        return [state, { ok: false, code: 'insufficient_funds', transfer: 0 }];
      if (next.holds.has(op.id)) return [state, { ok: false, code: 'duplicate' }]; // a transfer id is used once
      next.accounts[op.from].debitsPending += op.amount;
      next.holds.set(op.id, { wallet: op.from, amount: op.amount, resolved: false });
      return [next, { ok: true }];
    }
    case 'post':
    case 'void': {
      const hold = next.holds.get(op.id);
      if (!hold) return [state, { ok: false, code: 'hold_not_found' }];
      const posted = op.kind === 'post' ? (op.amount ?? hold.amount) : 0n;
      if (posted > hold.amount) return [state, { ok: false, code: 'exceeds_hold' }];
      if (hold.resolved) return [state, { ok: false, code: 'hold_resolved' }];
      hold.resolved = true;
      next.accounts[hold.wallet].debitsPending -= hold.amount;
      next.accounts[hold.wallet].debitsPosted += posted;
      return [next, { ok: true }];
    }
  }
}

const outcomeOf = (r: PostingResult): Outcome =>
  r.ok
    ? { ok: true }
    : r.refusal.code === 'insufficient_funds'
      ? { ok: false, code: r.refusal.code, transfer: r.refusal.transfer }
      : { ok: false, code: r.refusal.code };
const sameOutcome = (a: Outcome, b: Outcome) => JSON.stringify(a) === JSON.stringify(b);
const stateKey = (m: Model) =>
  `${m.accounts.map((a) => `${a.creditsPosted}/${a.debitsPosted}/${a.debitsPending}`).join(',')}|${[...m.holds].map(([k, h]) => `${k}${h.resolved}`).join(',')}|${[...m.keys].join(',')}`;

/**
 * Is there a serial order of `ops` in which each gets exactly the answer it got, ending in the balances the
 * database holds? A depth-first search over orders, pruned by memo (the remaining ops and the state reached).
 */
function serializable(initial: Model, ops: Op[], outcomes: Outcome[], final: Account[]): boolean {
  const seen = new Set<string>();
  let budget = 500_000;
  const search = (state: Model, remaining: number[]): boolean => {
    if (--budget < 0) throw new Error('serializability search exceeded its budget');
    if (remaining.length === 0)
      return (
        stateKey({ ...state, holds: new Map(), keys: new Set() }) ===
        stateKey({ accounts: final, holds: new Map(), keys: new Set() })
      );
    const memo = `${remaining.join(',')}#${stateKey(state)}`;
    if (seen.has(memo)) return false;
    seen.add(memo);
    for (const i of remaining) {
      const [next, outcome] = apply(state, ops[i]);
      if (
        sameOutcome(outcome, outcomes[i]) &&
        search(
          next,
          remaining.filter((j) => j !== i),
        )
      )
        return true;
    }
    return false;
  };
  return search(
    initial,
    ops.map((_, i) => i),
  );
}

/**
 * The posting engine against a real PostgreSQL, model-based: random concurrent postings (internal sends, multi-leg
 * sends, holds, posts and voids of them, overdrafts, repeated business keys, a disabled wallet), some through the
 * lanes and some each in a transaction of its own. Every answer must be one that some serial order of the same
 * postings gives, that order must end in the balances the database holds, and the ledger invariants must hold.
 */
describe('posting engine (model-based)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let organizationId: string;
  let wallets: string[];
  let disabled: string;
  const WALLETS = 4;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOBS_POLL_INTERVAL_MS: '100' } });
    ledger = t.app.get(LedgerService);
    const creds = await createOrganization(t);
    organizationId = creds.organizationId;
    const api = t.http.as({ kind: 'hmac', creds });
    wallets = [];
    for (let i = 0; i < WALLETS; i++) wallets.push(await activeWallet(api));
    disabled = await activeWallet(api);
    await api.patch(`/v1/wallets/${disabled}`, { status: 'disabled' });
    // Every wallet account is opened and funded before the runs.
    for (const w of wallets) expect((await ledger.commit(posting([fundOp(w, 50n)]))).ok).toBe(true);
  });
  afterAll(() => t.close());

  const account = (walletId: string): AccountRef => ({ kind: 'wallet', walletId, network: NETWORK, asset: ASSET });
  const external: AccountRef = { kind: 'external', network: NETWORK, asset: ASSET };
  const fundOp = (walletId: string, amount: bigint): LedgerOp => ({
    phase: 'posted',
    debit: external,
    credit: account(walletId),
    amount,
    reference: 'test:fund',
  });
  const posting = (transfers: LedgerOp[], extra: Partial<Posting> = {}): Posting => ({
    organizationId,
    transfers,
    ...extra,
  });

  const row = (from: string, amount: bigint, key: string) =>
    Object.assign(new WalletTransaction(), {
      id: randomUUID(),
      organizationId,
      walletId: from,
      direction: 'outgoing',
      status: 'confirmed',
      network: NETWORK,
      chain: 'ethereum',
      asset: ASSET,
      amount,
      requiredConfirmations: 0,
      idempotencyKey: key,
    } satisfies Partial<WalletTransaction>);

  function toPosting(op: Op): Posting {
    switch (op.kind) {
      case 'send':
        return posting(
          op.legs.map((l) => ({
            phase: 'posted',
            debit: account(wallets[l.from]),
            credit: account(wallets[l.to]),
            amount: l.amount,
            reference: 'test:send',
          })),
          {
            activeWallets: [wallets[op.legs[0].from], ...(op.disabled ? [disabled] : [])],
            rows: op.key === undefined ? [] : [row(wallets[op.legs[0].from], op.legs[0].amount, op.key)],
          },
        );
      case 'hold':
        return posting([
          {
            phase: 'pending',
            id: op.id,
            debit: account(wallets[op.from]),
            credit: external,
            amount: op.amount,
            reference: 'test:hold',
          },
        ]);
      case 'post':
        return posting([{ phase: 'post_pending', pendingId: op.id, amount: op.amount }]);
      case 'void':
        return posting([{ phase: 'void_pending', pendingId: op.id }]);
    }
  }

  /**
   * A posting in a transaction of the caller's, as a job writes one. PostgreSQL may abort such a transaction as a
   * deadlock when it inserts a business key that a concurrent one inserts too (in the other order); its caller then
   * runs it again, as the jobs do on their next pass.
   */
  async function inOwnTransaction(p: Posting): Promise<PostingResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await t.app.get(Transactions).run((m) => ledger.commitWithin(m, [p])))[0];
      } catch (e) {
        if (attempt >= 3 || (e as { code?: string }).code !== '40P01') throw e;
      }
    }
  }

  async function balances(): Promise<Account[]> {
    const rows = await t.dataSource.query<Array<{ wallet_id: string; cp: string; dp: string; dpend: string }>>(
      `SELECT wallet_id, credits_posted AS cp, debits_posted AS dp, debits_pending AS dpend FROM ledger_accounts WHERE wallet_id = ANY($1::uuid[]) AND asset = $2`,
      [wallets, ASSET],
    );
    return wallets.map((w) => {
      const r = rows.find((x) => x.wallet_id === w)!;
      return { creditsPosted: BigInt(r.cp), debitsPosted: BigInt(r.dp), debitsPending: BigInt(r.dpend) };
    });
  }

  it("answers concurrent postings as some serial order of them would, and ends in that order's balances", async () => {
    const wallet = fc.integer({ min: 0, max: WALLETS - 1 });
    const amount = fc.oneof(fc.bigInt({ min: 1n, max: 8n }), fc.bigInt({ min: 40n, max: 120n })); // small ones, and overdrafts
    const leg = fc
      .tuple(wallet, wallet, amount)
      .filter(([a, b]) => a !== b)
      .map(([from, to, amount]) => ({ from, to, amount }));
    const scenario = fc.record({
      // Holds made (serially) before the concurrent part, so that posts and voids have something to resolve.
      setup: fc.array(fc.record({ from: wallet, amount: fc.bigInt({ min: 1n, max: 6n }) }), { maxLength: 3 }),
      ops: fc.array(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record({
              kind: fc.constant('send' as const),
              legs: fc.array(leg, { minLength: 1, maxLength: 3 }),
              key: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
              disabled: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
            }),
          },
          {
            weight: 2,
            arbitrary: fc.record({
              kind: fc.constant('hold' as const),
              from: wallet,
              amount,
              id: fc.constantFrom('n0', 'n1', 'n2'),
            }),
          },
          {
            weight: 2,
            arbitrary: fc.record({
              kind: fc.constant('post' as const),
              id: fc.constantFrom('s0', 's1', 's2', 'n0', 'n1'),
              amount: fc.option(fc.bigInt({ min: 1n, max: 7n }), { nil: undefined }),
            }),
          },
          {
            weight: 1,
            arbitrary: fc.record({ kind: fc.constant('void' as const), id: fc.constantFrom('s0', 's1', 's2', 'n0') }),
          },
        ),
        { minLength: 2, maxLength: 24 },
      ),
      within: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
    });

    await fc.assert(
      fc.asyncProperty(scenario, async ({ setup, ops: generated, within }) => {
        // Fresh names per run: hold ids become UUIDs, business keys get a run prefix.
        const run = randomUUID().slice(0, 8);
        const ids = new Map<string, string>();
        const id = (name: string) => ids.get(name) ?? (ids.set(name, randomUUID()), ids.get(name)!);
        const ops: Op[] = generated.map((op) => {
          switch (op.kind) {
            case 'send':
              return { ...op, key: op.key === undefined ? undefined : `${run}-${op.key}` };
            case 'hold':
            case 'post':
            case 'void':
              return { ...op, id: id(op.id) };
          }
        });
        for (const [i, h] of setup.entries()) {
          const result = await ledger.commit(
            toPosting({ kind: 'hold', from: h.from, amount: h.amount, id: id(`s${i}`) }),
          );
          if (!result.ok) return; // the wallet ran dry in earlier runs: nothing to hold here (funding tops it up below)
        }
        const initial: Model = {
          accounts: await balances(),
          holds: new Map(setup.map((h, i) => [id(`s${i}`), { wallet: h.from, amount: h.amount, resolved: false }])),
          keys: new Set(),
        };
        const results = await Promise.all(
          ops.map((op, i) => (within[i] ? inOwnTransaction(toPosting(op)) : ledger.commit(toPosting(op)))),
        );
        const outcomes = results.map(outcomeOf);
        const final = await balances();
        expect(serializable(initial, ops, outcomes, final)).toBe(true);
        // Keep the wallets able to spend in later runs.
        for (const [i, a] of final.entries())
          if (available(a) < 20n) await ledger.commit(posting([fundOp(wallets[i], 50n)]));
      }),
      { numRuns: 40 },
    );
    await expectLedgerConsistent(t);
  });

  it("commits a posting's rows, events and stored reply with it, and none of them when it is refused", async () => {
    const key = `reply-${randomUUID()}`;
    await t.dataSource.query(
      `INSERT INTO idempotency_keys (organization_id, key, fingerprint, method, path, locked_at) VALUES ($1, $2, 'f', 'POST', '/x', now())`,
      [organizationId, key],
    );
    const events = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*) AS n FROM events WHERE organization_id = $1 AND data->>'probe' = $2`,
            [organizationId, key],
          )
        )[0].n,
      );
    const rows = async () =>
      Number(
        (await t.dataSource.query(`SELECT count(*) AS n FROM wallet_transactions WHERE idempotency_key = $1`, [key]))[0]
          .n,
      );
    const make = (amount: bigint) =>
      posting(
        [
          {
            phase: 'posted',
            debit: account(wallets[0]),
            credit: account(wallets[1]),
            amount,
            reference: 'test:atomic',
          },
        ],
        {
          rows: [row(wallets[0], amount, key)],
          events: [{ type: 'webhook.test', data: { probe: key } }],
          reply: { key, status: 201, body: { sent: amount.toString() }, headers: { Location: '/somewhere' } },
        },
      );
    const refused = await ledger.commit(make(10n ** 30n));
    expect(refused).toEqual({
      ok: false,
      refusal: { code: 'insufficient_funds', account: account(wallets[0]), transfer: 0 },
    });
    expect([await rows(), await events()]).toEqual([0, 0]);
    expect(
      (
        await t.dataSource.query(`SELECT completed_at FROM idempotency_keys WHERE organization_id = $1 AND key = $2`, [
          organizationId,
          key,
        ])
      )[0].completed_at,
    ).toBeNull();

    expect(await ledger.commit(make(1n))).toEqual({ ok: true, replyStored: true });
    expect([await rows(), await events()]).toEqual([1, 1]);
    const [stored] = await t.dataSource.query(
      `SELECT response_status, response_body, response_headers FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
    expect(stored).toEqual({
      response_status: 201,
      response_body: { sent: '1' },
      response_headers: { Location: '/somewhere' },
    });
    // The same business key again: refused as a duplicate, nothing moves.
    const before = await balances();
    expect(await ledger.commit(make(1n))).toEqual({
      ok: false,
      refusal: { code: 'duplicate', key: 'wallet_transactions_idempotency' },
    });
    expect(await balances()).toEqual(before);
    await expectLedgerConsistent(t);
  });

  it('refuses a hold it does not know, and one of another organization', async () => {
    const other = await createOrganization(t);
    const hold = randomUUID();
    expect(
      (
        await ledger.commit(
          posting([
            {
              phase: 'pending',
              id: hold,
              debit: account(wallets[2]),
              credit: external,
              amount: 1n,
              reference: 'test:h',
            },
          ]),
        )
      ).ok,
    ).toBe(true);
    const foreign = await ledger.commit({
      organizationId: other.organizationId,
      transfers: [{ phase: 'void_pending', pendingId: hold }],
    });
    expect(foreign).toEqual({ ok: false, refusal: { code: 'hold_not_found', pendingId: hold } });
    expect(await ledger.commit(posting([{ phase: 'void_pending', pendingId: hold }]))).toEqual({
      ok: true,
      replyStored: false,
    });
  });
});
