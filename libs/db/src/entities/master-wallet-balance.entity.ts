import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../transformers';
import { MasterWallet } from './master-wallet.entity';

/** On-chain balance of a master wallet's address, refreshed by the balance sync job. */
@Entity('master_wallet_balances')
export class MasterWalletBalance {
  @PrimaryColumn('uuid')
  masterWalletId!: string;

  @ManyToOne(() => MasterWallet)
  @JoinColumn({ name: 'master_wallet_id' })
  masterWallet?: MasterWallet;

  @PrimaryColumn('text')
  asset!: string;

  @Column('numeric', { precision: 78, scale: 0, transformer: bigintTransformer })
  balance!: bigint;

  @Column('timestamptz')
  syncedAt!: Date;
}
