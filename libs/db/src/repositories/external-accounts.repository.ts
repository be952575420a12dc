import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { PageQueryDto, paginate } from '@app/common';
import { ExternalAccount } from '../entities/external-account.entity';
import { isUuid, withUniqueKeys } from './tenant-scope';

/** The address book (external accounts). Deleted entries are kept, marked `deleted_at`. */
@Injectable()
export class ExternalAccountsRepository {
  constructor(@InjectRepository(ExternalAccount) private readonly repo: Repository<ExternalAccount>) {}

  /**
   * Stores a new entry; a second live entry for the same (network, address) is the driver's `external_accounts_unique`
   * violation.
   */
  async insert(
    organizationId: string,
    fields: Pick<ExternalAccount, 'id' | 'network' | 'chain' | 'address' | 'label'>,
  ): Promise<void> {
    const entry = Object.assign(new ExternalAccount(), { ...fields, organizationId, deletedAt: null });
    await withUniqueKeys(this.repo.manager.insert(ExternalAccount, entry), { external_accounts_unique: 'address' });
  }

  /** An entry as stored, deleted or not. */
  findByOrgAndIdOrFail(organizationId: string, id: string): Promise<ExternalAccount> {
    return this.repo.manager.findOneByOrFail(ExternalAccount, { organizationId, id });
  }

  /** The live entry of the organization, or null. */
  async findActiveByOrgAndId(organizationId: string, id: string): Promise<ExternalAccount | null> {
    return isUuid(id)
      ? this.repo.manager.findOneBy(ExternalAccount, { organizationId, id, deletedAt: IsNull() })
      : null;
  }

  findActiveByAddressOrFail(organizationId: string, network: string, address: string): Promise<ExternalAccount> {
    return this.repo.manager.findOneByOrFail(ExternalAccount, {
      organizationId,
      network,
      address,
      deletedAt: IsNull(),
    });
  }

  /**
   * One page of the organization's live entries, newest first (the keyset cursor of `paginate`), of one chain if given.
   */
  listPage(
    organizationId: string,
    filters: { chain?: string },
    page: PageQueryDto,
  ): Promise<{ rows: ExternalAccount[]; nextCursor: string | null }> {
    const qb = this.repo.manager
      .createQueryBuilder(ExternalAccount, 'e')
      .where('e.organization_id = :org AND e.deleted_at IS NULL', { org: organizationId });
    if (filters.chain) qb.andWhere('e.chain = :chain', { chain: filters.chain });
    return paginate(qb, page);
  }

  async markDeleted(organizationId: string, id: string): Promise<void> {
    await this.repo.manager.update(ExternalAccount, { organizationId, id }, { deletedAt: new Date() });
  }
}
