import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { WalletTransaction } from '../entities/wallet-transaction.entity';

/** Outgoing on-chain transactions as the transfer job works them, across organizations (the job's). */
@Injectable()
export class WithdrawalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` withdrawals of the network due to be signed, locked (others' locks skipped), taken fairly: the
   * oldest of every organization first, then the second oldest of each, and so on, so that no organization's queue
   * (say, sends that wait for funds) keeps another's from being looked at. A parked withdrawal (`next_attempt_at`
   * ahead) is not due. Answered oldest first.
   */
  async claimQueued(manager: EntityManager, network: string, limit: number): Promise<WalletTransaction[]> {
    const due = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM (
         SELECT id, created_at, batch_index,
                row_number() OVER (PARTITION BY organization_id ORDER BY created_at, batch_index) AS turn
         FROM wallet_transactions
         WHERE network = $1 AND direction = 'outgoing' AND status = 'pending'
           AND sub_status IN ('queued', 'waiting_for_funds') AND (next_attempt_at IS NULL OR next_attempt_at <= now())
       ) q
       ORDER BY turn, created_at, batch_index LIMIT $2`,
      [network, limit],
    );
    if (due.length === 0) return [];
    return manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(`t.id IN (:...ids) AND t.status = 'pending' AND t.sub_status IN ('queued', 'waiting_for_funds')`, {
        ids: due.map((r) => r.id),
      })
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.batch_index', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** The withdrawal waits for funds and is not looked at again before `until`. */
  async park(manager: EntityManager, tx: WalletTransaction, until: Date): Promise<void> {
    Object.assign(tx, { subStatus: 'waiting_for_funds', nextAttemptAt: until });
    await manager.save(tx);
  }

  /**
   * Funds arrived for the organization on the network (a deposit confirmed, a sweep reached its master address): its
   * parked withdrawals are due again now rather than at their next check.
   */
  async wake(manager: EntityManager, network: string, organizationId: string): Promise<void> {
    await manager.query(
      `UPDATE wallet_transactions SET next_attempt_at = NULL
       WHERE network = $1 AND organization_id = $2 AND direction = 'outgoing' AND status = 'pending'
         AND sub_status = 'waiting_for_funds' AND next_attempt_at IS NOT NULL`,
      [network, organizationId],
    );
  }

  /** An on-chain send not yet signed, locked, if it is still one (what can be canceled). */
  lockUnsigned(manager: EntityManager, organizationId: string, id: string): Promise<WalletTransaction | null> {
    return manager
      .createQueryBuilder(WalletTransaction, 't')
      .where(
        `t.organization_id = :organizationId AND t.id = :id AND t.direction = 'outgoing' AND t.status = 'pending' AND t.sub_status IN ('queued', 'waiting_for_funds')`,
        { organizationId, id },
      )
      .setLock('pessimistic_write')
      .getOne();
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
