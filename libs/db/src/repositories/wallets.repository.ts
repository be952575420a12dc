import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Wallet } from '../entities/wallet.entity';
import { isUuid } from './tenant-scope';

/** Every read of a wallet names its organization: a query without a tenant cannot be written through this class. */
@Injectable()
export class WalletsRepository {
  constructor(@InjectRepository(Wallet) private readonly repo: Repository<Wallet>) {}

  async findByOrgAndId(organizationId: string, id: string, manager?: EntityManager, lock?: 'pessimistic_write'): Promise<Wallet | null> {
    if (!isUuid(id)) return null;
    const m = manager ?? this.repo.manager;
    return m.findOne(Wallet, { where: { organizationId, id }, ...(lock ? { lock: { mode: lock } } : {}) });
  }

  async findByOrgAndExternalId(organizationId: string, externalId: string): Promise<Wallet | null> {
    return this.repo.findOneBy({ organizationId, externalId });
  }

  queryForOrg(organizationId: string, alias = 'w'): SelectQueryBuilder<Wallet> {
    return this.repo.createQueryBuilder(alias).where(`${alias}.organization_id = :organizationId`, { organizationId });
  }
}
