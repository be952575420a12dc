import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PageQueryDto, paginate } from '@app/common';
import { WalletTransaction } from '../entities/wallet-transaction.entity';
import { isUuid } from './tenant-scope';

export interface WalletTransactionFilters {
  direction?: string;
  status?: string;
  /** An asset symbol, matched as given (callers upper-case it). */
  asset?: string;
  /** A chain name, matched as given (callers lower-case it). */
  chain?: string;
}

/** Deposits and withdrawals, read per organization. */
@Injectable()
export class WalletTransactionsRepository {
  constructor(@InjectRepository(WalletTransaction) private readonly repo: Repository<WalletTransaction>) {}

  /** One page of a wallet's transactions, newest first (the keyset cursor of `paginate`). */
  listPage(
    organizationId: string,
    walletId: string,
    filters: WalletTransactionFilters,
    page: PageQueryDto,
  ): Promise<{ rows: WalletTransaction[]; nextCursor: string | null }> {
    const qb = this.repo.manager
      .createQueryBuilder(WalletTransaction, 't')
      .where('t.organization_id = :org AND t.wallet_id = :walletId', { org: organizationId, walletId });
    if (filters.direction) qb.andWhere('t.direction = :direction', { direction: filters.direction });
    if (filters.status) qb.andWhere('t.status = :status', { status: filters.status });
    if (filters.asset) qb.andWhere('t.asset = :asset', { asset: filters.asset });
    if (filters.chain) qb.andWhere('t.chain = :chain', { chain: filters.chain });
    return paginate(qb, page);
  }

  async findByOrgAndId(organizationId: string, id: string): Promise<WalletTransaction | null> {
    return isUuid(id) ? this.repo.manager.findOneBy(WalletTransaction, { organizationId, id }) : null;
  }

  /** The fiat adjustment booked under this Idempotency-Key (kept on its row forever), or null. */
  async findAdjustmentByKey(organizationId: string, idempotencyKey: string): Promise<WalletTransaction | null> {
    return this.repo.manager.findOneBy(WalletTransaction, {
      organizationId,
      idempotencyKey,
      destinationType: 'adjustment',
    });
  }

  /** The amount of the organization's withdrawals of an asset on a network that are not final yet (raw units). */
  async sumPendingOutgoing(organizationId: string, network: string, asset: string): Promise<bigint> {
    const [{ out }] = await this.repo.manager.query<Array<{ out: string | null }>>(
      `SELECT sum(amount) AS out FROM wallet_transactions WHERE organization_id = $1 AND network = $2 AND asset = $3
       AND direction = 'outgoing' AND status IN ('pending', 'broadcast', 'confirming')`,
      [organizationId, network, asset],
    );
    return BigInt(out ?? '0');
  }

  /** The organization's deposits on a network and asset not confirmed yet (seen in a block, not final). */
  async sumPendingIncoming(organizationId: string, network: string, asset: string): Promise<bigint> {
    const [{ total }] = await this.repo.manager.query<Array<{ total: string | null }>>(
      `SELECT sum(amount) AS total FROM wallet_transactions WHERE organization_id = $1 AND network = $2 AND asset = $3
       AND direction = 'incoming' AND status IN ('detected', 'confirming')`,
      [organizationId, network, asset],
    );
    return BigInt(total ?? '0');
  }
}
