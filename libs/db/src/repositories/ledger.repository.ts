import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { columnRecord } from '../column-record';
import { TransferBatch } from '../entities/transfer-batch.entity';
import { WalletTransaction } from '../entities/wallet-transaction.entity';
import { queryPrepared } from '../prepared';
import { LEDGER_INVARIANTS } from './ledger-invariants';

/** A ledger account as the database function reads it. */
export interface AccountDocument {
  kind: string;
  wallet_id?: string;
  network: string;
  asset: string;
}

export type TransferDocument =
  | {
      id: string;
      phase: 'posted' | 'pending';
      debit: AccountDocument;
      credit: AccountDocument;
      amount: string;
      reference: string;
    }
  | { id: string; phase: 'post_pending' | 'void_pending'; pending_id: string; amount?: string };

/** One posting as `ledger_post` takes it (see the Posting migration); amounts are decimal strings. */
export interface PostingDocument {
  id: string;
  organization_id: string;
  active_wallets?: string[];
  transfers: TransferDocument[];
  events?: Array<{ id: string; type: string; data: Record<string, unknown>; body: string; created_at: string }>;
  reply?: { key: string; status: number; body: unknown; headers: Record<string, string> };
}

/** What `ledger_post` answers per posting. */
export type PostingOutcome =
  | { ok: true; reply_stored: boolean }
  | { ok: false; refusal: 'insufficient_funds'; account: AccountDocument; transfer: number }
  | { ok: false; refusal: 'wallet_unavailable' }
  | { ok: false; refusal: 'duplicate'; key: string }
  | { ok: false; refusal: 'hold_not_found' | 'exceeds_hold'; pending_id: string }
  | { ok: false; refusal: 'hold_resolved' };

/** The SQL of the ledger's one write path. Only LedgerService calls it. */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies the postings in one statement, in order, each all or nothing: in the caller's transaction when `manager`
   * has one, else as a transaction of its own (one round trip). One outcome per posting, in order.
   */
  async post(
    postings: Array<{ document: PostingDocument; rows?: Array<WalletTransaction | TransferBatch> }>,
    manager?: EntityManager,
  ): Promise<PostingOutcome[]> {
    const now = new Date();
    const documents = postings.map(({ document, rows = [] }) => ({
      ...document,
      rows: {
        transfer_batches: rows
          .filter((r) => r instanceof TransferBatch)
          .map((r) => columnRecord(this.dataSource, TransferBatch, r, now)),
        wallet_transactions: rows
          .filter((r) => r instanceof WalletTransaction)
          .map((r) => columnRecord(this.dataSource, WalletTransaction, r, now)),
      },
    }));
    if (
      documents.some(
        (d, i) =>
          d.rows.transfer_batches.length + d.rows.wallet_transactions.length !== (postings[i].rows?.length ?? 0),
      )
    ) {
      throw new Error('a posting carries wallet transactions and transfer batches only');
    }
    const [row] = await queryPrepared<{ outcomes: PostingOutcome[] }>(
      manager ?? this.dataSource,
      'SELECT ledger_post($1::jsonb) AS outcomes',
      [JSON.stringify(documents)],
    );
    return row.outcomes;
  }

  /**
   * The rows breaking each ledger invariant, by invariant (empty when the ledger is consistent); `only`: the
   * invariants whose names start with one of these ids (`LED-2`), default all.
   */
  async violations(only?: readonly string[]): Promise<Record<string, unknown[]>> {
    const violations: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(LEDGER_INVARIANTS)) {
      if (only && !only.some((id) => name.startsWith(`${id} `))) continue;
      const rows = await this.dataSource.query<unknown[]>(sql);
      if (rows.length) violations[name] = rows;
    }
    return violations;
  }
}
