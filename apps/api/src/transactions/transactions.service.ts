import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@app/auth';
import { NetworkRegistry } from '@app/chains';
import { DomainError, Page, paginate } from '@app/common';
import { isUuid, WalletsRepository, WalletTransaction } from '@app/db';
import { toTransactionView } from '@app/ledger';
import { ListTransactionsQueryDto, TransactionDto } from './dto/transaction.dto';

@Injectable()
export class TransactionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wallets: WalletsRepository,
    private readonly registry: NetworkRegistry,
  ) {}

  async list(principal: Principal, walletId: string, query: ListTransactionsQueryDto): Promise<Page<TransactionDto>> {
    const wallet = await this.wallets.findByOrgAndId(principal.organizationId, walletId);
    if (!wallet) throw DomainError.notFound('Wallet');
    const qb = this.db.manager
      .createQueryBuilder(WalletTransaction, 't')
      .where('t.organization_id = :org AND t.wallet_id = :walletId', { org: principal.organizationId, walletId: wallet.id });
    if (query.direction) qb.andWhere('t.direction = :direction', { direction: query.direction });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.asset) qb.andWhere('t.asset = :asset', { asset: query.asset.toUpperCase() });
    if (query.network) qb.andWhere('t.chain = :chain', { chain: query.network.toLowerCase() });
    const { rows, nextCursor } = await paginate(qb, query);
    return { data: rows.map((t) => this.view(t)), next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string): Promise<TransactionDto> {
    const t = isUuid(id) ? await this.db.manager.findOneBy(WalletTransaction, { organizationId: principal.organizationId, id }) : null;
    if (!t) throw DomainError.notFound('Transaction');
    return this.view(t);
  }

  private view(t: WalletTransaction): TransactionDto {
    const network = this.registry.byKey(t.network);
    return toTransactionView(t, (network && this.registry.findAsset(network, t.asset)?.decimals) ?? 0);
  }
}
