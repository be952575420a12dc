import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { WalletTransaction } from '../entities/wallet-transaction.entity';

/** Outgoing on-chain transactions as the transfer job works them, across organizations (the job's). */
@Injectable()
export class WithdrawalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` withdrawals of the network waiting to be signed, oldest first, locked (others' locks skipped). */
  claimQueued(manager: EntityManager, network: string, limit: number): Promise<WalletTransaction[]> {
    return manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(
        `t.network = :network AND t.direction = 'outgoing' AND t.status = 'pending' AND t.sub_status IN ('queued', 'waiting_for_funds')`,
        { network },
      )
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.batch_index', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** What `from` has signed or broadcast but not yet mined: the sum of those of `asset`, and their number. */
  async inFlightFrom(
    manager: EntityManager,
    network: string,
    from: string,
    asset: string,
  ): Promise<{ amount: bigint; count: number }> {
    const [row] = await manager.query<Array<{ amount: string | null; n: string }>>(
      `SELECT sum(amount) FILTER (WHERE asset = $3) AS amount, count(*) AS n FROM wallet_transactions
       WHERE network = $1 AND from_address = $2 AND direction = 'outgoing' AND (sub_status = 'signed' OR status = 'broadcast')`,
      [network, from, asset],
    );
    return { amount: BigInt(row.amount ?? '0'), count: Number(row.n) };
  }

  /**
   * The other withdrawals of these batches still waiting to be signed, locked: a batch is signed whole (on Bitcoin
   * its on-chain items are the outputs of one transaction), whatever the claim's limit cut.
   */
  queuedOfBatches(manager: EntityManager, batchIds: string[]): Promise<WalletTransaction[]> {
    if (batchIds.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(
        `t.batch_id IN (:...batchIds) AND t.direction = 'outgoing' AND t.status = 'pending' AND t.sub_status IN ('queued', 'waiting_for_funds')`,
        { batchIds },
      )
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * Signed withdrawals of the network not yet broadcast: in nonce order (EVM), then oldest first (a Bitcoin send, as a
   * rule, before those that spend its change).
   */
  signed(network: string): Promise<WalletTransaction[]> {
    return this.dataSource.manager.find(WalletTransaction, {
      where: { network, direction: 'outgoing', status: 'pending', subStatus: 'signed' },
      order: { nonce: 'ASC', createdAt: 'ASC', batchIndex: 'ASC' },
    });
  }

  /** The withdrawals one transaction carries (a Bitcoin batch: several), locked, if they are still in `status`. */
  lockByTxHash(
    manager: EntityManager,
    network: string,
    txHash: string,
    status: Array<'pending' | 'broadcast' | 'confirming'>,
  ): Promise<WalletTransaction[]> {
    return manager.find(WalletTransaction, {
      where: { network, txHash, direction: 'outgoing', status: In(status) },
      order: { batchIndex: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Broadcast withdrawals of the network waiting for their receipt or confirmations, oldest first. */
  inFlight(network: string): Promise<WalletTransaction[]> {
    return this.dataSource.manager.find(WalletTransaction, {
      where: { network, direction: 'outgoing', status: In(['broadcast', 'confirming']) },
      order: { createdAt: 'ASC' },
    });
  }

  /** The withdrawal, locked, if it still matches `state`. */
  lock(
    manager: EntityManager,
    id: string,
    state: { subStatus: 'signed' } | { status: Array<'broadcast' | 'confirming'> },
  ): Promise<WalletTransaction | null> {
    const where = 'subStatus' in state ? { id, subStatus: state.subStatus } : { id, status: In(state.status) };
    return manager.findOne(WalletTransaction, { where, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, tx: WalletTransaction): Promise<void> {
    await manager.save(tx);
  }

  /** A confirming withdrawal whose receipt vanished (reorged out) is broadcast again. */
  async backToBroadcast(id: string): Promise<void> {
    await this.dataSource.manager.update(
      WalletTransaction,
      { id, status: 'confirming' },
      { status: 'broadcast', confirmations: 0 },
    );
  }

  /** The same for every withdrawal a transaction carries. */
  async backToBroadcastByTxHash(network: string, txHash: string): Promise<void> {
    await this.dataSource.manager.update(
      WalletTransaction,
      { network, txHash, direction: 'outgoing', status: 'confirming' },
      { status: 'broadcast', confirmations: 0, blockNumber: null, blockHash: null },
    );
  }
}
