import { Injectable } from '@nestjs/common';
import { Address } from 'viem';
import { EntityManager } from 'typeorm';
import { EvmClient } from '@app/chains';

/**
 * Nonces of our sending addresses, allocated from a row locked for the caller's transaction. The stored counter
 * survives restarts (a signed but not yet broadcast transaction keeps its nonce); the node's pending count wins when
 * it is ahead (someone else sent from the address).
 */
@Injectable()
export class NonceManager {
  async next(m: EntityManager, client: EvmClient, address: Address): Promise<number> {
    const network = client.network.key;
    await m.query('INSERT INTO nonce_counters (network, address, next_nonce) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING', [network, address]);
    const [row] = await m.query<Array<{ next_nonce: number }>>('SELECT next_nonce FROM nonce_counters WHERE network = $1 AND address = $2 FOR UPDATE', [network, address]);
    const onChain = await client.nonce(address);
    const nonce = Math.max(row.next_nonce, onChain);
    await m.query('UPDATE nonce_counters SET next_nonce = $3 WHERE network = $1 AND address = $2', [network, address, nonce + 1]);
    return nonce;
  }
}
