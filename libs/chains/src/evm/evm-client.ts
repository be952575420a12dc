import { Address, createPublicClient, defineChain, getAddress, Hash, http, PublicClient } from 'viem';
import type { Network } from '../registry/network-registry';
import { ERC20_ABI, TRANSFER_EVENT } from './erc20';

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
      nativeCurrency: { name: network.assets.find((a) => a.native)?.symbol ?? 'ETH', symbol: network.assets.find((a) => a.native)?.symbol ?? 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [url] } },
    });
    this.client = createPublicClient({ chain, transport: http(url, { batch: { batchSize: 100, wait: 0 }, retryCount: 2, timeout: 15_000 }) });
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

  async nativeBalance(address: Address): Promise<bigint> {
    return this.client.getBalance({ address });
  }

  async tokenBalance(token: Address, address: Address): Promise<bigint> {
    return this.client.readContract({ address: token, abi: ERC20_ABI, functionName: 'balanceOf', args: [address] });
  }
}
