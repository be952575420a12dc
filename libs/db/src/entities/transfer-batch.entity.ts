import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';

/** A batch withdrawal: one wallet, one asset, many destinations, held all-or-nothing. */
@Entity('transfer_batches')
@Index('transfer_batches_org_created', ['organizationId', 'createdAt', 'id'])
@Index('transfer_batches_idempotency', ['organizationId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class TransferBatch {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  walletId!: string;

  @Column('text')
  network!: string;

  @Column('text')
  asset!: string;

  @Column('integer')
  itemCount!: number;

  @Column('numeric', { precision: 78, scale: 0, transformer: bigintTransformer })
  total!: bigint;

  @Column('text', { nullable: true })
  idempotencyKey!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
