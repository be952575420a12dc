import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from './organization.entity';
import { Wallet } from './wallet.entity';

/** A wallet's receive address for one (asset, network). The derivation index never leaves the server. */
@Entity('addresses')
@Index('addresses_network_address', ['network', 'address'], { unique: true })
@Index('addresses_wallet_created', ['walletId', 'createdAt', 'id'])
@Index('addresses_org_family_index', ['organizationId', 'family', 'derivationIndex'], { unique: true })
export class Address {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  organizationId!: string;

  @ManyToOne(() => Organization)
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column('uuid')
  walletId!: string;

  @ManyToOne(() => Wallet)
  @JoinColumn({ name: 'wallet_id' })
  wallet?: Wallet;

  /** Registry network key, e.g. `ethereum:devnet`. */
  @Column('text')
  network!: string;

  @Column('text')
  chain!: string;

  @Column('text')
  asset!: string;

  @Column('text')
  address!: string;

  /** Derivation family (`evm`, `tron`, `bitcoin`): one index space per family and organization. */
  @Column('text')
  family!: string;

  @Column('integer')
  derivationIndex!: number;

  @Column('text', { nullable: true })
  label!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
