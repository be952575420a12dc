import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../prepared';

/** Each organization's next BIP32 child index per key family (index 0 is its master wallet). */
@Injectable()
export class DerivationCountersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reserves `size` consecutive indexes with one atomic upsert: the first of them. A new counter starts at 1. */
  async reserve(organizationId: string, family: string, size: number): Promise<number> {
    const [row] = await queryPrepared<{ start: number }>(
      this.dataSource,
      `INSERT INTO derivation_counters (organization_id, family, next_index) VALUES ($1, $2, 1 + $3::int)
       ON CONFLICT (organization_id, family) DO UPDATE SET next_index = derivation_counters.next_index + $3::int
       RETURNING next_index - $3::int AS start`,
      [organizationId, family, size],
    );
    return row.start;
  }

  /** Gives back the unused tail [start, end) of a reservation, if nothing was reserved after it. */
  async returnTail(organizationId: string, family: string, start: number, end: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE derivation_counters SET next_index = $3 WHERE organization_id = $1 AND family = $2 AND next_index = $4`,
      [organizationId, family, start, end],
    );
  }
}
