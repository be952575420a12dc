import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * The events outbox: written in the same transaction as the change it describes; the webhook delivery job and
 * `GET /v1/events` read it. `seq` orders the feed.
 */
@Entity('events')
@Index('events_org_seq', ['organizationId', 'seq'])
export class Event {
  /** `evt_...`, also the Standard Webhooks `webhook-id`. */
  @PrimaryColumn('text')
  id!: string;

  @Index('events_seq_unique', { unique: true })
  @Column('bigint')
  @Generated('increment')
  seq!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('text')
  type!: string;

  @Column('jsonb')
  data!: Record<string, unknown>;

  /** The webhook body, serialized once: every attempt sends exactly these bytes. */
  @Column('text')
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
