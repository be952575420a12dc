import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A claimed Idempotency-Key and, once the request finished, the response to replay. */
@Entity('idempotency_keys')
@Index('idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of method, route, path parameters and the canonical body. */
  @Column('text')
  fingerprint!: string;

  @Column('text')
  method!: string;

  @Column('text')
  path!: string;

  @Column('timestamptz')
  lockedAt!: Date;

  @Column('integer', { nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { nullable: true })
  responseBody!: unknown;

  @Column('jsonb', { nullable: true })
  responseHeaders!: Record<string, string> | null;

  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
