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
}
