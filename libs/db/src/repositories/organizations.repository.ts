import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Organization } from '../entities/organization.entity';

/** An organization's BIP32 account index never changes, so it is read once per process. */
@Injectable()
export class OrganizationsRepository {
  private readonly accountIndexes = new Map<string, number>();

  constructor(@InjectRepository(Organization) private readonly repo: Repository<Organization>) {}

  async accountIndex(organizationId: string): Promise<number> {
    let index = this.accountIndexes.get(organizationId);
    if (index === undefined) {
      const org = await this.repo.findOneOrFail({ where: { id: organizationId }, select: { id: true, accountIndex: true } });
      index = org.accountIndex;
      this.accountIndexes.set(organizationId, index);
    }
    return index;
  }
}
