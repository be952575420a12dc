import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, SqlParams } from '@app/common';
import { isUniqueViolation, LedgerAccount, LedgerAccountKind, LedgerPhase, LedgerTransfer } from '@app/db';

export interface AccountRef {
  organizationId: string;
  kind: LedgerAccountKind;
  walletId?: string | null;
  network: string;
  asset: string;
}

export interface TransferInput {
  debit: AccountRef;
  credit: AccountRef;
  amount: bigint;
  reference: string;
  /** Groups transfers committed together; default: a new id. */
  transactionId?: string;
  /** The transfer's id, when the caller references it before the ledger write (default: a new id). */
  id?: string;
}

/** Balance figures of one account, derived from its four cached sums. */
export interface BalanceFigures {
  /** credits_posted - debits_posted - debits_pending: what can be spent. */
  available: bigint;
  /** credits_pending: deposits not yet final. */
  pendingIn: bigint;
  /** debits_pending: holds of withdrawals in flight. */
  pendingOut: bigint;
  pending: bigint;
  /** available + pending (seed 001's total). */
  ledger: bigint;
  /** credits_posted - debits_posted (seed 004's `balance`). */
  posted: bigint;
}

export function figuresOf(a: Pick<LedgerAccount, 'creditsPosted' | 'debitsPosted' | 'creditsPending' | 'debitsPending'>): BalanceFigures {
  const available = a.creditsPosted - a.debitsPosted - a.debitsPending;
  const pending = a.creditsPending + a.debitsPending;
  return {
    available,
    pendingIn: a.creditsPending,
    pendingOut: a.debitsPending,
    pending,
    ledger: available + pending,
    posted: a.creditsPosted - a.debitsPosted,
  };
}

type Column = 'credits_posted' | 'debits_posted' | 'credits_pending' | 'debits_pending';

/**
 * The only code that changes balances. Double entry, two-phase (TigerBeetle's model): every transfer debits one
 * account and credits another by the same amount, in the same asset. Callers pass the EntityManager of their
 * transaction: the ledger write commits or rolls back with the business change.
 */
@Injectable()
export class LedgerService {
  /** Account ids never change once created: cached per process (a bounded map). */
  private readonly accountIds = new Map<string, string>();

  /** The account's id, creating the account on first use (race-safe, one round trip, then cached). */
  async account(manager: EntityManager, ref: AccountRef): Promise<string> {
    const { walletId, cacheKey, lookup } = this.accountLookup(ref);
    const cached = this.accountIds.get(cacheKey);
    if (cached) return cached;
    const conflict = walletId ? '(wallet_id, network, asset) WHERE wallet_id IS NOT NULL' : '(organization_id, kind, network, asset) WHERE wallet_id IS NULL';
    // Insert-or-read in one round trip; the lookup's placeholders are shifted past the insert's six.
    const shifted = lookup.sql.replace(/\$(\d)/g, (_, n: string) => `$${Number(n) + 6}`);
    let [row] = await manager.query<Array<{ id: string; durable: boolean }>>(
      `WITH ins AS (
         INSERT INTO ledger_accounts (id, organization_id, kind, wallet_id, network, asset) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ${conflict} DO NOTHING RETURNING id
       ) SELECT id, false AS durable FROM ins UNION ALL (SELECT id, durable FROM (${shifted}) existing) LIMIT 1`,
      [randomUUID(), ref.organizationId, ref.kind, walletId, ref.network, ref.asset, ...lookup.params],
    );
    // A concurrent transaction created it after this statement's snapshot: a new statement sees it.
    row ??= (await manager.query<Array<{ id: string; durable: boolean }>>(lookup.sql, lookup.params))[0];
    if (!row) throw new Error('ledger account not found after upsert');
    return this.remember(cacheKey, row);
  }

  /** An account's id if it exists (cached once committed), without creating it. */
  private async existingAccount(manager: EntityManager, ref: AccountRef): Promise<string | undefined> {
    const { cacheKey, lookup } = this.accountLookup(ref);
    const cached = this.accountIds.get(cacheKey);
    if (cached) return cached;
    const [row] = await manager.query<Array<{ id: string; durable: boolean }>>(lookup.sql, lookup.params);
    return row && this.remember(cacheKey, row);
  }

  /**
   * The cache key and the lookup of an account. `durable`: created by a transaction that started before this one, so
   * committed (it is visible) and never rolled back. A row this transaction created (in this call or an earlier one)
   * has created_at = now() and is not cached: it may yet roll back with the transaction.
   */
  private accountLookup(ref: AccountRef): { walletId: string | null; cacheKey: string; lookup: { sql: string; params: unknown[] } } {
    const walletId = ref.kind === 'wallet' ? (ref.walletId ?? null) : null;
    if (ref.kind === 'wallet' && !walletId) throw new Error('a wallet account needs a wallet id');
    const lookup = walletId
      ? {
          sql: 'SELECT id, created_at < now() AS durable FROM ledger_accounts WHERE wallet_id = $1 AND network = $2 AND asset = $3 AND organization_id = $4',
          params: [walletId, ref.network, ref.asset, ref.organizationId],
        }
      : {
          sql: 'SELECT id, created_at < now() AS durable FROM ledger_accounts WHERE organization_id = $1 AND kind = $2 AND network = $3 AND asset = $4 AND wallet_id IS NULL',
          params: [ref.organizationId, ref.kind, ref.network, ref.asset],
        };
    return { walletId, cacheKey: `${ref.organizationId}|${ref.kind}|${walletId ?? ''}|${ref.network}|${ref.asset}`, lookup };
  }

  private remember(cacheKey: string, row: { id: string; durable: boolean }): string {
    if (row.durable) {
      if (this.accountIds.size >= 100_000) this.accountIds.clear();
      this.accountIds.set(cacheKey, row.id);
    }
    return row.id;
  }

  /** Moves `amount` at once. 422 `insufficient_funds` if a wallet account would go below zero. */
  async transfer(manager: EntityManager, input: TransferInput): Promise<LedgerTransfer> {
    return this.create(manager, input, 'posted');
  }

  /** Two-phase: a hold. On the debit side it reserves funds (pending_out); on the credit side it is pending_in. */
  async pending(manager: EntityManager, input: TransferInput): Promise<LedgerTransfer> {
    return this.create(manager, input, 'pending');
  }

  /**
   * New transfers (posted) or holds (pending) as CTEs of a larger statement that is its whole transaction (the
   * caller runs it on its own, outside any transaction), or undefined when an account does not exist yet (creating
   * it here would outlive a refused statement: the caller uses a transaction instead). Several transfers (a group of
   * sends) change each account once, by their sum. The accounts are updated in id order, each only once the one
   * before holds its row, the first only after `after` (a CTE name) has produced a row; then the entries. There is no
   * guard in the WHERE clause: a debit beyond a wallet's `available` trips the `ledger_accounts_wallet_available`
   * CHECK, which fails the statement and everything in it (`isInsufficientFunds`). The caller must make the
   * statement fail unless `<prefix>_entry` wrote every entry (`entryCheck`).
   */
  async ctes(
    manager: EntityManager,
    inputs: TransferInput[],
    phase: 'posted' | 'pending',
    sql: SqlParams,
    prefix: string,
    after?: string,
  ): Promise<{ ctes: string[]; transfers: LedgerTransfer[]; entryCheck: string } | undefined> {
    const transfers: LedgerTransfer[] = [];
    const changes = new Map<string, Map<Column, bigint>>();
    const change = (account: string, column: Column, amount: bigint) => {
      const columns = changes.get(account) ?? new Map<Column, bigint>();
      columns.set(column, (columns.get(column) ?? 0n) + amount);
      changes.set(account, columns);
    };
    for (const input of inputs) {
      checkInput(input);
      const debitId = await this.existingAccount(manager, input.debit);
      const creditId = debitId && (await this.existingAccount(manager, input.credit));
      if (!debitId || !creditId) return undefined;
      transfers.push(this.newTransfer(input, phase, debitId, creditId));
      change(debitId, phase === 'posted' ? 'debits_posted' : 'debits_pending', input.amount);
      change(creditId, phase === 'posted' ? 'credits_posted' : 'credits_pending', input.amount);
    }
    // The balance CHECKs see each account after all of the statement, so an account credited in it could spend what
    // the same statement gives it (two wallets at zero sending each other 100 would both pass). An account that is
    // both debited and credited therefore also returns whether what it held before the statement (its new balance
    // less the posted credits of the statement; the row as locked, so any concurrent commit is counted) covers its
    // debits alone, as if every debit came before every credit. The next update, and the entries, only run after an
    // account that says yes; otherwise no entry is written and `entryCheck` fails the statement.
    const accounts = [...changes.keys()].sort();
    const ctes = accounts.map((account, i) => {
      const gate = i > 0 ? `EXISTS (SELECT 1 FROM ${prefix}_u${i - 1} WHERE covered)` : after ? `EXISTS (SELECT 1 FROM ${after})` : undefined;
      const columns = changes.get(account)!;
      const set = [...columns].map(([column, amount]) => `${column} = ${column} + ${sql.add(amount.toString(), 'numeric')}`).join(', ');
      const debits = (columns.get('debits_posted') ?? 0n) + (columns.get('debits_pending') ?? 0n);
      const credits = columns.get('credits_posted') ?? 0n;
      const covered = debits > 0n && credits > 0n ? `(kind <> 'wallet' OR credits_posted - debits_posted - debits_pending >= ${sql.add(credits.toString(), 'numeric')})` : 'true';
      return `${prefix}_u${i} AS (UPDATE ledger_accounts SET ${set}, updated_at = now()
         WHERE id = ${sql.add(account, 'uuid')}${gate ? ` AND ${gate}` : ''} RETURNING id, ${covered} AS covered)`;
    });
    const entries = transfers.map((t) => ({
      id: t.id, transaction_id: t.transactionId, organization_id: t.organizationId, debit_account_id: t.debitAccountId, credit_account_id: t.creditAccountId,
      network: t.network, asset: t.asset, amount: t.amount.toString(), phase: t.phase, reference: t.reference,
    }));
    ctes.push(
      `${prefix}_entry AS (INSERT INTO ledger_transfers (id, transaction_id, organization_id, debit_account_id, credit_account_id, network, asset, amount, phase, pending_id, reference)
       SELECT id, transaction_id, organization_id, debit_account_id, credit_account_id, network, asset, amount, phase, NULL, reference
       FROM json_populate_recordset(NULL::ledger_transfers, ${sql.add(JSON.stringify(entries), 'json')})
       WHERE EXISTS (SELECT 1 FROM ${prefix}_u${accounts.length - 1} WHERE covered) RETURNING id)`,
    );
    // A division by zero (22012, `isLedgerEntryMissing`) unless every entry was written: nothing of the statement stays.
    return { ctes, transfers, entryCheck: `1 / ((SELECT count(*) FROM ${prefix}_entry) = ${sql.add(transfers.length, 'int')})::int` };
  }

  /** After a statement built with `ctes` wrote no entry (an account row vanished, e.g. a restore): forget cached ids. */
  forgetAccounts(): void {
    this.accountIds.clear();
  }


  /** Posts a hold (all of it, or `amount` of it, releasing the rest). At most once per hold. */
  async post(manager: EntityManager, pendingId: string, amount?: bigint): Promise<LedgerTransfer> {
    return this.resolve(manager, pendingId, 'post_pending', amount);
  }

  /** Voids a hold: nothing moves. At most once per hold. */
  async void(manager: EntityManager, pendingId: string): Promise<LedgerTransfer> {
    return this.resolve(manager, pendingId, 'void_pending');
  }

  private async create(manager: EntityManager, input: TransferInput, phase: 'posted' | 'pending'): Promise<LedgerTransfer> {
    checkInput(input);
    const [debitId, creditId] = [await this.account(manager, input.debit), await this.account(manager, input.credit)];
    const transfer = this.newTransfer(input, phase, debitId, creditId);
    const debitColumn: Column = phase === 'posted' ? 'debits_posted' : 'debits_pending';
    const creditColumn: Column = phase === 'posted' ? 'credits_posted' : 'credits_pending';
    await this.apply(manager, transfer, [
      { account: debitId, changes: { [debitColumn]: input.amount }, guard: input.amount },
      { account: creditId, changes: { [creditColumn]: input.amount } },
    ]);
    return transfer;
  }

  private async resolve(manager: EntityManager, pendingId: string, phase: 'post_pending' | 'void_pending', amount?: bigint): Promise<LedgerTransfer> {
    const pending = await manager.findOneBy(LedgerTransfer, { id: pendingId, phase: 'pending' });
    if (!pending) throw new Error(`no pending transfer ${pendingId}`);
    const posted = phase === 'post_pending' ? (amount ?? pending.amount) : pending.amount;
    if (posted <= 0n || posted > pending.amount) throw new Error('a hold posts at most its amount');
    const resolution = this.row(undefined, {
      transactionId: pending.transactionId,
      organizationId: pending.organizationId,
      debitAccountId: pending.debitAccountId,
      creditAccountId: pending.creditAccountId,
      network: pending.network,
      asset: pending.asset,
      amount: posted,
      phase,
      pendingId,
      reference: pending.reference,
    });
    const debit: Partial<Record<Column, bigint>> = { debits_pending: -pending.amount };
    const credit: Partial<Record<Column, bigint>> = { credits_pending: -pending.amount };
    if (phase === 'post_pending') {
      debit.debits_posted = posted;
      credit.credits_posted = posted;
    }
    try {
      // The unique index on pending_id makes a second resolution of the same hold fail here (LED-6).
      await this.apply(
        manager,
        resolution,
        [
          { account: pending.debitAccountId, changes: debit },
          { account: pending.creditAccountId, changes: credit },
        ],
        'first',
      );
    } catch (e) {
      if (isUniqueViolation(e, 'ledger_transfers_resolution')) throw new Error(`pending transfer ${pendingId} is already resolved`);
      throw e;
    }
    return resolution;
  }

  /**
   * Appends `entry` and applies its deltas to the cached sums, in one statement. The accounts are updated in id
   * order, each update only once the one before it holds its row (its CTE gates the next), so concurrent transfers
   * between the same accounts lock them in the same order (no deadlock); a new transfer's entry is written only when
   * every update was, a resolution's entry before them (see `entryAt`). A guarded debit of a wallet account updates nothing when it would leave `available` below `guard`'s
   * worth, which answers 422 `insufficient_funds` (the caller's transaction then rolls back whatever the statement
   * did); a CHECK constraint backs it. One round trip while the rows are locked keeps a hot account's queue short.
   */
  private async apply(
    manager: EntityManager,
    entry: LedgerTransfer,
    updates: Array<{ account: string; changes: Partial<Record<Column, bigint>>; guard?: bigint }>,
    entryAt: 'first' | 'last' = 'last',
  ): Promise<void> {
    const params: unknown[] = [];
    const p = (value: unknown, type: string) => {
      params.push(value);
      return `$${params.length}::${type}`;
    };
    const ordered = [...updates].sort((a, b) => (a.account < b.account ? -1 : 1));
    const ctes = ordered.map((u, i) => {
      const sets = Object.entries(u.changes).map(([column, delta]) => `${column} = ${column} + ${p(delta.toString(), 'numeric')}`);
      const guard = u.guard === undefined ? '' : ` AND (kind <> 'wallet' OR credits_posted - debits_posted - debits_pending >= ${p(u.guard.toString(), 'numeric')})`;
      const before = i > 0 ? `u${i - 1}` : entryAt === 'first' ? 'entry' : undefined;
      const after = before ? ` AND EXISTS (SELECT 1 FROM ${before})` : '';
      return `u${i} AS (UPDATE ledger_accounts SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p(u.account, 'uuid')}${guard}${after} RETURNING id)`;
    });
    const e = entry;
    const values = [
      p(e.id, 'uuid'), p(e.transactionId, 'uuid'), p(e.organizationId, 'uuid'), p(e.debitAccountId, 'uuid'), p(e.creditAccountId, 'uuid'),
      p(e.network, 'text'), p(e.asset, 'text'), p(e.amount.toString(), 'numeric'), p(e.phase, 'text'), p(e.pendingId, 'uuid'), p(e.reference, 'text'),
    ].join(', ');
    // Last (the create path): written only once every update was, a refused debit writes nothing. First (resolving a
    // hold): the unique index on pending_id refuses a second resolution before any balance moves.
    const gate = entryAt === 'last' ? ` WHERE EXISTS (SELECT 1 FROM u${ordered.length - 1})` : '';
    const insert = `entry AS (INSERT INTO ledger_transfers (id, transaction_id, organization_id, debit_account_id, credit_account_id, network, asset, amount, phase, pending_id, reference)
                 SELECT ${values}${gate} RETURNING created_at)`;
    const [row] = await manager.query<Array<{ counts: number[]; created_at: Date | null }>>(
      `WITH ${(entryAt === 'first' ? [insert, ...ctes] : [...ctes, insert]).join(',\n')}
       SELECT ARRAY[${ordered.map((_, i) => `(SELECT count(*) FROM u${i})::int`).join(', ')}] AS counts, (SELECT created_at FROM entry) AS created_at`,
      params,
    );
    // The first update that changed nothing stopped the chain: a guarded debit refused, or (never expected) no row.
    const stopped = row.counts.findIndex((n) => n === 0);
    if (stopped >= 0 || !row.created_at) {
      const refused = stopped >= 0 ? ordered[stopped] : undefined;
      if (refused?.guard !== undefined) {
        throw new DomainError(ErrorCode.InsufficientFunds, 'Insufficient funds', { required_raw: refused.guard.toString() });
      }
      this.accountIds.clear(); // whatever made an id stale, none outlives this
      throw new Error(`ledger account ${refused?.account ?? '?'} was not updated: no such account`);
    }
    entry.createdAt = row.created_at;
  }

  private newTransfer(input: TransferInput, phase: 'posted' | 'pending', debitAccountId: string, creditAccountId: string): LedgerTransfer {
    return this.row(input.id, {
      transactionId: input.transactionId ?? randomUUID(),
      organizationId: input.debit.organizationId,
      debitAccountId,
      creditAccountId,
      network: input.debit.network,
      asset: input.debit.asset,
      amount: input.amount,
      phase,
      pendingId: null,
      reference: input.reference,
    });
  }

  private row(id: string | undefined, values: Omit<LedgerTransfer, 'id' | 'createdAt'>): LedgerTransfer {
    return Object.assign(new LedgerTransfer(), { id: id ?? randomUUID(), ...values });
  }
}

export type { LedgerPhase };

function checkInput(input: TransferInput): void {
  if (input.amount <= 0n) throw new Error('ledger amounts are positive');
  if (input.debit.network !== input.credit.network || input.debit.asset !== input.credit.asset) {
    throw new Error('a transfer moves one asset on one network');
  }
}

/** A statement built with `LedgerService.ctes` wrote no ledger entry (its `entryCheck` divided by zero). */
export function isLedgerEntryMissing(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return (e?.code ?? e?.driverError?.code) === '22012';
}

/** A statement built with `LedgerService.ctes` failed because a wallet account would have gone below zero. */
export function isInsufficientFunds(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | null;
  return (e?.code ?? e?.driverError?.code) === '23514' && (e?.constraint ?? e?.driverError?.constraint) === 'ledger_accounts_wallet_available';
}
