import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Metrics } from '@app/common';
import {
  AccountDocument,
  LedgerAccount,
  LedgerRepository,
  PostingDocument,
  PostingOutcome,
  Transactions,
} from '@app/db';
import { EventType, outboxEvent } from '@app/events';
import { AccountRef, LedgerOp, Posting, PostingRefused, PostingResult } from './posting';

/** Balance figures of one account, derived from its four cached sums. */
export interface BalanceFigures {
  /** credits_posted - debits_posted - debits_pending: what can be spent. */
  available: bigint;
  /** credits_pending: deposits not yet final. */
  pendingIn: bigint;
  /** debits_pending: holds of withdrawals in flight. */
  pendingOut: bigint;
  pending: bigint;
  /** available + pending (the wallet's total). */
  ledger: bigint;
  /** credits_posted - debits_posted (a master wallet's `balance`). */
  posted: bigint;
}

export function figuresOf(
  a: Pick<LedgerAccount, 'creditsPosted' | 'debitsPosted' | 'creditsPending' | 'debitsPending'>,
): BalanceFigures {
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

/** Postings written by one statement at most. */
const MAX_GROUP = 32;

/** Statements of one lane running at once. */
const LANE_STATEMENTS = 2;

/** Times a statement that PostgreSQL aborted as a deadlock or a serialization failure is run again. */
const RETRIES = 3;

interface Waiting {
  document: PostingDocument;
  rows: Posting['rows'];
  resolve: (result: PostingResult) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  running: number;
  waiting: Waiting[];
}

/**
 * The only code that changes balances. Double entry, two-phase (TigerBeetle's model): every transfer debits one
 * account and credits another by the same amount in the same asset; a hold (`pending`) is later posted or voided, at
 * most once. Changes arrive as postings (see `Posting`): ledger transfers plus the rows, events and stored reply that
 * must commit with them; each posting is applied whole or refused with a reason (`Refusal`), and nothing of a refused
 * posting is written. The write itself is one database function (`ledger_post`, see the Posting migration).
 *
 * `commit` writes a posting on its own. Concurrent postings of one organization and asset form a lane: while two of
 * the lane's statements run, the next postings wait and then go together as one statement, in arrival order, each
 * with its own answer; a hot wallet's row is then locked once per group instead of once per posting.
 * `commitWithin` writes postings inside the caller's transaction (the jobs).
 */
@Injectable()
export class LedgerService {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly repository: LedgerRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
  ) {}

  /** Writes the posting as a transaction of its own (grouped with concurrent postings of its lane). */
  async commit(posting: Posting): Promise<PostingResult> {
    const key = laneOf(posting);
    const result = await new Promise<PostingResult>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { running: 0, waiting: [] }));
      lane.waiting.push({ document: toDocument(posting), rows: posting.rows, resolve, reject });
      this.drain(key, lane);
    });
    if (result.ok) this.countFinal([posting]);
    return result;
  }

  /**
   * Writes the postings, in order, inside the caller's transaction (one `Transactions.run` opened): they commit or
   * roll back with it.
   */
  async commitWithin(manager: EntityManager, postings: Posting[]): Promise<PostingResult[]> {
    if (postings.length === 0) return [];
    const outcomes = await this.repository.post(
      postings.map((p) => ({ document: toDocument(p), rows: p.rows })),
      manager,
    );
    const results = outcomes.map(toResult);
    const written = postings.filter((_, i) => results[i].ok);
    if (written.length) this.transactions.afterCommit(manager, () => this.countFinal(written));
    return results;
  }

  /** `commitWithin` for postings that cannot be refused (a deposit's credit, a hold's resolution): a refusal throws. */
  async commitAllWithin(manager: EntityManager, postings: Posting[]): Promise<void> {
    for (const result of await this.commitWithin(manager, postings)) {
      if (!result.ok) throw new PostingRefused(result.refusal);
    }
  }

  /** Counts the wallet transactions that committed postings made final (`wallets_transactions_final_total`). */
  private countFinal(postings: Posting[]): void {
    for (const posting of postings) {
      for (const event of posting.events ?? []) {
        const status = FINAL_EVENTS[event.type];
        if (!status) continue;
        const { direction, network, asset } = event.data as { direction: string; network: string; asset: string };
        this.metrics.transactionsFinal.inc({ direction, network, asset, status });
      }
    }
  }

  /** Starts the lane's waiting postings as one statement, unless LANE_STATEMENTS of the lane are running already. */
  private drain(key: string, lane: Lane): void {
    if (lane.running >= LANE_STATEMENTS || lane.waiting.length === 0) {
      if (lane.running === 0) this.lanes.delete(key);
      return;
    }
    const group = lane.waiting.splice(0, MAX_GROUP);
    lane.running++;
    void this.write(group).finally(() => {
      lane.running--;
      this.drain(key, lane);
    });
  }

  private async write(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.withRetries(() =>
        this.repository.post(group.map((w) => ({ document: w.document, rows: w.rows }))),
      );
      group.forEach((w, i) => w.resolve(toResult(outcomes[i])));
    } catch (e) {
      for (const w of group) w.reject(e);
    }
  }

  /** A statement that is its own transaction wrote nothing when PostgreSQL aborted it, so it can simply run again. */
  private async withRetries<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        if (attempt >= RETRIES || !isTransient(e)) throw e;
      }
    }
  }
}

/** The events that say a wallet transaction is final, and the status each gives it. */
const FINAL_EVENTS: Partial<Record<EventType, 'confirmed' | 'failed'>> = {
  'wallet_transaction.confirmed': 'confirmed',
  'wallet_transaction.failed': 'failed',
};

/** Postings of one organization and asset share a lane: they share its system accounts, and often its wallets. */
function laneOf(posting: Posting): string {
  const first = posting.transfers.find((t): t is Extract<LedgerOp, { debit: AccountRef }> => 'debit' in t);
  return first ? `${posting.organizationId}|${first.debit.network}|${first.debit.asset}` : posting.organizationId;
}

function account(ref: AccountRef): AccountDocument {
  if ((ref.kind === 'wallet') !== (ref.walletId !== undefined))
    throw new Error('a wallet account (and only it) names its wallet');
  return ref.walletId !== undefined
    ? { kind: ref.kind, wallet_id: ref.walletId.toLowerCase(), network: ref.network, asset: ref.asset }
    : { kind: ref.kind, network: ref.network, asset: ref.asset };
}

function toDocument(posting: Posting): PostingDocument {
  const createdAt = new Date();
  return {
    id: randomUUID(),
    organization_id: posting.organizationId,
    active_wallets: posting.activeWallets ? [...new Set(posting.activeWallets.map((w) => w.toLowerCase()))] : undefined,
    transfers: posting.transfers.map((t) => {
      const id = t.id ?? randomUUID();
      switch (t.phase) {
        case 'posted':
        case 'pending':
          if (t.amount <= 0n) throw new Error('ledger amounts are positive');
          if (t.debit.network !== t.credit.network || t.debit.asset !== t.credit.asset)
            throw new Error('a transfer moves one asset on one network');
          return {
            id,
            phase: t.phase,
            debit: account(t.debit),
            credit: account(t.credit),
            amount: t.amount.toString(),
            reference: t.reference,
          };
        case 'post_pending':
          return { id, phase: t.phase, pending_id: t.pendingId, amount: t.amount?.toString() };
        case 'void_pending':
          return { id, phase: t.phase, pending_id: t.pendingId };
      }
    }),
    events: posting.events?.map((e) => outboxEvent(e.type, e.data, createdAt)),
    reply: posting.reply && {
      key: posting.reply.key,
      status: posting.reply.status,
      body: posting.reply.body,
      headers: posting.reply.headers,
    },
  };
}

function toResult(outcome: PostingOutcome): PostingResult {
  if (outcome.ok) return { ok: true, replyStored: outcome.reply_stored };
  switch (outcome.refusal) {
    case 'insufficient_funds': {
      const a = outcome.account;
      const ref: AccountRef = {
        kind: a.kind as AccountRef['kind'],
        network: a.network,
        asset: a.asset,
        ...(a.wallet_id ? { walletId: a.wallet_id } : {}),
      };
      return { ok: false, refusal: { code: 'insufficient_funds', account: ref, transfer: outcome.transfer } };
    }
    case 'wallet_unavailable':
    case 'hold_resolved':
      return { ok: false, refusal: { code: outcome.refusal } };
    case 'duplicate':
      return { ok: false, refusal: { code: 'duplicate', key: outcome.key } };
    case 'hold_not_found':
    case 'exceeds_hold':
      return { ok: false, refusal: { code: outcome.refusal, pendingId: outcome.pending_id } };
  }
}

/** PostgreSQL aborted the statement as a deadlock or a serialization failure: nothing of it was written. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '40P01' || code === '40001';
}
