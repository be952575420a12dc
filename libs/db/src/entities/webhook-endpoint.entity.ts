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

/** A partner's webhook receiver. Its signing secret is stored sealed; during a rotation the previous one too. */
@Entity('webhook_endpoints')
@Index('webhook_endpoints_org_created', ['organizationId', 'createdAt', 'id'])
@Index('webhook_endpoints_org_active', ['organizationId'], { where: 'enabled AND deleted_at IS NULL' })
export class WebhookEndpoint {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('text')
  url!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  /** Event types delivered; empty = every type. */
  @Column('text', { array: true, default: () => "'{}'" })
  events!: string[];

  @Column('boolean', { default: true })
  enabled!: boolean;

  /** Why the service disabled it (`gone`: 410; `failing`: every delivery failed for too long). */
  @Column('text', { nullable: true })
  disabledReason!: string | null;

  @Column('text')
  secretCiphertext!: string;

  @Column('text', { nullable: true })
  previousSecretCiphertext!: string | null;

  @Column('timestamptz', { nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column('integer', { default: 0 })
  consecutiveFailures!: number;

  @Column('timestamptz', { nullable: true })
  failingSince!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}
