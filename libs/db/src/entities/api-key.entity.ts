import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

@Entity('api_keys')
export class ApiKey {
  /** Public key id, `ak_...`. */
  @PrimaryColumn('text')
  id!: string;

  @Index()
  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  scopes!: string[];

  /** HMAC-SHA256 of the secret under a deployment pepper: verifies bearer-style presentation of the secret. */
  @Column('text')
  secretHash!: string;

  /** The secret sealed with the key-encryption key: needed to verify HMAC request signatures. */
  @Column('text')
  secretCiphertext!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt!: Date | null;

  /** The key's own rate limit (requests per second), instead of the deployment's default. */
  @Column('integer', { nullable: true })
  rateLimitPerSecond!: number | null;

  /** The key's own burst (bucket size); default twice its rate. */
  @Column('integer', { nullable: true })
  rateLimitBurst!: number | null;
}
