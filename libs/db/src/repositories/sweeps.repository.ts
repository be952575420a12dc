import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Sweep } from '../entities/sweep.entity';

/** A child address holding confirmed deposits not yet swept to its organization's master address. */
export interface SweepCandidate {
  organizationId: string;
  address: string;
  asset: string;
  derivationIndex: number;
}

/** Sweeps of deposits to master addresses, across organizations (the sweeper's job). */
@Injectable()
export class SweepsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` child addresses of the network with confirmed, unswept deposits and no sweep under way, those with
   * the oldest deposit first; deposits the sweeper skipped wait for their retry time (dust sent to public deposit
   * addresses cannot fill the window).
   */
  async candidates(manager: EntityManager, network: string, limit: number): Promise<SweepCandidate[]> {
    const rows = await manager.query<
      Array<{ organization_id: string; address: string; asset: string; derivation_index: number }>
    >(
      `SELECT t.organization_id, t.to_address AS address, t.asset, a.derivation_index
       FROM wallet_transactions t JOIN addresses a ON a.network = t.network AND a.address = t.to_address
       WHERE t.network = $1 AND t.direction = 'incoming' AND t.status = 'confirmed' AND t.swept_at IS NULL AND t.tx_hash IS NOT NULL
         AND (t.sweep_retry_at IS NULL OR t.sweep_retry_at <= now())
         AND NOT EXISTS (SELECT 1 FROM sweeps s WHERE s.network = t.network AND s.address = t.to_address AND s.status IN ('topping_up', 'sweeping'))
       GROUP BY 1, 2, 3, 4 ORDER BY min(t.confirmed_at), 2, 3 LIMIT $2`,
      [network, limit],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      address: r.address,
      asset: r.asset,
      derivationIndex: r.derivation_index,
    }));
  }

  /** Deposits to `address` of `asset` confirmed before `until` are now on the master address (no skip marker left). */
  async markSwept(manager: EntityManager, network: string, address: string, asset: string, until: Date): Promise<void> {
    await manager.query(
      `UPDATE wallet_transactions SET swept_at = now(), sweep_skip_reason = NULL, sweep_retry_at = NULL
       WHERE network = $1 AND to_address = $2 AND asset = $3
       AND direction = 'incoming' AND status = 'confirmed' AND swept_at IS NULL AND confirmed_at <= $4`,
      [network, address, asset, until],
    );
  }

  /**
   * The unswept deposits to `address` of `asset` were skipped (`reason`): not looked at again before `until`. A new
   * deposit to the address makes it a candidate again at once (the sum may be worth sweeping then).
   */
  async markSkipped(
    manager: EntityManager,
    network: string,
    address: string,
    asset: string,
    reason: 'dust' | 'below_minimum' | 'no_gas_for_topup',
    until: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE wallet_transactions SET sweep_skip_reason = $4, sweep_retry_at = $5 WHERE network = $1 AND to_address = $2
       AND asset = $3 AND direction = 'incoming' AND status = 'confirmed' AND swept_at IS NULL`,
      [network, address, asset, reason, until],
    );
  }

  async insert(manager: EntityManager, sweep: Sweep): Promise<void> {
    await manager.insert(Sweep, sweep);
  }

  /** The network's sweeps waiting for a transaction to be mined. */
  open(network: string): Promise<Sweep[]> {
    return this.dataSource.manager.find(Sweep, { where: { network, status: In(['topping_up', 'sweeping']) } });
  }

  /** The sweep, locked, if it is still in `status`. */
  lockInStatus(manager: EntityManager, id: string, status: Sweep['status']): Promise<Sweep | null> {
    return manager.findOne(Sweep, { where: { id, status }, lock: { mode: 'pessimistic_write' } });
  }

  async save(manager: EntityManager, sweep: Sweep): Promise<void> {
    await manager.save(sweep);
  }

  /** Which of these transaction hashes are gas top-ups of our sweeps (they are not deposits). */
  async topUps(manager: EntityManager, txHashes: string[]): Promise<Set<string>> {
    if (txHashes.length === 0) return new Set();
    const rows = await manager.query<Array<{ h: string }>>(
      'SELECT topup_tx_hash AS h FROM sweeps WHERE topup_tx_hash = ANY($1)',
      [txHashes],
    );
    return new Set(rows.map((r) => r.h));
  }
}
