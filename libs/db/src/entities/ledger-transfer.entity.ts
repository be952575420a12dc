import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';
import { LedgerAccount } from './ledger-account.entity';

/**
 * `posted`: moves `amount` at once. `pending`: a hold (two-phase). `post_pending` / `void_pending`: resolve a hold
 * (`pending_id`), at most once (unique index). Rows are append-only (a trigger refuses UPDATE and DELETE).
 */
export type LedgerPhase = 'posted' | 'pending' | 'post_pending' | 'void_pending';

@Entity('ledger_transfers')
@Index('ledger_transfers_resolution', ['pendingId'], { unique: true, where: 'pending_id IS NOT NULL' })
@Index('ledger_transfers_debit', ['debitAccountId'])
@Index('ledger_transfers_credit', ['creditAccountId'])
@Index('ledger_transfers_reference', ['reference'])
@Check('ledger_transfers_amount', `amount > 0`)
@Check('ledger_transfers_accounts', `debit_account_id <> credit_account_id`)
@Check(
  'ledger_transfers_phase',
  `phase IN ('posted', 'pending', 'post_pending', 'void_pending') AND (phase IN ('post_pending', 'void_pending')) = (pending_id IS NOT NULL)`,
)
export class LedgerTransfer {
  @PrimaryColumn('uuid')
  id!: string;

  /** Transfers committed together share a transaction id. */
  @Column('uuid')
  transactionId!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  debitAccountId!: string;

  @ManyToOne(() => LedgerAccount)
  @JoinColumn({ name: 'debit_account_id' })
  debitAccount?: LedgerAccount;

  @Column('uuid')
  creditAccountId!: string;

  @ManyToOne(() => LedgerAccount)
  @JoinColumn({ name: 'credit_account_id' })
  creditAccount?: LedgerAccount;

  @Column('text')
  network!: string;

  @Column('text')
  asset!: string;

  @Column('numeric', { precision: 78, scale: 0, transformer: bigintTransformer })
  amount!: bigint;

  @Column('text')
  phase!: LedgerPhase;

  @Column('uuid', { nullable: true })
  pendingId!: string | null;

  @ManyToOne(() => LedgerTransfer)
  @JoinColumn({ name: 'pending_id' })
  pending?: LedgerTransfer;

  /** What the money movement is for, e.g. `deposit:<wallet transaction id>`. */
  @Column('text')
  reference!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
