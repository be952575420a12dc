import { sha256 } from '@noble/hashes/sha2';
import { hex } from '@scure/base';
import { Address, CompactSize, OutScript, RawTx } from '@scure/btc-signer';
import * as P from 'micro-packed';
import type { BitcoinParams } from '../registry/chains';

/**
 * Blocks and transactions as raw bytes, decoded here rather than by the node: `getblock <hash> 0` and
 * `getrawtransaction <txid> false` answer the same hex on Bitcoin Core and bcoin, while their JSON forms differ.
 */
const RawBlock = P.struct({ header: P.bytes(80), txs: P.array(CompactSize, RawTx) });

/** A decoded transaction as btc-signer's `RawTx` coder gives it (its own type leaves the fields untyped). */
interface Tx {
  version: number;
  segwitFlag?: boolean;
  inputs: Array<{ txid: Uint8Array; index: number; finalScriptSig: Uint8Array; sequence: number }>;
  outputs: Array<{ amount: bigint; script: Uint8Array }>;
  witnesses?: Uint8Array[][];
  lockTime: number;
}

export interface DecodedOutput {
  index: number;
  amount: bigint;
  script: Uint8Array;
  /** The output's address on the network, or undefined for a script without one (OP_RETURN, bare multisig). */
  address?: string;
}

export interface DecodedTx {
  txid: string;
  coinbase: boolean;
  inputs: Array<{ txid: string; index: number }>;
  outputs: DecodedOutput[];
}

export interface DecodedBlock {
  hash: string;
  parentHash: string;
  txs: DecodedTx[];
}

/** Bitcoin's hash of a header or transaction, in the byte order block explorers and RPCs show. */
function displayHash(bytes: Uint8Array): string {
  return hex.encode(sha256(sha256(bytes)).reverse());
}

/** The output's address on the network, if its script is one of the standard forms. */
export function addressOfScript(script: Uint8Array, params: BitcoinParams): string | undefined {
  try {
    return Address(params).encode(OutScript.decode(script));
  } catch {
    return undefined;
  }
}

function decodeTx(tx: Tx, params: BitcoinParams): DecodedTx {
  // The txid hashes the transaction without its witnesses.
  const txid = displayHash(RawTx.encode({ ...tx, segwitFlag: false, witnesses: undefined }));
  const coinbase = tx.inputs.length === 1 && tx.inputs[0].txid.every((b) => b === 0);
  return {
    txid,
    coinbase,
    inputs: tx.inputs.map((i) => ({ txid: hex.encode(i.txid), index: i.index })),
    outputs: tx.outputs.map((o, index) => ({
      index,
      amount: o.amount,
      script: o.script,
      address: addressOfScript(o.script, params),
    })),
  };
}

export function decodeBlock(rawHex: string, params: BitcoinParams): DecodedBlock {
  const block = RawBlock.decode(hex.decode(rawHex));
  return {
    hash: displayHash(block.header),
    parentHash: hex.encode(block.header.slice(4, 36).reverse()),
    txs: (block.txs as Tx[]).map((tx) => decodeTx(tx, params)),
  };
}

export function decodeTransaction(rawHex: string, params: BitcoinParams): DecodedTx {
  return decodeTx(RawTx.decode(hex.decode(rawHex)), params);
}
