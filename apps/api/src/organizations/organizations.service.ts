import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKeysService, CreatedApiKey } from '@app/auth';
import { DomainError, ErrorCode } from '@app/common';
import { Organization } from '@app/db';

export interface OrganizationView {
  id: string;
  name: string;
  wallets_enabled: boolean;
  created_at: string;
}

export function toOrganizationView(org: Organization): OrganizationView {
  return { id: org.id, name: org.name, wallets_enabled: org.walletsEnabled, created_at: org.createdAt.toISOString() };
}

/** Operator actions on organizations and keys (the CLI and the development bootstrap); not a public API. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keys: ApiKeysService,
  ) {}

  async create(name: string, walletsEnabled = false, manager: EntityManager = this.db.manager): Promise<Organization> {
    if (!name.trim()) throw new DomainError(ErrorCode.InvalidRequest, 'name must not be empty');
    return manager.save(manager.create(Organization, { id: randomUUID(), name: name.trim(), walletsEnabled }));
  }

  async setWalletsEnabled(id: string, enabled: boolean): Promise<Organization> {
    const org = await this.get(id);
    org.walletsEnabled = enabled;
    return this.db.transaction(async (m) => {
      const saved = await m.save(org);
      await this.keys.announce(m, `org:${org.id}`); // cached keys of this organization are re-read everywhere
      return saved;
    });
  }

  async get(id: string): Promise<Organization> {
    const org = /^[0-9a-f-]{36}$/i.test(id) ? await this.db.manager.findOneBy(Organization, { id }) : null;
    if (!org) throw DomainError.notFound('Organization');
    return org;
  }

  async list(): Promise<Organization[]> {
    return this.db.manager.find(Organization, { order: { createdAt: 'ASC' } });
  }

  async createKey(organizationId: string, options: { name?: string; scopes?: string[] }): Promise<CreatedApiKey> {
    await this.get(organizationId);
    return this.keys.create(this.db.manager, organizationId, options);
  }

  async revokeKey(id: string): Promise<boolean> {
    return this.keys.revoke(id);
  }
}
