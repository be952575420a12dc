import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** Address book entry (an `external_account` destination): a named, validated destination. Deleted entries are kept. */
@Entity('external_accounts')
@Index('external_accounts_org_created', ['organizationId', 'createdAt', 'id'])
@Index('external_accounts_unique', ['organizationId', 'network', 'address'], {
  unique: true,
  where: 'deleted_at IS NULL',
})
export class ExternalAccount {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Registry network key, e.g. `ethereum:devnet`. */
  @Column('text')
  network!: string;

  @Column('text')
  chain!: string;

  @Column('text')
  address!: string;

  @Column('text', { nullable: true })
  label!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}
