import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/auth';
import { checkAddress, NetworkRegistry } from '@app/chains';
import { DomainError, ErrorCode, Page, PageQueryDto } from '@app/common';
import { DuplicateKey, ExternalAccount, ExternalAccountsRepository } from '@app/db';
import { CreateExternalAccountDto, DeletedDto, ExternalAccountDto } from './dto/transfer.dto';

/** The address book (external accounts): validated destinations with a label. */
@Injectable()
export class ExternalAccountsService {
  constructor(
    private readonly accounts: ExternalAccountsRepository,
    private readonly registry: NetworkRegistry,
  ) {}

  async create(principal: Principal, dto: CreateExternalAccountDto): Promise<ExternalAccountDto> {
    const network = this.registry.byChain(dto.network.toLowerCase());
    if (!network)
      throw new DomainError(ErrorCode.InvalidNetwork, `Unknown network ${JSON.stringify(dto.network)}`, {
        supported: this.registry.chainNames(),
      });
    const check = checkAddress(dto.address, network);
    if (!check.valid || !check.normalized) {
      throw new DomainError(
        ErrorCode.InvalidAddress,
        `Not a valid ${network.chain} address: ${check.reason ?? 'invalid'}`,
        { field: 'address' },
      );
    }
    const id = randomUUID();
    try {
      await this.accounts.insert(principal.organizationId, {
        id,
        network: network.key,
        chain: network.chain,
        address: check.normalized,
        label: dto.label ?? null,
      });
    } catch (e) {
      if (!(e instanceof DuplicateKey)) throw e;
      const existing = await this.accounts.findActiveByAddressOrFail(
        principal.organizationId,
        network.key,
        check.normalized,
      );
      throw new DomainError(ErrorCode.Conflict, 'This address is already in the address book', { id: existing.id });
    }
    return this.view(await this.accounts.findByOrgAndIdOrFail(principal.organizationId, id));
  }

  async list(principal: Principal, query: PageQueryDto & { network?: string }): Promise<Page<ExternalAccountDto>> {
    const { rows, nextCursor } = await this.accounts.listPage(
      principal.organizationId,
      { chain: query.network?.toLowerCase() },
      query,
    );
    return { data: rows.map((e) => this.view(e)), next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string): Promise<ExternalAccountDto> {
    return this.view(await this.require(principal, id));
  }

  /** Removes the entry from the address book; transfers already made to it keep referring to it. */
  async remove(principal: Principal, id: string): Promise<DeletedDto> {
    const account = await this.require(principal, id);
    await this.accounts.markDeleted(principal.organizationId, account.id);
    return { id: account.id, deleted: true };
  }

  private async require(principal: Principal, id: string): Promise<ExternalAccount> {
    const account = await this.accounts.findActiveByOrgAndId(principal.organizationId, id);
    if (!account) throw DomainError.notFound('External account');
    return account;
  }

  private view(e: ExternalAccount): ExternalAccountDto {
    return { id: e.id, network: e.chain, address: e.address, label: e.label, created_at: e.createdAt.toISOString() };
  }
}
