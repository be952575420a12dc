import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';

/** Where the scanner of one network stands. */
@Entity('chain_cursors')
export class ChainCursor {
  @PrimaryColumn('text')
  network!: string;

  @Column('bigint', { nullable: true, transformer: bigintTransformer })
  indexedHeight!: bigint | null;

  @Column('text', { nullable: true })
  indexedHash!: string | null;

  @Column('bigint', { nullable: true, transformer: bigintTransformer })
  headHeight!: bigint | null;

  @Column('text', { nullable: true })
  genesisHash!: string | null;

  @Column('timestamptz', { nullable: true })
  lastSyncedAt!: Date | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  /** When the node's chain was found replaced (devnet restarted without its state). */
  @Column('timestamptz', { nullable: true })
  resetAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
