import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AssetPrice } from '../entities/asset-price.entity';

/** USD prices per asset symbol (deployment data): written by the price job, read by every process. */
@Injectable()
export class AssetPricesRepository {
  constructor(@InjectRepository(AssetPrice) private readonly repo: Repository<AssetPrice>) {}

  /** The price job's try-lock for `manager`'s transaction, so that replicas do not each ask the source. */
  async tryLockRefresh(manager: EntityManager): Promise<boolean> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
      ['asset-prices:refresh'],
    );
    return locked;
  }

  async list(manager?: EntityManager): Promise<AssetPrice[]> {
    return (manager ?? this.repo.manager).find(AssetPrice);
  }

  /** Inserts or overwrites prices per symbol. */
  async upsert(rows: AssetPrice[], manager?: EntityManager): Promise<void> {
    if (!rows.length) return;
    await (manager ?? this.repo.manager)
      .createQueryBuilder()
      .insert()
      .into(AssetPrice)
      .values(rows)
      .orUpdate(['answer', 'decimals', 'rate_at', 'fetched_at', 'source', 'max_age_seconds', 'round_id'], ['symbol'])
      .execute();
  }
}
