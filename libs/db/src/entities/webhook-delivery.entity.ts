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
import { Event } from './event.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/**
 * One event to one endpoint: created with the event (outbox), claimed by a worker with a lease, retried on a schedule.
 */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_due', ['nextAttemptAt'], { where: `status = 'pending'` })
@Index('webhook_deliveries_endpoint_created', ['endpointId', 'createdAt', 'id'])
@Check('webhook_deliveries_status', `status IN ('pending', 'succeeded', 'failed', 'cancelled')`)
export class WebhookDelivery {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @Column('uuid')
  endpointId!: string;

  @ManyToOne(() => WebhookEndpoint)
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  @Column('text')
  eventId!: string;

  @ManyToOne(() => Event)
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @Column('text', { default: 'pending' })
  status!: DeliveryStatus;

  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt!: Date;

  /** A worker holds the delivery until then; a crashed worker's lease runs out and another retries it. */
  @Column('timestamptz', { nullable: true })
  leaseUntil!: Date | null;

  @Column('integer', { nullable: true })
  lastStatusCode!: number | null;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;
}
