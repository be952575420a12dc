import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MasterWallet } from '../entities/master-wallet.entity';
import { MasterWalletBalance } from '../entities/master-wallet-balance.entity';

/** The on-chain balances of master addresses, as the sync job last read them. */
@Injectable()
export class MasterWalletBalancesRepository {
  constructor(@InjectRepository(MasterWalletBalance) private readonly repo: Repository<MasterWalletBalance>) {}

  /**
   * Across organizations (the master balance sync job): takes the try-lock of one network's sync for `manager`'s
   * transaction, so that replicas do not repeat it; false when another transaction holds it.
   */
  async tryLockNetworkSync(network: string, manager: EntityManager): Promise<boolean> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
      [`master-balance-sync:${network}`],
    );
    return locked;
  }

  /** Across organizations (the master balance sync job): inserts or overwrites balances per (master wallet, asset). */
  async upsert(rows: Array<Partial<MasterWalletBalance>>, manager?: EntityManager): Promise<void> {
    if (!rows.length) return;
    await (manager ?? this.repo.manager)
      .createQueryBuilder()
      .insert()
      .into(MasterWalletBalance)
      .values(rows)
      .orUpdate(['balance', 'synced_at'], ['master_wallet_id', 'asset'])
      .execute();
  }

  /** The stored balances of several master wallets of the organization (one query; others' wallets are left out). */
  async findForMasters(organizationId: string, masterWalletIds: string[]): Promise<MasterWalletBalance[]> {
    if (!masterWalletIds.length) return [];
    return this.repo.manager
      .createQueryBuilder(MasterWalletBalance, 'b')
      .innerJoin(MasterWallet, 'm', 'm.id = b.master_wallet_id AND m.organization_id = :org', { org: organizationId })
      .where('b.master_wallet_id IN (:...ids)', { ids: masterWalletIds })
      .getMany();
  }
}
