import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintTransformer } from '../transformers';
import { Organization } from './organization.entity';
import { Wallet } from './wallet.entity';

export type TransactionDirection = 'incoming' | 'outgoing';
export type IncomingStatus = 'detected' | 'confirming' | 'confirmed' | 'quarantined' | 'failed';
export type OutgoingStatus = 'pending' | 'broadcast' | 'confirming' | 'confirmed' | 'failed';
export type TransactionStatus = IncomingStatus | OutgoingStatus;
/** `adjustment`: an operator-booked credit or debit of a fiat wallet against the organization's settlement account. */
export type DestinationType = 'public_address' | 'wallet' | 'external_account' | 'adjustment';
/**
 * Where a withdrawal in `pending` stands: queued, waiting for the master address to be funded, signed (not yet
 * broadcast).
 */
export type SpeedUpMethod = 'cpfp' | 'replacement';
export type FeeLevel = 'low' | 'medium' | 'high';
export type OutgoingSubStatus = 'queued' | 'waiting_for_funds' | 'signed';

/** A deposit (incoming) or a withdrawal (outgoing) of one wallet; `transaction_id` in events. */
@Entity('wallet_transactions')
@Index('wallet_transactions_deposit_key', ['network', 'txHash', 'logIndex'], {
  unique: true,
  where: `direction = 'incoming'`,
})
@Index('wallet_transactions_wallet_created', ['walletId', 'createdAt', 'id'])
@Index('wallet_transactions_open', ['network', 'status'], {
  where: `status IN ('detected', 'confirming', 'pending', 'broadcast')`,
})
@Index('wallet_transactions_idempotency', ['organizationId', 'idempotencyKey'], {
  unique: true,
  where: `idempotency_key IS NOT NULL`,
})
@Index('wallet_transactions_external_id', ['organizationId', 'externalId'], {
  unique: true,
  where: `external_id IS NOT NULL`,
})
@Index('wallet_transactions_batch', ['batchId'], { where: 'batch_id IS NOT NULL' })
@Index('wallet_transactions_unswept', ['network', 'toAddress'], {
  where: `direction = 'incoming' AND status = 'confirmed' AND swept_at IS NULL`,
})
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

  /** Outgoing: what kind of destination, and which one. */
  @Column('text', { nullable: true })
  destinationType!: DestinationType | null;

  @Column('uuid', { nullable: true })
  destinationWalletId!: string | null;

  @Column('uuid', { nullable: true })
  externalAccountId!: string | null;

  /** The other side of an internal transfer (the recipient's incoming row, or the sender's outgoing row). */
  @Column('uuid', { nullable: true })
  counterpartId!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  /** The partner's own id for a transfer, unique per organization: a business key that outlives idempotency keys. */
  @Column('text', { nullable: true })
  externalId!: string | null;

  /** The Idempotency-Key that created this transfer, unique per organization (never reaped). */
  @Column('text', { nullable: true })
  idempotencyKey!: string | null;

  @Column('uuid', { nullable: true })
  batchId!: string | null;

  /** Position of the item in its batch. */
  @Column('integer', { nullable: true })
  batchIndex!: number | null;

  @Column('text', { nullable: true })
  subStatus!: OutgoingSubStatus | null;

  /** Network fee paid (native asset), known once mined. */
  @Column('numeric', { precision: 78, scale: 0, nullable: true, transformer: bigintTransformer })
  fee!: bigint | null;

  @Column('text', { nullable: true })
  feeAsset!: string | null;

  /** Outgoing on Bitcoin: the fee rate asked for (`low`, `medium`, `high`), null = medium. */
  @Column('text', { nullable: true })
  feeLevel!: FeeLevel | null;

  @Column('integer', { nullable: true })
  nonce!: number | null;

  /** The signed transaction, stored before broadcast so that a restart rebroadcasts exactly this one. */
  @Column('text', { nullable: true })
  signedTx!: string | null;

  @Column('timestamptz', { nullable: true })
  broadcastAt!: Date | null;

  /** How the send was sped up: `cpfp` (Bitcoin: a child spends its change) or `replacement` (EVM: same nonce). */
  @Column('text', { nullable: true })
  speedUpMethod!: SpeedUpMethod | null;

  /** cpfp: the child transaction; replacement: the other transaction of the nonce (only one of the two is mined). */
  @Column('text', { nullable: true })
  speedUpTxHash!: string | null;

  /** The signed bytes of `speedUpTxHash` when it is ours to (re)broadcast. */
  @Column('text', { nullable: true })
  speedUpSignedTx!: string | null;

  /** cpfp: the child's fee, booked to the fee account with the send's. */
  @Column('numeric', { precision: 78, scale: 0, nullable: true, transformer: bigintTransformer })
  speedUpFee!: bigint | null;

  @Column('timestamptz', { nullable: true })
  spedUpAt!: Date | null;

  /** Outgoing, waiting for funds: the signer looks at it again from this time on. */
  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;

  /** Incoming, not swept: why the sweeper skipped it (`dust`, `below_minimum`, `no_gas_for_topup`). */
  @Column('text', { nullable: true })
  sweepSkipReason!: string | null;

  /** Incoming, skipped by the sweeper: when it is looked at again. */
  @Column('timestamptz', { nullable: true })
  sweepRetryAt!: Date | null;

  /** Incoming: when the deposit's funds were swept to the master address. */
  @Column('timestamptz', { nullable: true })
  sweptAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  confirmedAt!: Date | null;

  /**
   * The USD rate of the asset when the transaction was confirmed (a decimal string), fixed for accounting; null when
   * no current price was known then.
   */
  @Column('numeric', { nullable: true })
  usdRate!: string | null;

  /** The time of that rate (the price source's own time). */
  @Column('timestamptz', { nullable: true })
  usdRateAt!: Date | null;

  /** `amount` in USD at `usd_rate`, rounded half to even to cents. */
  @Column('numeric', { nullable: true })
  amountUsd!: string | null;
}
