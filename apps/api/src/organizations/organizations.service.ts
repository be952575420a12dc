import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ApiKeysService, CreatedApiKey } from '@app/auth';
import { DomainError, ErrorCode } from '@app/common';
import { Organization, OrganizationsRepository, Transactions } from '@app/db';

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
    private readonly transactions: Transactions,
    private readonly organizations: OrganizationsRepository,
    private readonly keys: ApiKeysService,
  ) {}

  async create(name: string, walletsEnabled = false, manager?: EntityManager): Promise<Organization> {
    if (!name.trim()) throw new DomainError(ErrorCode.InvalidRequest, 'name must not be empty');
    return this.organizations.insert({ id: randomUUID(), name: name.trim(), walletsEnabled }, manager);
  }

  async setWalletsEnabled(id: string, enabled: boolean): Promise<Organization> {
    const org = await this.get(id);
    return this.transactions.run(async (m) => {
      const saved = await this.organizations.setWalletsEnabled(org, enabled, m);
      await this.keys.announce(`org:${org.id}`, m); // cached keys of this organization are re-read everywhere
      return saved;
    });
  }

  async get(id: string): Promise<Organization> {
    const org = await this.organizations.findById(id);
    if (!org) throw DomainError.notFound('Organization');
    return org;
  }

  async list(): Promise<Organization[]> {
    return this.organizations.listAll();
  }

  async createKey(organizationId: string, options: { name?: string; scopes?: string[] }): Promise<CreatedApiKey> {
    await this.get(organizationId);
    return this.keys.create(organizationId, options);
  }

  async revokeKey(id: string): Promise<boolean> {
    return this.keys.revoke(id);
  }
}
