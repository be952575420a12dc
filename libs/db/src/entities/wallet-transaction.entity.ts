import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';
import { Organization } from './organization.entity';
import { Wallet } from './wallet.entity';

export type TransactionDirection = 'incoming' | 'outgoing';
export type IncomingStatus = 'detected' | 'confirming' | 'confirmed' | 'quarantined' | 'failed';
export type OutgoingStatus = 'pending' | 'broadcast' | 'confirming' | 'confirmed' | 'failed';
export type TransactionStatus = IncomingStatus | OutgoingStatus;

/** A deposit (incoming) or a withdrawal (outgoing) of one wallet; `transaction_id` in events. */
@Entity('wallet_transactions')
@Index('wallet_transactions_deposit_key', ['network', 'txHash', 'logIndex'], { unique: true, where: `direction = 'incoming'` })
@Index('wallet_transactions_wallet_created', ['walletId', 'createdAt', 'id'])
@Index('wallet_transactions_open', ['network', 'status'], { where: `status IN ('detected', 'confirming', 'pending', 'broadcast')` })
@Check('wallet_transactions_direction', `direction IN ('incoming', 'outgoing')`)
@Check(
  'wallet_transactions_status',
  `(direction = 'incoming' AND status IN ('detected', 'confirming', 'confirmed', 'quarantined', 'failed'))
   OR (direction = 'outgoing' AND status IN ('pending', 'broadcast', 'confirming', 'confirmed', 'failed'))`,
)
@Check('wallet_transactions_amount', `amount > 0`)
export class WalletTransaction {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('uuid')
  walletId!: string;

  @ManyToOne(() => Wallet)
  @JoinColumn({ name: 'wallet_id' })
  wallet?: Wallet;

  @Column('text')
  direction!: TransactionDirection;

  @Column('text')
  status!: TransactionStatus;

  /** Registry network key, e.g. `ethereum:devnet`. */
  @Column('text')
  network!: string;

  @Column('text')
  chain!: string;

  @Column('text')
  asset!: string;

  @Column('numeric', { precision: 78, scale: 0, transformer: bigintTransformer })
  amount!: bigint;

  @Column('text', { nullable: true })
  txHash!: string | null;

  /** ERC-20 log index; -1 for a native transfer. */
  @Column('integer', { nullable: true })
  logIndex!: number | null;

  @Column('bigint', { nullable: true, transformer: bigintTransformer })
  blockNumber!: bigint | null;

  @Column('text', { nullable: true })
  blockHash!: string | null;

  @Column('text', { nullable: true })
  fromAddress!: string | null;

  @Column('text', { nullable: true })
  toAddress!: string | null;

  @Column('integer', { default: 0 })
  confirmations!: number;

  @Column('integer')
  requiredConfirmations!: number;

  @Column('text', { nullable: true })
  failureReason!: string | null;

  /** AML screening result of the sender: `allow` or `deny`. */
  @Column('text', { nullable: true })
  amlResult!: string | null;

  /** The pending ledger transfer (deposit credit or withdrawal hold) this transaction resolves. */
  @Column('uuid', { nullable: true })
  ledgerTransferId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;
}
