import { hex } from '@scure/base';
import { Address, OutScript, Transaction } from '@scure/btc-signer';
import type { BitcoinParams } from '../registry/chains';

/**
 * Building a Bitcoin send: coin selection, dust and fees in virtual bytes, the PSBT (BIP174) and its signing. Pure
 * functions; keys come from the caller (the keyring) and are used and dropped. Spends are P2WPKH (every address we
 * hand out is BIP84); destinations may be any standard output script.
 */

/** Version, locktime, input and output counts and the SegWit marker, rounded up. */
const TX_OVERHEAD_VB = 11n;
/** One P2WPKH input: outpoint, sequence and empty scriptSig (41 bytes) plus a 108-byte witness / 4, rounded up. */
export const P2WPKH_INPUT_VB = 68n;
/** BIP125: inputs with a sequence below 0xfffffffe signal that the transaction may be replaced. */
const RBF_SEQUENCE = 0xfffffffd;
/** Tries of branch and bound before the fallback (Bitcoin Core's limit). */
const BNB_TRIES = 100_000;

/** An output of ours to spend, with the BIP32 path of its key. */
export interface Coin {
  txid: string;
  vout: number;
  value: bigint;
  /** The output script (P2WPKH), hex. */
  script: string;
  keyChain: number;
  keyIndex: number;
}

export interface SendOutput {
  script: Uint8Array;
  amount: bigint;
}

/** The virtual size of an output paying `script`: amount, script length, script. */
export function outputVbytes(script: Uint8Array): bigint {
  return BigInt(8 + 1 + script.length);
}

/**
 * Bitcoin Core's dust threshold of an output (`GetDustThreshold`): an output is dust when spending it would cost more
 * than it is worth at the dust relay rate: the output's size plus the input that spends it (67 vB for a witness
 * program, 148 B otherwise).
 */
export function dustThreshold(script: Uint8Array, dustRelayFeeRate: bigint): bigint {
  const witnessProgram =
    script.length >= 4 &&
    script.length <= 42 &&
    (script[0] === 0x00 || (script[0] >= 0x51 && script[0] <= 0x60)) &&
    script[1] === script.length - 2;
  return (outputVbytes(script) + (witnessProgram ? 67n : 148n)) * dustRelayFeeRate;
}

/** The output script of an address of any standard type (P2PKH, P2SH, P2WPKH, P2WSH, P2TR) on the network. */
export function scriptOf(address: string, params: BitcoinParams): Uint8Array {
  return OutScript.encode(Address(params).decode(address));
}

export interface Selection {
  coins: Coin[];
  /** The change amount; 0 when the selection needs none (an exact match, or change below dust given to the fee). */
  change: bigint;
  /** Inputs minus outputs. */
  fee: bigint;
  /** The estimated virtual size the fee pays for. */
  vsize: bigint;
}

/**
 * Coin selection as Bitcoin Core does it: branch and bound first (a set of coins whose effective values, value minus
 * the fee of spending them, cover the outputs and the fee within the cost of a change output: no change, the least
 * excess), then, if there is none, largest first with change (change below dust goes to the fee). `undefined` when
 * the coins cannot pay the outputs and the fee.
 */
export function selectCoins(
  coins: Coin[],
  outputs: SendOutput[],
  feeRate: bigint,
  changeScript: Uint8Array,
  dustRelayFeeRate: bigint,
): Selection | undefined {
  const amount = outputs.reduce((sum, o) => sum + o.amount, 0n);
  const baseVsize = TX_OVERHEAD_VB + outputs.reduce((sum, o) => sum + outputVbytes(o.script), 0n);
  const inputFee = feeRate * P2WPKH_INPUT_VB;
  const changeVsize = outputVbytes(changeScript);
  const usable = coins
    .filter((c) => c.value > inputFee)
    .sort((a, b) => (a.value > b.value ? -1 : a.value < b.value ? 1 : 0));
  const target = amount + feeRate * baseVsize;
  // A change output costs its own bytes now and an input later.
  const costOfChange = feeRate * (changeVsize + P2WPKH_INPUT_VB);
  const exact = branchAndBound(
    usable.map((c) => c.value - inputFee),
    target,
    target + costOfChange,
  );
  if (exact) {
    const chosen = exact.map((i) => usable[i]);
    const total = chosen.reduce((sum, c) => sum + c.value, 0n);
    return {
      coins: chosen,
      change: 0n,
      fee: total - amount,
      vsize: baseVsize + P2WPKH_INPUT_VB * BigInt(chosen.length),
    };
  }
  const chosen: Coin[] = [];
  let total = 0n;
  for (const coin of usable) {
    chosen.push(coin);
    total += coin.value;
    const vsize = baseVsize + P2WPKH_INPUT_VB * BigInt(chosen.length);
    const withChange = total - amount - feeRate * (vsize + changeVsize);
    if (withChange >= dustThreshold(changeScript, dustRelayFeeRate)) {
      return { coins: chosen, change: withChange, fee: feeRate * (vsize + changeVsize), vsize: vsize + changeVsize };
    }
    if (total >= amount + feeRate * vsize) {
      // Change would be dust: it goes to the fee.
      return { coins: chosen, change: 0n, fee: total - amount, vsize };
    }
  }
  return undefined;
}

/**
 * Indexes of `values` (sorted descending) whose sum lies in [target, upper], with the least excess over `target`;
 * depth first, including before excluding, pruned when the sum overshoots or the rest cannot reach the target.
 */
function branchAndBound(values: bigint[], target: bigint, upper: bigint): number[] | undefined {
  const rest: bigint[] = new Array<bigint>(values.length + 1).fill(0n);
  for (let i = values.length - 1; i >= 0; i--) rest[i] = rest[i + 1] + values[i];
  if (rest[0] < target) return undefined;
  let best: number[] | undefined;
  let bestExcess = 0n;
  let tries = 0;
  const chosen: number[] = [];
  const visit = (i: number, sum: bigint): void => {
    if (++tries > BNB_TRIES || (best && bestExcess === 0n)) return;
    if (sum > upper) return;
    if (sum >= target) {
      if (!best || sum - target < bestExcess) [best, bestExcess] = [[...chosen], sum - target];
      return;
    }
    if (i >= values.length || sum + rest[i] < target) return;
    chosen.push(i);
    visit(i + 1, sum + values[i]);
    chosen.pop();
    // Leaving out a value, leave out its equals too: including one of them instead was just tried.
    let next = i + 1;
    while (next < values.length && values[next] === values[i]) next++;
    visit(next, sum);
  };
  visit(0, 0n);
  return best;
}

/**
 * Child pays for parent: the fee of a child spending one P2WPKH output of `parent` into one output like
 * `changeScript`, so that parent and child together pay `feeRate`; undefined when the parent alone pays that rate
 * already (there is nothing to speed up).
 */
export function childFee(
  parentVsize: bigint,
  parentFee: bigint,
  feeRate: bigint,
  changeScript: Uint8Array,
): { fee: bigint; vsize: bigint } | undefined {
  if (parentFee >= feeRate * parentVsize) return undefined;
  const vsize = TX_OVERHEAD_VB + P2WPKH_INPUT_VB + outputVbytes(changeScript);
  return { fee: feeRate * (parentVsize + vsize) - parentFee, vsize };
}

/** The virtual size of a signed transaction, from its raw hex. */
export function vsizeOf(raw: string): bigint {
  return BigInt(Transaction.fromRaw(hex.decode(raw), { allowUnknownOutputs: true }).vsize);
}

/**
 * The unsigned send as a PSBT: the coins as inputs (their witness UTXO for signing, BIP125 replaceable), the outputs in
 * order, then the change (if any).
 */
export function buildSendPsbt(coins: Coin[], outputs: SendOutput[], change?: SendOutput): Uint8Array {
  const tx = new Transaction({ allowUnknownOutputs: true });
  for (const coin of coins) {
    tx.addInput({
      txid: coin.txid,
      index: coin.vout,
      sequence: RBF_SEQUENCE,
      witnessUtxo: { script: hex.decode(coin.script), amount: coin.value },
    });
  }
  for (const output of change ? [...outputs, change] : outputs) tx.addOutput(output);
  return tx.toPSBT();
}

export interface SignedSend {
  /** The raw transaction, hex: what is stored before broadcast. */
  raw: string;
  txid: string;
  vsize: number;
  fee: bigint;
}

/** Signs each input of a send's PSBT with its key (in input order) and finalizes it. */
export function signSendPsbt(psbt: Uint8Array, keys: Uint8Array[]): SignedSend {
  const tx = Transaction.fromPSBT(psbt, { allowUnknownOutputs: true });
  if (keys.length !== tx.inputsLength) throw new Error(`${keys.length} keys for ${tx.inputsLength} inputs`);
  keys.forEach((key, i) => {
    if (!tx.signIdx(key, i)) throw new Error(`input ${i} was not signed`);
  });
  tx.finalize();
  return { raw: tx.hex, txid: tx.id, vsize: tx.vsize, fee: tx.fee };
}
