import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DerivationCountersRepository } from '@app/db';

/**
 * Indexes reserved per round trip. Below the gap limit of 20 that BIP44 wallet software scans with, so that even
 * a replica that dies holding a whole block leaves no gap a standard restore would stop at.
 */
export const INDEX_BLOCK = 10;

interface Block {
  /** Handed back (the address was not created): used again first, lowest first. */
  free: number[];
  next: number;
  end: number;
  refill?: Promise<void>;
}

/**
 * The next derivation index of an organization's key family, without a row lock per address: each process reserves
 * a block of indexes with one atomic upsert on the organization's counter row and hands them out itself. Blocks of
 * two processes never overlap, so no index (and no address) is ever handed out twice; within a process they are
 * handed out in order. A process that stops returns its unused tail when no one reserved after it.
 */
@Injectable()
export class DerivationIndexes implements OnModuleDestroy {
  private readonly blocks = new Map<string, Block>();
  /** Indexes per reservation: one once stopping (requests still arrive until the HTTP server closes). */
  private blockSize = INDEX_BLOCK;

  constructor(private readonly counters: DerivationCountersRepository) {}

  async take(organizationId: string, family: string): Promise<number> {
    const key = `${organizationId}:${family}`;
    let block = this.blocks.get(key);
    if (!block) this.blocks.set(key, (block = { free: [], next: 0, end: 0 }));
    for (;;) {
      if (block.free.length > 0) return block.free.shift()!;
      if (block.next < block.end) return block.next++;
      const b = block;
      const size = this.blockSize;
      b.refill ??= this.reserve(organizationId, family, size).then(
        (start) => {
          b.next = start;
          b.end = start + size;
          b.refill = undefined;
        },
        (e: unknown) => {
          b.refill = undefined;
          throw e;
        },
      );
      await b.refill;
    }
  }

  /** The indexes this process hands out next for the key family without another reservation, in that order. */
  ahead(organizationId: string, family: string): number[] {
    const block = this.blocks.get(`${organizationId}:${family}`);
    if (!block) return [];
    const ahead = [...block.free];
    for (let i = block.next; i < block.end; i++) ahead.push(i);
    return ahead;
  }

  /** An index that was taken but not used (the wallet was not there or not active): the next request gets it. */
  giveBack(organizationId: string, family: string, index: number): void {
    const block = this.blocks.get(`${organizationId}:${family}`);
    if (!block) return;
    const at = block.free.findIndex((i) => i > index);
    block.free.splice(at === -1 ? block.free.length : at, 0, index);
  }

  private reserve(organizationId: string, family: string, size: number): Promise<number> {
    return this.counters.reserve(organizationId, family, size);
  }

  /**
   * Returns each block's unused tail to its counter if no process reserved after it, so a restart does not leave a
   * gap. The tail is dropped locally first, and an address created after this point (the HTTP server closes after
   * this hook) reserves only its own index.
   */
  async onModuleDestroy(): Promise<void> {
    this.blockSize = 1;
    const returns: Array<Promise<unknown>> = [];
    for (const [key, block] of this.blocks) {
      let start = block.next;
      const free = new Set(block.free);
      while (free.has(start - 1)) start--;
      const end = block.end;
      block.free = block.free.filter((i) => i < start);
      block.next = block.end = 0;
      if (start >= end) continue;
      const [organizationId, family] = key.split(':');
      // At worst the tail stays unused, as after a crash.
      returns.push(this.counters.returnTail(organizationId, family, start, end).catch(() => undefined));
    }
    await Promise.all(returns);
  }
}
