import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Opens database transactions for services: a service says where a unit of work begins and ends and passes the
 * `EntityManager` to the repositories it calls; the SQL stays in the repositories. Services inject this, never the
 * DataSource.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
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
