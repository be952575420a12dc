import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';

export type SweepStatus = 'topping_up' | 'sweeping' | 'confirmed' | 'failed';

/**
 * Moves a child address's funds of one asset to the master address. Tokens first get gas from the master
 * (`topping_up`), then the child signs the token transfer (`sweeping`). Signed transactions are stored first.
 */
@Entity('sweeps')
@Index('sweeps_open', ['network', 'status'], { where: `status IN ('topping_up', 'sweeping')` })
@Index('sweeps_address_open', ['network', 'address'], { unique: true, where: `status IN ('topping_up', 'sweeping')` })
@Index('sweeps_topup_tx', ['topupTxHash'], { where: 'topup_tx_hash IS NOT NULL' })
@Check('sweeps_status', `status IN ('topping_up', 'sweeping', 'confirmed', 'failed')`)
export class Sweep {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('text')
  network!: string;

  @Column('text')
  asset!: string;

  /** The child address being swept. */
  @Column('text')
  address!: string;

  @Column('integer')
  derivationIndex!: number;

  @Column('text')
  masterAddress!: string;

  @Column('numeric', { precision: 78, scale: 0, transformer: bigintTransformer })
  amount!: bigint;

  @Column('text')
  status!: SweepStatus;

  @Column('text', { nullable: true })
  topupTxHash!: string | null;

  @Column('text', { nullable: true })
  topupSignedTx!: string | null;

  @Column('text', { nullable: true })
  sweepTxHash!: string | null;

  @Column('text', { nullable: true })
  sweepSignedTx!: string | null;

  /** Native fees paid by the top-up and the sweep, booked to the organization's fee account. */
  @Column('numeric', { precision: 78, scale: 0, nullable: true, transformer: bigintTransformer })
  fee!: bigint | null;

  @Column('text', { nullable: true })
  failureReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
