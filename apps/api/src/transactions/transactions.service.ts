import { Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { NetworkRegistry } from '@app/chains';
import { DomainError, Page } from '@app/common';
import { WalletsRepository, WalletTransaction, WalletTransactionsRepository } from '@app/db';
import { toTransactionView } from '@app/ledger';
import { PricesService } from '@app/prices';
import { ListTransactionsQueryDto, TransactionDto } from './dto/transaction.dto';

@Injectable()
export class TransactionsService {
  constructor(
    private readonly wallets: WalletsRepository,
    private readonly transactions: WalletTransactionsRepository,
    private readonly registry: NetworkRegistry,
    private readonly prices: PricesService,
  ) {}

  async list(principal: Principal, walletId: string, query: ListTransactionsQueryDto): Promise<Page<TransactionDto>> {
    const wallet = await this.wallets.findByOrgAndId(principal.organizationId, walletId);
    if (!wallet) throw DomainError.notFound('Wallet');
    const { rows, nextCursor } = await this.transactions.listPage(
      principal.organizationId,
      wallet.id,
      {
        direction: query.direction,
        status: query.status,
        asset: query.asset?.toUpperCase(),
        chain: query.network?.toLowerCase(),
      },
      query,
    );
    return { data: rows.map((t) => this.view(t)), next_cursor: nextCursor };
  }

  async get(principal: Principal, id: string): Promise<TransactionDto> {
    const t = await this.transactions.findByOrgAndId(principal.organizationId, id);
    if (!t) throw DomainError.notFound('Transaction');
    return this.view(t);
  }

  private view(t: WalletTransaction): TransactionDto {
    const decimals = this.registry.decimalsOf(t.network, t.asset);
    return toTransactionView(t, decimals, 18, this.prices.usd({ symbol: t.asset, decimals }, t.amount));
  }
}
