import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Request ids of HMAC-signed requests seen inside the timestamp window: a replayed request is refused. */
@Entity('auth_request_ids')
export class AuthRequestId {
  @PrimaryColumn('text')
  apiKeyId!: string;

  @PrimaryColumn('text')
  requestId!: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
