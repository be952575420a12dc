import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { PageQueryDto, paginate } from '@app/common';
import { MasterWallet } from '../entities/master-wallet.entity';
import { isUuid } from './tenant-scope';

/** Master wallets: one per (organization, network). */
@Injectable()
export class MasterWalletsRepository {
  constructor(@InjectRepository(MasterWallet) private readonly repo: Repository<MasterWallet>) {}

  /** Stores the organization's master wallet for a network unless it has one; true when this call created it. */
  async insertIfAbsent(
    organizationId: string,
    fields: Pick<MasterWallet, 'id' | 'chain' | 'network' | 'label' | 'address'>,
    manager?: EntityManager,
  ): Promise<boolean> {
    const inserted = await (manager ?? this.repo.manager).query<Array<{ id: string }>>(
      `INSERT INTO master_wallets (id, organization_id, chain, network, label, address, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, true)
       ON CONFLICT (organization_id, network) DO NOTHING RETURNING id`,
      [fields.id, organizationId, fields.chain, fields.network, fields.label, fields.address],
    );
    return inserted.length > 0;
  }

  findByOrgAndNetworkOrFail(organizationId: string, network: string): Promise<MasterWallet> {
    return this.repo.manager.findOneByOrFail(MasterWallet, { organizationId, network });
  }

  async findByOrgAndId(organizationId: string, id: string): Promise<MasterWallet | null> {
    return isUuid(id) ? this.repo.manager.findOneBy(MasterWallet, { organizationId, id }) : null;
  }

  /** One page of the organization's master wallets, newest first (the keyset cursor of `paginate`). */
  listPage(organizationId: string, page: PageQueryDto): Promise<{ rows: MasterWallet[]; nextCursor: string | null }> {
    const qb = this.repo.manager
      .createQueryBuilder(MasterWallet, 'm')
      .where('m.organization_id = :org', { org: organizationId });
    return paginate(qb, page);
  }

  countForOrg(organizationId: string): Promise<number> {
    return this.repo.manager.countBy(MasterWallet, { organizationId });
  }

  /** Across organizations (the master balance sync job): every master wallet on a network. */
  listByNetwork(network: string, manager?: EntityManager): Promise<MasterWallet[]> {
    return (manager ?? this.repo.manager).find(MasterWallet, { where: { network } });
  }
}
