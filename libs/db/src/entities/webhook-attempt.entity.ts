import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';

export type AttemptErrorClass = 'timeout' | 'dns' | 'conn_refused' | 'ssrf_blocked' | 'non_2xx' | 'network';

/** The delivery log: one row per HTTP attempt. */
@Entity('webhook_attempts')
@Index('webhook_attempts_delivery', ['deliveryId', 'attemptNo'])
export class WebhookAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  deliveryId!: string;

  @ManyToOne(() => WebhookDelivery)
  @JoinColumn({ name: 'delivery_id' })
  delivery?: WebhookDelivery;

  @Column('integer')
  attemptNo!: number;

  @Column('timestamptz')
  startedAt!: Date;

  @Column('integer')
  durationMs!: number;

  @Column('integer', { nullable: true })
  statusCode!: number | null;

  @Column('text', { nullable: true })
  errorClass!: AttemptErrorClass | null;

  @Column('text', { nullable: true })
  errorMessage!: string | null;

  /** The first 4 KiB of the response body. */
  @Column('text', { nullable: true })
  responseBody!: string | null;

  @Column('timestamptz', { nullable: true })
  nextAttemptAt!: Date | null;
}
