import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Principal } from '@app/auth';
import { checkAddress, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, Page, PageQueryDto, paginate } from '@app/common';
import { ExternalAccount, isUniqueViolation, isUuid } from '@app/db';
import { CreateExternalAccountDto, DeletedDto, ExternalAccountDto } from './dto/transfer.dto';

/** The address book (seed 002's external accounts): validated destinations with a label. */
@Injectable()
export class ExternalAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: NetworkRegistry,
  ) {}

  async create(principal: Principal, dto: CreateExternalAccountDto): Promise<ExternalAccountDto> {
    const network = this.registry.byChain(dto.network.toLowerCase());
    if (!network) throw new DomainError(ErrorCode.InvalidNetwork, `Unknown network ${JSON.stringify(dto.network)}`, { supported: this.registry.chainNames() });
    const check = checkAddress(dto.address, network);
    if (!check.valid || !check.normalized) {
      throw new DomainError(ErrorCode.InvalidAddress, `Not a valid ${network.chain} address: ${check.reason ?? 'invalid'}`, { field: 'address' });
    }
    const account = Object.assign(new ExternalAccount(), {
      id: randomUUID(),
      organizationId: principal.organizationId,
      network: network.key,
      chain: network.chain,
      address: check.normalized,
      label: dto.label ?? null,
      deletedAt: null,
    });
    try {
      await this.db.manager.insert(ExternalAccount, account);
    } catch (e) {
      if (!isUniqueViolation(e, 'external_accounts_unique')) throw e;
      const existing = await this.db.manager.findOneByOrFail(ExternalAccount, {
        organizationId: principal.organizationId, network: network.key, address: check.normalized, deletedAt: IsNull(),
      });
      throw new DomainError(ErrorCode.Conflict, 'This address is already in the address book', { id: existing.id });
    }
    return this.view(await this.db.manager.findOneByOrFail(ExternalAccount, { id: account.id }));
  }

  async list(principal: Principal, query: PageQueryDto & { network?: string }): Promise<Page<ExternalAccountDto>> {
    const qb = this.db.manager
      .createQueryBuilder(ExternalAccount, 'e')
      .where('e.organization_id = :org AND e.deleted_at IS NULL', { org: principal.organizationId });
    if (query.network) qb.andWhere('e.chain = :chain', { chain: query.network.toLowerCase() });
    const { rows, nextCursor } = await paginate(qb, query);
    return { data: rows.map((e) => this.view(e)), next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string): Promise<ExternalAccountDto> {
    return this.view(await this.require(principal, id));
  }

  /** Removes the entry from the address book; transfers already made to it keep referring to it. */
  async remove(principal: Principal, id: string): Promise<DeletedDto> {
    const account = await this.require(principal, id);
    await this.db.manager.update(ExternalAccount, { id: account.id }, { deletedAt: new Date() });
    return { id: account.id, deleted: true };
  }

  private async require(principal: Principal, id: string): Promise<ExternalAccount> {
    const account = isUuid(id) ? await this.db.manager.findOneBy(ExternalAccount, { organizationId: principal.organizationId, id, deletedAt: IsNull() }) : null;
    if (!account) throw DomainError.notFound('External account');
    return account;
  }

  private view(e: ExternalAccount): ExternalAccountDto {
    return { id: e.id, network: e.chain, address: e.address, label: e.label, created_at: e.createdAt.toISOString() };
  }
}
