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
import { Organization } from './organization.entity';

export type WalletStatus = 'pending' | 'active' | 'disabled';
export const WALLET_STATUSES: WalletStatus[] = ['pending', 'active', 'disabled'];
export type WalletCurrencyCode = 'btc' | 'eth' | 'usdt' | 'usdc' | 'usd';
export const WALLET_CURRENCY_CODES: WalletCurrencyCode[] = ['btc', 'eth', 'usdt', 'usdc', 'usd'];

@Entity('wallets')
@Index('wallets_org_created', ['organizationId', 'createdAt', 'id'])
@Index('wallets_org_external_id', ['organizationId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index('wallets_pending', ['createdAt'], { where: `status = 'pending'` })
@Check('wallets_status', `status IN ('pending', 'active', 'disabled')`)
@Check('wallets_number', `wallet_number ~ '^[1-9][0-9]{9}$'`)
@Check('wallets_currency', `currency IS NULL OR currency IN ('btc', 'eth', 'usdt', 'usdc', 'usd')`)
export class Wallet {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column('uuid', { nullable: true })
  endUserId!: string | null;

  @Column('uuid', { nullable: true })
  umbrellaLinkId!: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  metadata!: Record<string, string>;

  /** A 10-digit number for internal transfers and support, unique across the deployment. */
  @Index('wallets_number_unique', { unique: true })
  @Column('char', { length: 10 })
  walletNumber!: string;

  @Column('text', { default: 'pending' })
  status!: WalletStatus;

  /**
   * The one currency of a single-asset wallet (`btc`, `eth`, `usdt`, `usdc`, or `usd` for a fiat wallet);
   * null for a multi-asset wallet. Set at creation, never changed.
   */
  @Column('text', { nullable: true })
  currency!: WalletCurrencyCode | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
