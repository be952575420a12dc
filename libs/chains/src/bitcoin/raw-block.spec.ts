import { sha256 } from '@noble/hashes/sha2';
import { hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { p2pkh, p2wpkh, RawTx, Transaction } from '@scure/btc-signer';
import { decodeBlock, decodeTransaction } from './raw-block';

const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef, dustRelayFeeRate: 3n };

function key(i: number) {
  return HDKey.fromMasterSeed(new Uint8Array(32).fill(7)).derive(`m/84'/1'/0'/0/${i}`);
}

/** A signed SegWit transaction spending a made-up output, paying a P2WPKH and a P2PKH address. */
function segwitTx() {
  const from = p2wpkh(key(0).publicKey!, REGTEST);
  const tx = new Transaction();
  tx.addInput({
    txid: 'aa'.repeat(32),
    index: 3,
    witnessUtxo: { script: from.script, amount: 100_000n },
  });
  tx.addOutputAddress(p2wpkh(key(1).publicKey!, REGTEST).address, 60_000n, REGTEST);
  tx.addOutputAddress(p2pkh(key(2).publicKey!, REGTEST).address, 39_000n, REGTEST);
  tx.sign(key(0).privateKey!);
  tx.finalize();
  return tx;
}

function coinbase(): Uint8Array {
  return RawTx.encode({
    version: 2,
    segwitFlag: false,
    inputs: [{ txid: new Uint8Array(32), index: 0xffffffff, finalScriptSig: hex.decode('0101'), sequence: 0xffffffff }],
    outputs: [{ amount: 5_000_000_000n, script: p2wpkh(key(3).publicKey!, REGTEST).script }],
    witnesses: undefined,
    lockTime: 0,
  });
}

describe('raw Bitcoin blocks and transactions', () => {
  it('decodes a SegWit transaction: txid without witnesses, outpoints in display order, output addresses', () => {
    const tx = segwitTx();
    const decoded = decodeTransaction(tx.hex, REGTEST);
    expect(decoded.txid).toBe(tx.id);
    expect(decoded.coinbase).toBe(false);
    expect(decoded.inputs).toEqual([{ txid: 'aa'.repeat(32), index: 3 }]);
    expect(decoded.outputs.map((o) => [o.index, o.amount, o.address])).toEqual([
      [0, 60_000n, p2wpkh(key(1).publicKey!, REGTEST).address],
      [1, 39_000n, p2pkh(key(2).publicKey!, REGTEST).address],
    ]);
    expect(decoded.outputs[1].address).toMatch(/^[mn]/);
  });

  it('decodes a block: its hash, its parent, and every transaction in order', () => {
    const parent = '0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206';
    const header = new Uint8Array(80);
    header.set([2, 0, 0, 0]);
    header.set(hex.decode(parent).reverse(), 4);
    header.set([0xff, 0xff, 0x7f, 0x20], 72);
    const tx = segwitTx();
    const raw = new Uint8Array([...header, 2, ...coinbase(), ...hex.decode(tx.hex)]);
    const block = decodeBlock(hex.encode(raw), REGTEST);
    expect(block.hash).toBe(hex.encode(sha256(sha256(header)).reverse()));
    expect(block.parentHash).toBe(parent);
    expect(block.txs.map((t) => t.coinbase)).toEqual([true, false]);
    expect(block.txs[1].txid).toBe(tx.id);
    expect(block.txs[0].outputs[0]).toMatchObject({
      amount: 5_000_000_000n,
      address: expect.stringMatching(/^bcrt1q/),
    });
  });

  it('gives no address for a script without one', () => {
    const tx = RawTx.encode({
      version: 2,
      segwitFlag: false,
      inputs: [{ txid: new Uint8Array(32).fill(1), index: 0, finalScriptSig: new Uint8Array(), sequence: 0 }],
      outputs: [{ amount: 0n, script: hex.decode('6a0474657374') }], // OP_RETURN "test"
      witnesses: undefined,
      lockTime: 0,
    });
    expect(decodeTransaction(hex.encode(tx), REGTEST).outputs[0].address).toBeUndefined();
  });
});
