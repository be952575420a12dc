import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransferBatch } from '../entities/transfer-batch.entity';
import { WalletTransaction } from '../entities/wallet-transaction.entity';

/** The reads of the send path (its writes are ledger postings). */
@Injectable()
export class TransfersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The send made before under a business key: the Idempotency-Key it stored (preferred), or its external_id. */
  async findSendByBusinessKey(
    organizationId: string,
    keys: { idempotencyKey?: string | null; externalId?: string | null },
  ): Promise<WalletTransaction | null> {
    if (!keys.idempotencyKey && !keys.externalId) return null;
    const found = await this.dataSource.manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(
        `t.organization_id = :org AND t.direction = 'outgoing' AND (t.idempotency_key = :key OR t.external_id = :ext)`,
        {
          org: organizationId,
          key: keys.idempotencyKey ?? null,
          ext: keys.externalId ?? null,
        },
      )
      .getMany();
    return found.find((t) => keys.idempotencyKey && t.idempotencyKey === keys.idempotencyKey) ?? found[0] ?? null;
  }

  findBatch(organizationId: string, id: string): Promise<TransferBatch | null> {
    return this.dataSource.manager.findOneBy(TransferBatch, { organizationId, id });
  }

  findBatchByKey(organizationId: string, idempotencyKey: string): Promise<TransferBatch | null> {
    return this.dataSource.manager.findOneBy(TransferBatch, { organizationId, idempotencyKey });
  }

  /** The outgoing transactions of a batch, in item order. */
  async batchItems(organizationId: string, batchId: string): Promise<WalletTransaction[]> {
    return this.dataSource.manager.find(WalletTransaction, {
      where: { organizationId, batchId, direction: 'outgoing' },
      order: { batchIndex: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }
}
