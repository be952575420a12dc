import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Deployment-wide state: the development organization id, the sealed root seed, devnet genesis hashes. */
@Entity('system_settings')
export class SystemSetting {
  @PrimaryColumn('text')
  key!: string;

  @Column('jsonb')
  value!: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
