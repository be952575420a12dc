import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The next nonce of each of our sending addresses, per network. */
@Injectable()
export class NonceCountersRepository {
  /** The stored next nonce of the address (0 for a new one), its row locked for the caller's transaction. */
  async lockNext(manager: EntityManager, network: string, address: string): Promise<number> {
    await manager.query(
      'INSERT INTO nonce_counters (network, address, next_nonce) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING',
      [network, address],
    );
    const [row] = await manager.query<Array<{ next_nonce: number }>>(
      'SELECT next_nonce FROM nonce_counters WHERE network = $1 AND address = $2 FOR UPDATE',
      [network, address],
    );
    return row.next_nonce;
  }

  async setNext(manager: EntityManager, network: string, address: string, next: number): Promise<void> {
    await manager.query('UPDATE nonce_counters SET next_nonce = $3 WHERE network = $1 AND address = $2', [
      network,
      address,
      next,
    ]);
  }
}
