import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Next nonce of a sending address per network: allocated under a lock, so it survives restarts and replicas. */
@Entity('nonce_counters')
export class NonceCounter {
  @PrimaryColumn('text')
  network!: string;

  @PrimaryColumn('text')
  address!: string;

  @Column('integer')
  nextNonce!: number;
}
