import type { Network } from './registry/network-registry';

/** A block as the deposit scanner keeps it: enough to follow the chain and to notice a reorg. */
export interface WatchedBlock {
  number: bigint;
  hash: string;
  parentHash: string;
}

/**
 * A payment to some address in a block: a native transfer or a token `Transfer` log on EVM (`index` is the log
 * index, -1 for the native value of a transaction), a transaction output on Bitcoin (`index` is the output number).
 * `(txHash, index)` names it uniquely on its network.
 */
export interface Payment {
  txHash: string;
  index: number;
  blockNumber: bigint;
  blockHash: string;
  to: string;
  /** Asset symbol of the network's registry. */
  asset: string;
  amount: bigint;
  /** The sender where the block alone says it (EVM); Bitcoin learns it in `settle`. */
  from?: string | null;
  /** UTXO chains: the output's script (hex), which a later spend of it needs. */
  script?: string;
}

/** On a UTXO chain: a transaction input spending the output `prevTxid:prevIndex`. */
export interface Spend {
  txHash: string;
  prevTxid: string;
  prevIndex: number;
  blockNumber: bigint;
  blockHash: string;
}

/** A payment to one of our addresses that did move value, with the addresses that paid it (for AML screening). */
export interface SettledPayment extends Payment {
  /** The sender shown on the deposit: the first input's address on Bitcoin; null where it has none. */
  from: string | null;
  /** Every address that funded it (screened); `from` first. */
  senders: string[];
}

/**
 * The deposit scanner's port to one network's node (one adapter per chain family: EVM, Bitcoin). The scanner in
 * `apps/api` follows the chain, finds which payments are to our addresses, and books them; only this port knows how
 * a family's blocks, logs and transactions look.
 */
export interface ChainWatcher {
  readonly network: Network;
  /** The node's RPC URL (shown on devnet only). */
  readonly url: string;
  head(): Promise<bigint>;
  /** The hash of the block at this height on the node's chain, or undefined when there is none. */
  blockHash(height: bigint): Promise<string | undefined>;
  /** Throws when the node serves another chain than the network's (a wrong RPC URL). */
  checkChain(): Promise<void>;
  /**
   * The blocks from..to (inclusive) in order, every payment in them to any address, and on a UTXO chain every
   * output they spend.
   */
  scan(from: bigint, to: bigint): Promise<{ blocks: WatchedBlock[]; payments: Payment[]; spends?: Spend[] }>;
  /** Of payments to our addresses: those that moved value (a reverted EVM call did not), with their senders. */
  settle(payments: Payment[]): Promise<SettledPayment[]>;
}
