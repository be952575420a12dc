import {
  Address,
  createPublicClient,
  defineChain,
  encodeFunctionData,
  getAddress,
  Hash,
  Hex,
  http,
  PublicClient,
  TransactionReceipt,
} from 'viem';
import type { Network } from '../registry/network-registry';
import { AGGREGATOR_V3_ABI, ERC20_ABI, TRANSFER_EVENT } from './erc20';

export interface ScannedBlock {
  number: bigint;
  hash: Hash;
  parentHash: Hash;
  timestamp: bigint;
  /** Native value transfers: transactions with a recipient and a value. */
  transfers: Array<{ hash: Hash; from: Address; to: Address; value: bigint }>;
}

export interface TokenTransfer {
  blockNumber: bigint;
  blockHash: Hash;
  txHash: Hash;
  logIndex: number;
  token: Address;
  from: Address;
  to: Address;
  value: bigint;
}

/** One EVM network through viem: head, blocks, ERC-20 Transfer logs, receipts and balances. */
export class EvmClient {
  readonly client: PublicClient;

  constructor(
    readonly network: Network,
    readonly url: string,
  ) {
    const chain = defineChain({
      id: network.chainId ?? 0,
      name: `${network.displayName} ${network.name}`,
      nativeCurrency: {
        name: network.assets.find((a) => a.native)?.symbol ?? 'ETH',
        symbol: network.assets.find((a) => a.native)?.symbol ?? 'ETH',
        decimals: 18,
      },
      rpcUrls: { default: { http: [url] } },
    });
    this.client = createPublicClient({
      chain,
      transport: http(url, { batch: { batchSize: 100, wait: 0 }, retryCount: 2, timeout: 15_000 }),
    });
  }

  async chainId(): Promise<number> {
    return this.client.getChainId();
  }

  async head(): Promise<bigint> {
    return this.client.getBlockNumber({ cacheTime: 0 });
  }

  async blockHash(number: bigint): Promise<Hash | undefined> {
    try {
      const block = await this.client.getBlock({ blockNumber: number });
      return block.hash ?? undefined;
    } catch {
      return undefined;
    }
  }

  async block(number: bigint): Promise<ScannedBlock> {
    const block = await this.client.getBlock({ blockNumber: number, includeTransactions: true });
    if (!block.hash) throw new Error(`block ${number} has no hash yet`);
    return {
      number,
      hash: block.hash,
      parentHash: block.parentHash,
      timestamp: block.timestamp,
      transfers: block.transactions
        .filter((tx) => tx.to && tx.value > 0n)
        .map((tx) => ({ hash: tx.hash, from: getAddress(tx.from), to: getAddress(tx.to!), value: tx.value })),
    };
  }

  /** ERC-20 Transfer logs of the given tokens in a block range (inclusive). */
  async tokenTransfers(fromBlock: bigint, toBlock: bigint, tokens: Address[]): Promise<TokenTransfer[]> {
    if (tokens.length === 0) return [];
    const logs = await this.client.getLogs({ address: tokens, event: TRANSFER_EVENT, fromBlock, toBlock });
    return logs
      .filter((l) => l.args.from !== undefined && l.args.to !== undefined && l.args.value !== undefined && !l.removed)
      .map((l) => ({
        blockNumber: l.blockNumber,
        blockHash: l.blockHash,
        txHash: l.transactionHash,
        logIndex: l.logIndex,
        token: getAddress(l.address),
        from: getAddress(l.args.from!),
        to: getAddress(l.args.to!),
        value: l.args.value!,
      }));
  }

  async succeeded(txHash: Hash): Promise<boolean> {
    const receipt = await this.client.getTransactionReceipt({ hash: txHash });
    return receipt.status === 'success';
  }

  async receipt(txHash: Hash): Promise<TransactionReceipt | undefined> {
    try {
      return await this.client.getTransactionReceipt({ hash: txHash });
    } catch {
      return undefined; // not mined (yet)
    }
  }

  async nonce(address: Address): Promise<number> {
    return this.client.getTransactionCount({ address, blockTag: 'pending' });
  }

  /** EIP-1559 fee caps for a transaction to be mined soon. */
  async fees(): Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }> {
    const fees = await this.client.estimateFeesPerGas();
    return { maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas };
  }

  /** Base fee of the next block and the 10th/50th/90th percentile priority fees of recent blocks. */
  async feeHistory(): Promise<{ baseFee: bigint; tips: [bigint, bigint, bigint] }> {
    const history = await this.client.getFeeHistory({ blockCount: 10, rewardPercentiles: [10, 50, 90] });
    const baseFee = history.baseFeePerGas[history.baseFeePerGas.length - 1] ?? 0n;
    const rewards = history.reward ?? [];
    const avg = (i: number) =>
      rewards.length ? rewards.reduce((sum, r) => sum + (r[i] ?? 0n), 0n) / BigInt(rewards.length) : 0n;
    return { baseFee, tips: [avg(0), avg(1), avg(2)] };
  }

  /** The call data and gas of an ERC-20 transfer. */
  async tokenTransferGas(
    token: Address,
    from: Address,
    to: Address,
    amount: bigint,
  ): Promise<{ data: Hex; gas: bigint }> {
    const data = encodeFunctionData({ abi: ERC20_ABI, functionName: 'transfer', args: [to, amount] });
    let gas: bigint;
    try {
      // 20% headroom over the estimate: a transfer to an address that never held the token costs more.
      gas = ((await this.client.estimateGas({ account: from, to: token, data })) * 12n) / 10n;
    } catch {
      gas = 100_000n; // the sender may not hold the tokens yet (a sweep after a top-up): a safe ERC-20 ceiling
    }
    return { data, gas };
  }

  /** Broadcasts a signed transaction. Resolves to false only when the node says it already has it. */
  async sendRaw(raw: Hex): Promise<'sent' | 'known'> {
    try {
      await this.client.sendRawTransaction({ serializedTransaction: raw });
      return 'sent';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/already known|known transaction|already imported|nonce too low|transaction already exists/i.test(message))
        return 'known';
      throw e;
    }
  }

  async nativeBalance(address: Address): Promise<bigint> {
    return this.client.getBalance({ address });
  }

  async tokenBalance(token: Address, address: Address): Promise<bigint> {
    return this.client.readContract({ address: token, abi: ERC20_ABI, functionName: 'balanceOf', args: [address] });
  }

  /** A Chainlink feed's latest round (AggregatorV3Interface `latestRoundData`) and its `decimals`. */
  async latestRound(
    feed: Address,
  ): Promise<{ roundId: bigint; answer: bigint; updatedAt: bigint; answeredInRound: bigint; decimals: number }> {
    const [[roundId, answer, , updatedAt, answeredInRound], decimals] = await Promise.all([
      this.client.readContract({ address: feed, abi: AGGREGATOR_V3_ABI, functionName: 'latestRoundData' }),
      this.client.readContract({ address: feed, abi: AGGREGATOR_V3_ABI, functionName: 'decimals' }),
    ]);
    return { roundId, answer, updatedAt, answeredInRound, decimals };
  }
}
