import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Organization } from '../entities/organization.entity';

/** An organization's BIP32 account index never changes, so it is read once per process. */
@Injectable()
export class OrganizationsRepository {
  private readonly accountIndexes = new Map<string, number>();

  constructor(@InjectRepository(Organization) private readonly repo: Repository<Organization>) {}

  async accountIndex(organizationId: string): Promise<number> {
    let index = this.accountIndexes.get(organizationId);
    if (index === undefined) {
      const org = await this.repo.findOneOrFail({
        where: { id: organizationId },
        select: { id: true, accountIndex: true },
      });
      index = org.accountIndex;
      this.accountIndexes.set(organizationId, index);
    }
    return index;
  }

  /** A new organization, as stored (with its generated account index and timestamps). */
  async insert(
    fields: Pick<Organization, 'id' | 'name' | 'walletsEnabled'>,
    manager?: EntityManager,
  ): Promise<Organization> {
    const m = manager ?? this.repo.manager;
    return m.save(m.create(Organization, fields));
  }

  /** The organization, or null (also for an id that cannot be one). */
  async findById(organizationId: string): Promise<Organization | null> {
    return /^[0-9a-f-]{36}$/i.test(organizationId)
      ? this.repo.manager.findOneBy(Organization, { id: organizationId })
      : null;
  }

  /** Across organizations (the operator CLI): every organization, oldest first. */
  listAll(): Promise<Organization[]> {
    return this.repo.manager.find(Organization, { order: { createdAt: 'ASC' } });
  }

  /** Stores `organization.walletsEnabled = enabled`; returns the organization as saved. */
  async setWalletsEnabled(
    organization: Organization,
    enabled: boolean,
    manager?: EntityManager,
  ): Promise<Organization> {
    organization.walletsEnabled = enabled;
    return (manager ?? this.repo.manager).save(organization);
  }
}
