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

export type LedgerAccountKind = 'wallet' | 'external' | 'fees' | 'master' | 'settlement';

/**
 * TigerBeetle-style account: four cached sums in base units. `wallet` accounts (customers) can never have their
 * debits exceed their posted credits; system accounts (`external` = the outside world, `fees`, `master`,
 * `settlement` = the organization's fiat settlement account, the other side of fiat adjustments) can.
 */
@Entity('ledger_accounts')
@Index('ledger_accounts_wallet', ['walletId', 'network', 'asset'], { unique: true, where: 'wallet_id IS NOT NULL' })
@Index('ledger_accounts_system', ['organizationId', 'kind', 'network', 'asset'], {
  unique: true,
  where: 'wallet_id IS NULL',
})
@Check(
  'ledger_accounts_kind',
  `kind IN ('wallet', 'external', 'fees', 'master', 'settlement') AND (kind = 'wallet') = (wallet_id IS NOT NULL)`,
)
@Check(
  'ledger_accounts_non_negative',
  `credits_posted >= 0 AND debits_posted >= 0 AND credits_pending >= 0 AND debits_pending >= 0`,
)
@Check('ledger_accounts_wallet_available', `kind <> 'wallet' OR credits_posted - debits_posted - debits_pending >= 0`)
export class LedgerAccount {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('text')
  kind!: LedgerAccountKind;

  @Column('uuid', { nullable: true })
  walletId!: string | null;

  @ManyToOne(() => Wallet)
  @JoinColumn({ name: 'wallet_id' })
  wallet?: Wallet;

  /** Registry network key, e.g. `ethereum:devnet`. */
  @Column('text')
  network!: string;

  @Column('text')
  asset!: string;

  @Column('numeric', { precision: 78, scale: 0, default: 0, transformer: bigintTransformer })
  creditsPosted!: bigint;

  @Column('numeric', { precision: 78, scale: 0, default: 0, transformer: bigintTransformer })
  debitsPosted!: bigint;

  @Column('numeric', { precision: 78, scale: 0, default: 0, transformer: bigintTransformer })
  creditsPending!: bigint;

  @Column('numeric', { precision: 78, scale: 0, default: 0, transformer: bigintTransformer })
  debitsPending!: bigint;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
