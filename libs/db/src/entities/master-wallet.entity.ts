import {
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

/** One HD master wallet per (organization, chain, network), at index 0 of the organization's account. */
@Entity('master_wallets')
@Index('master_wallets_org_network', ['organizationId', 'network'], { unique: true })
@Index('master_wallets_org_created', ['organizationId', 'createdAt', 'id'])
export class MasterWallet {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('text')
  chain!: string;

  /** Registry network key, e.g. `ethereum:devnet`. */
  @Column('text')
  network!: string;

  @Column('text', { nullable: true })
  label!: string | null;

  @Column('text')
  address!: string;

  @Column('boolean', { default: true })
  isActive!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
