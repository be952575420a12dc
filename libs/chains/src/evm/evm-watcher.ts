import { Address, Hash } from 'viem';
import type { ChainWatcher, Payment, SettledPayment, WatchedBlock } from '../watcher';
import { mapLimit } from '../map-limit';
import { ChainMismatchError } from '../rpc-errors';
import { EvmClient } from './evm-client';

const FETCH_CONCURRENCY = 25;

/**
 * The EVM adapter of the scanner's port: native value transfers from each block's transactions, and `Transfer` logs
 * of the network's tokens over the range. A native transfer counts only if its transaction succeeded.
 */
export class EvmWatcher implements ChainWatcher {
  constructor(readonly client: EvmClient) {}

  get network() {
    return this.client.network;
  }

  get url() {
    return this.client.url;
  }

  head(): Promise<bigint> {
    return this.client.head();
  }

  blockHash(height: bigint): Promise<string | undefined> {
    return this.client.blockHash(height);
  }

  async checkChain(): Promise<void> {
    const chainId = await this.client.chainId();
    if (this.network.chainId !== undefined && chainId !== this.network.chainId) {
      throw new ChainMismatchError(
        `the RPC node of ${this.network.key} serves chain id ${chainId}, expected ${this.network.chainId}: refusing to scan`,
      );
    }
  }

  async scan(from: bigint, to: bigint): Promise<{ blocks: WatchedBlock[]; payments: Payment[] }> {
    const heights: bigint[] = [];
    for (let h = from; h <= to; h++) heights.push(h);
    const blocks = await mapLimit(heights, FETCH_CONCURRENCY, (h) => this.client.block(h));
    const native = this.network.assets.find((a) => a.native);
    const payments: Payment[] = [];
    for (const block of blocks) {
      for (const tx of native ? block.transfers : []) {
        payments.push({
          txHash: tx.hash,
          index: -1,
          blockNumber: block.number,
          blockHash: block.hash,
          from: tx.from,
          to: tx.to,
          asset: native!.symbol,
          amount: tx.value,
        });
      }
    }
    const tokens = this.network.assets.filter((a) => !a.native && a.contract);
    const bySymbol = new Map(tokens.map((a) => [a.contract!.toLowerCase(), a.symbol]));
    const logs = await this.client.tokenTransfers(
      from,
      to,
      tokens.map((a) => a.contract as Address),
    );
    for (const log of logs) {
      payments.push({
        txHash: log.txHash,
        index: log.logIndex,
        blockNumber: log.blockNumber,
        blockHash: log.blockHash,
        from: log.from,
        to: log.to,
        asset: bySymbol.get(log.token.toLowerCase())!,
        amount: log.value,
      });
    }
    return { blocks: blocks.map((b) => ({ number: b.number, hash: b.hash, parentHash: b.parentHash })), payments };
  }

  /** A native transfer inside a reverted transaction moved nothing; a token log exists only if its call succeeded. */
  async settle(payments: Payment[]): Promise<SettledPayment[]> {
    const ok = await mapLimit(payments, FETCH_CONCURRENCY, (p) =>
      p.index === -1 ? this.client.succeeded(p.txHash as Hash) : Promise.resolve(true),
    );
    return payments
      .filter((_, i) => ok[i])
      .map((p) => ({ ...p, from: p.from ?? null, senders: p.from ? [p.from] : [] }));
  }
}
