import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';

/** Recent blocks the scanner accepted, to find the common ancestor after a reorg. */
@Entity('scanned_blocks')
export class ScannedBlock {
  @PrimaryColumn('text')
  network!: string;

  @PrimaryColumn('bigint', { transformer: bigintTransformer })
  height!: bigint;

  @Column('text')
  hash!: string;

  @Column('text')
  parentHash!: string;
}
