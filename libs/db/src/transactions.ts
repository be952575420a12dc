import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Opens database transactions for services: a service says where a unit of work begins and ends and passes the
 * `EntityManager` to the repositories it calls; the SQL stays in the repositories. Services inject this, never the
 * DataSource.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');
  /** The after-commit callbacks of each open transaction, by its manager. */
  private readonly onCommit = new WeakMap<EntityManager, Array<() => void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const committed: Array<() => void> = [];
    const result = await this.dataSource.transaction((manager) => {
      this.onCommit.set(manager, committed);
      return work(manager);
    });
    // Committed: a callback that throws must not turn that into a failure the caller would retry.
    for (const callback of committed) {
      try {
        callback();
      } catch (err) {
        this.logger.error({ err }, 'an after-commit callback threw');
      }
    }
    return result;
  }

  /**
   * Runs `callback` once the transaction of `manager` has committed, never if it rolls back: for what must only
   * count what happened (a metric), never for what must not be lost (that goes in the transaction). The manager is
   * one `run` opened.
   */
  afterCommit(manager: EntityManager, callback: () => void): void {
    const callbacks = this.onCommit.get(manager);
    if (!callbacks) throw new Error('afterCommit: the manager is not a transaction opened by Transactions.run');
    callbacks.push(callback);
  }

  /**
   * Takes the transaction-scoped advisory lock `name` if no other transaction holds it (false otherwise): how a job
   * that runs on every replica makes sure one replica at a time does a unit of work. Released at commit or rollback.
   */
  async tryLock(manager: EntityManager, name: string): Promise<boolean> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
      [name],
    );
    return locked;
  }
}
