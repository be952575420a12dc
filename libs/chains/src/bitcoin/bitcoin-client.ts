import { hex } from '@scure/base';
import { parseAmount } from '@app/common';
import type { Network } from '../registry/network-registry';
import type { ChainWatcher, Payment, SettledPayment, Spend, WatchedBlock } from '../watcher';
import { mapLimit } from '../map-limit';
import { BitcoinRpc, BitcoinRpcError } from './bitcoin-rpc';
import { ChainMismatchError } from '../rpc-errors';
import { decodeBlock, decodeTransaction, DecodedTx } from './raw-block';

const FETCH_CONCURRENCY = 8;

export type BitcoinFeeLevel = 'low' | 'medium' | 'high';

/**
 * Per fee level, the confirmation target asked of `estimatesmartfee` (blocks) and the rate used while the node has
 * no estimate (a young chain, bcoin's regtest), in sat/vB.
 */
export const FEE_LEVELS: Record<BitcoinFeeLevel, { blocks: number; fallback: bigint }> = {
  low: { blocks: 24, fallback: 2n },
  medium: { blocks: 6, fallback: 5n },
  high: { blocks: 2, fallback: 10n },
};

/** Where a transaction stands on the node: in its mempool (0 confirmations) or in a block of its chain. */
export interface TxStatus {
  confirmations: number;
  blockHash: string | null;
}

/** `getblockchaininfo.chain` of each network name of the registry. */
const CHAIN_OF: Record<string, string> = { regtest: 'regtest', testnet: 'test', mainnet: 'main' };

/**
 * One Bitcoin network through its node's JSON-RPC: what both Bitcoin Core and bcoin serve (blocks and transactions
 * read as raw hex and decoded here). Core needs `txindex=1` for the senders of deposits (`getrawtransaction` of the
 * funding transactions) and must not prune below the scanner's position.
 */
export class BitcoinClient implements ChainWatcher {
  readonly rpc: BitcoinRpc;

  constructor(
    readonly network: Network,
    readonly url: string,
  ) {
    if (!network.bitcoin) throw new Error(`${network.key} is not a Bitcoin network`);
    this.rpc = new BitcoinRpc(url);
  }

  private get params() {
    return this.network.bitcoin!;
  }

  async head(): Promise<bigint> {
    return BigInt(await this.rpc.call<number>('getblockcount'));
  }

  async blockHash(height: bigint): Promise<string | undefined> {
    try {
      return await this.rpc.call<string>('getblockhash', [Number(height)]);
    } catch (e) {
      if (e instanceof BitcoinRpcError) return undefined; // no block at that height
      throw e;
    }
  }

  async checkChain(): Promise<void> {
    const info = await this.rpc.call<{ chain: string }>('getblockchaininfo');
    const expected = CHAIN_OF[this.network.name] ?? this.network.name;
    if (info.chain !== expected) {
      throw new ChainMismatchError(
        `the RPC node of ${this.network.key} serves the ${info.chain} chain, expected ${expected}: refusing to scan`,
      );
    }
  }

  /** The raw transaction, decoded (Core needs txindex for one that is not in the mempool or a wallet). */
  async transaction(txid: string): Promise<DecodedTx> {
    return decodeTransaction(await this.rpc.call<string>('getrawtransaction', [txid, false]), this.params);
  }

  async scan(from: bigint, to: bigint): Promise<{ blocks: WatchedBlock[]; payments: Payment[]; spends: Spend[] }> {
    const heights: bigint[] = [];
    for (let h = from; h <= to; h++) heights.push(h);
    const decoded = await mapLimit(heights, FETCH_CONCURRENCY, async (height) => {
      const hash = await this.rpc.call<string>('getblockhash', [Number(height)]);
      return { height, block: decodeBlock(await this.rpc.call<string>('getblock', [hash, 0]), this.params) };
    });
    const asset = this.network.assets.find((a) => a.native)!.symbol;
    const payments: Payment[] = [];
    const spends: Spend[] = [];
    for (const { height, block } of decoded) {
      for (const tx of block.txs) {
        // A coinbase pays only miners; it cannot be spent for 100 blocks and is no deposit.
        if (tx.coinbase) continue;
        for (const input of tx.inputs) {
          spends.push({
            txHash: tx.txid,
            prevTxid: input.txid,
            prevIndex: input.index,
            blockNumber: height,
            blockHash: block.hash,
          });
        }
        for (const output of tx.outputs) {
          if (!output.address || output.amount === 0n) continue;
          payments.push({
            txHash: tx.txid,
            index: output.index,
            blockNumber: height,
            blockHash: block.hash,
            to: output.address,
            asset,
            amount: output.amount,
            script: hex.encode(output.script),
          });
        }
      }
    }
    return {
      blocks: decoded.map(({ height, block }) => ({ number: height, hash: block.hash, parentHash: block.parentHash })),
      payments,
      spends,
    };
  }

  /** Every output in a block moved value; its senders are the addresses of the outputs its inputs spend. */
  async settle(payments: Payment[]): Promise<SettledPayment[]> {
    const txids = [...new Set(payments.map((p) => p.txHash))];
    const funders = new Map<string, Array<string | undefined>>();
    await mapLimit(txids, FETCH_CONCURRENCY, async (txid) => {
      funders.set(txid, await this.funders(txid));
    });
    return payments.map((p) => {
      const of = funders.get(p.txHash) ?? [];
      const senders = [...new Set(of.filter((a): a is string => a !== undefined))];
      return { ...p, from: of[0] ?? null, senders };
    });
  }

  /** Per input, in order, the address of the output it spends (undefined for a script without an address). */
  private async funders(txid: string): Promise<Array<string | undefined>> {
    const tx = await this.transaction(txid);
    const funding = new Map<string, DecodedTx>();
    const addresses: Array<string | undefined> = [];
    for (const input of tx.inputs) {
      let previous = funding.get(input.txid);
      if (!previous) funding.set(input.txid, (previous = await this.transaction(input.txid)));
      addresses.push(previous.outputs[input.index]?.address);
    }
    return addresses;
  }

  /** The fee rate of a fee level, in sat/vB. */
  feeRateFor(level: BitcoinFeeLevel): Promise<bigint> {
    const { blocks, fallback } = FEE_LEVELS[level];
    return this.feeRate(blocks, fallback);
  }

  /**
   * Where the transaction stands (Core needs txindex for one in a block that is not its wallet's); undefined when
   * the node knows nothing of it (never sent, evicted, or reorged out and not back in the mempool).
   */
  async status(txid: string): Promise<TxStatus | undefined> {
    try {
      const tx = await this.rpc.call<{ confirmations?: number; blockhash?: string | null }>('getrawtransaction', [
        txid,
        true,
      ]);
      return { confirmations: tx.confirmations ?? 0, blockHash: tx.blockhash ?? null };
    } catch (e) {
      if (e instanceof BitcoinRpcError) return undefined;
      throw e;
    }
  }

  /**
   * Sends a signed transaction and answers whether the node now holds it (in its mempool or a block). bcoin answers
   * `sendrawtransaction` with a txid before it has verified the transaction, even one it then refuses, and Core
   * refuses one it holds already: neither answer is trusted, the node is asked for the transaction until `waitMs`.
   */
  async broadcast(raw: string, txid: string, waitMs = 2_000): Promise<boolean> {
    await this.rpc.call('sendrawtransaction', [raw]).catch(() => undefined);
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (await this.status(txid)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * The fee rate in sat/vB for confirmation within `blocks` (`estimatesmartfee`), or `fallback` when the node has
   * none; never under 1 sat/vB (the minimum relay fee). The node answers BTC per kvB as a JSON number, read as its
   * decimal text (no floating-point arithmetic on it).
   */
  async feeRate(blocks: number, fallback: bigint): Promise<bigint> {
    const estimate = await this.rpc
      .call<{ feerate?: number }>('estimatesmartfee', [blocks])
      .catch((): { feerate?: number } => ({}));
    if (!estimate.feerate || estimate.feerate <= 0) return fallback;
    const satPerKvb = parseAmount(estimate.feerate.toFixed(8), 8);
    const rate = (satPerKvb + 999n) / 1000n;
    return rate < 1n ? 1n : rate;
  }
}
