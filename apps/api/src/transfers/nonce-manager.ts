import { Injectable } from '@nestjs/common';
import { Address } from 'viem';
import { EntityManager } from 'typeorm';
import { EvmClient } from '@app/chains';
import { NonceCountersRepository } from '@app/db';

/**
 * Nonces of our sending addresses, allocated from a row locked for the caller's transaction. The stored counter
 * survives restarts (a signed but not yet broadcast transaction keeps its nonce); the node's pending count wins when
 * it is ahead (someone else sent from the address).
 */
@Injectable()
export class NonceManager {
  constructor(private readonly counters: NonceCountersRepository) {}

  async next(m: EntityManager, client: EvmClient, address: Address): Promise<number> {
    const network = client.network.key;
    const stored = await this.counters.lockNext(m, network, address);
    const nonce = Math.max(stored, await client.nonce(address));
    await this.counters.setNext(m, network, address, nonce + 1);
    return nonce;
  }
}
