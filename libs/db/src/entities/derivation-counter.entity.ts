import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** Next free address index per (organization, derivation family); index 0 is the master wallet's. */
@Entity('derivation_counters')
@Check('derivation_counters_range', `next_index >= 1 AND next_index < 2147483648`)
export class DerivationCounter {
  @PrimaryColumn('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @PrimaryColumn('text')
  family!: string;

  @Column('integer')
  nextIndex!: number;
}
