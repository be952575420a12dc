import { secp256k1 } from '@noble/curves/secp256k1';
import { sha256 } from '@noble/hashes/sha2';
import { hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { OutScript, p2pk, p2pkh, p2sh, p2tr, p2wpkh, p2wsh, SigHash, Transaction } from '@scure/btc-signer';
import { buildSendPsbt, type Coin, dustThreshold, scriptOf, selectCoins, type SendOutput, signSendPsbt } from './send';

const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef, dustRelayFeeRate: 3n };
const MAINNET = { bech32: 'bc', pubKeyHash: 0x00, scriptHash: 0x05, wif: 0x80, dustRelayFeeRate: 3n };

const ROOT = HDKey.fromMasterSeed(new Uint8Array(32).fill(7));
/** BIP84 regtest key: chain 0 receive, 1 change. */
function key(index: number, chain = 0): HDKey {
  return ROOT.derive(`m/84'/1'/0'/${chain}/${index}`);
}
function pub(index: number, chain = 0): Uint8Array {
  return key(index, chain).publicKey!;
}

// Standard output scripts of every type, built by @scure/btc-signer (not by the code under test).
const P2PKH = p2pkh(pub(10), REGTEST); // OP_DUP OP_HASH160 <20> OP_EQUALVERIFY OP_CHECKSIG: 25 bytes
const P2SH = p2sh(p2wpkh(pub(11), REGTEST), REGTEST); // OP_HASH160 <20> OP_EQUAL: 23 bytes
const P2WPKH = p2wpkh(pub(12), REGTEST); // OP_0 <20>: 22 bytes
const P2WSH = p2wsh(p2pk(pub(13)), REGTEST); // OP_0 <32>: 34 bytes
const P2TR = p2tr(pub(14).slice(1), undefined, REGTEST); // OP_1 <32>: 34 bytes

/** The change script every selection below uses: P2WPKH, as the sender's. Output 8 + 1 + 22 = 31 vB; dust 294. */
const CHANGE = p2wpkh(pub(0, 1), REGTEST).script;

let nextCoin = 0;
/** A P2WPKH coin of ours with a unique outpoint. */
function coin(value: bigint | number): Coin {
  const n = nextCoin++;
  return {
    txid: n.toString(16).padStart(64, '0'),
    vout: n % 5,
    value: BigInt(value),
    script: hex.encode(P2WPKH.script),
    keyChain: 0,
    keyIndex: n,
  };
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const values = (coins: Coin[]) => coins.map((c) => c.value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const max = (a: bigint, b: bigint) => (a > b ? a : b);

describe('dustThreshold (Bitcoin Core GetDustThreshold at -dustrelayfee=3000 sat/kvB)', () => {
  // Core: dust = (serialized output size + size of the input that spends it) × 3 sat/vB.
  //   Output size = 8 (amount) + 1 (script length) + script length.
  //   Spending input: witness program 32+4+1+4 + 107/4 (=26) = 67 vB; otherwise 32+4+1+107+4 = 148 B.
  it.each([
    // 8+1+25 = 34; (34 + 148) × 3 = 546
    ['P2PKH', 25, 546n, P2PKH.script],
    // 8+1+23 = 32; (32 + 148) × 3 = 540
    ['P2SH', 23, 540n, P2SH.script],
    // 8+1+22 = 31; (31 + 67) × 3 = 294
    ['P2WPKH', 22, 294n, P2WPKH.script],
    // 8+1+34 = 43; (43 + 67) × 3 = 330
    ['P2WSH', 34, 330n, P2WSH.script],
    // 8+1+34 = 43; (43 + 67) × 3 = 330
    ['P2TR', 34, 330n, P2TR.script],
  ])('%s: %i-byte script, dust %s sat', (_type, length, dust, script) => {
    expect(script.length).toBe(length);
    expect(dustThreshold(script, 3n)).toBe(dust);
  });

  it('gives the same thresholds for scripts built with OutScript.encode', () => {
    const h20 = new Uint8Array(20).fill(0x11);
    const h32 = new Uint8Array(32).fill(0x22);
    expect(dustThreshold(OutScript.encode({ type: 'pkh', hash: h20 }), 3n)).toBe(546n);
    expect(dustThreshold(OutScript.encode({ type: 'sh', hash: h20 }), 3n)).toBe(540n);
    expect(dustThreshold(OutScript.encode({ type: 'wpkh', hash: h20 }), 3n)).toBe(294n);
    expect(dustThreshold(OutScript.encode({ type: 'wsh', hash: h32 }), 3n)).toBe(330n);
    expect(dustThreshold(OutScript.encode({ type: 'tr', pubkey: h32 }), 3n)).toBe(330n);
  });

  it("follows Core's witness-program test (OP_0..OP_16, then one push of the rest, 4 to 42 bytes)", () => {
    // Bare 1-of-1 multisig: OP_1 <33-byte key> OP_1 OP_CHECKMULTISIG, 37 bytes. Starts with OP_1 but its push is
    // 33 ≠ 37 − 2 bytes: not a witness program. (8+1+37 + 148) × 3 = 582.
    const bare = OutScript.encode({ type: 'ms', m: 1, pubkeys: [pub(15)] });
    expect(bare.length).toBe(37);
    expect(dustThreshold(bare, 3n)).toBe(582n);
    // OP_0 <20 bytes> plus one trailing byte: 23 bytes, push 20 ≠ 21: not a program. (8+1+23 + 148) × 3 = 540.
    const trailing = new Uint8Array([...P2WPKH.script, 0x00]);
    expect(dustThreshold(trailing, 3n)).toBe(540n);
    // Pay-to-anchor, OP_1 <0x4e73>: a 4-byte witness program. (8+1+4 + 67) × 3 = 240 (Core's P2A dust).
    expect(dustThreshold(hex.decode('51024e73'), 3n)).toBe(240n);
    // OP_16 <40 bytes>: the largest witness program, 42 bytes. (8+1+42 + 67) × 3 = 354.
    expect(dustThreshold(new Uint8Array([0x60, 40, ...new Uint8Array(40)]), 3n)).toBe(354n);
    // OP_16 <41 bytes>: 43 bytes, too long for a program. (8+1+43 + 148) × 3 = 600.
    expect(dustThreshold(new Uint8Array([0x60, 41, ...new Uint8Array(41)]), 3n)).toBe(600n);
  });

  it('scales linearly with the dust relay rate', () => {
    // P2WPKH: 31 + 67 = 98 vB; P2PKH: 34 + 148 = 182 B
    expect(dustThreshold(P2WPKH.script, 1n)).toBe(98n);
    expect(dustThreshold(P2PKH.script, 1n)).toBe(182n);
    expect(dustThreshold(P2TR.script, 10n)).toBe(1100n);
  });
});

describe('scriptOf', () => {
  it.each([
    ['P2PKH', P2PKH, /^[mn]/],
    ['P2SH', P2SH, /^2/],
    ['P2WPKH', P2WPKH, /^bcrt1q/],
    ['P2WSH', P2WSH, /^bcrt1q/],
    ['P2TR', P2TR, /^bcrt1p/],
  ])('round-trips a regtest %s address to its output script', (_type, payment, prefix) => {
    expect(payment.address).toMatch(prefix);
    expect(hex.encode(scriptOf(payment.address, REGTEST))).toBe(hex.encode(payment.script));
  });

  it('decodes the BIP173 mainnet test vector on mainnet', () => {
    expect(hex.encode(scriptOf('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', MAINNET))).toBe(
      '0014751e76e8199196d454941c45d1b3a323f1433bd6',
    );
  });

  it('rejects addresses of other networks and garbage', () => {
    expect(() => scriptOf('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', REGTEST)).toThrow();
    expect(() => scriptOf(p2pkh(pub(10), MAINNET).address, REGTEST)).toThrow();
    expect(() => scriptOf('not an address', REGTEST)).toThrow();
    expect(() => scriptOf('', REGTEST)).toThrow();
    // A valid regtest address with one character changed fails its checksum.
    const a = P2WPKH.address;
    const tampered = a.slice(0, -1) + (a.endsWith('q') ? 'p' : 'q');
    expect(() => scriptOf(tampered, REGTEST)).toThrow();
  });
});

describe('selectCoins', () => {
  // Shared arithmetic (P2WPKH inputs 68 vB, overhead 11 vB, change output 31 vB, change dust 294 sat):
  //   effective value  = value − feeRate × 68
  //   target           = amount + feeRate × (11 + Σ outputVbytes)
  //   cost of change   = feeRate × (31 + 68)      (BnB accepts effective sums in [target, target + cost of change])

  it('finds an exact match (change 0) among bigger and smaller coins, preferring it over a near match', () => {
    // feeRate 5; outputs P2PKH 70 000 (34 vB) + P2TR 30 000 (43 vB): base vsize 11 + 34 + 43 = 88,
    // target = 100 000 + 5 × 88 = 100 440; input fee 5 × 68 = 340; window up to 100 440 + 5 × 99 = 100 935.
    // 100 780 − 340 = 100 440 = target exactly. 100 830 (effective 100 490, excess 50) also fits the window and is
    // found first; 400 000 would be largest first's pick; 60 000 + 20 000 (59 660 + 19 660) are short.
    const exact = coin(100_780);
    const coins = [coin(400_000), coin(100_830), exact, coin(60_000), coin(20_000)];
    const outputs = [
      { script: P2PKH.script, amount: 70_000n },
      { script: P2TR.script, amount: 30_000n },
    ];
    const sel = selectCoins(coins, outputs, 5n, CHANGE, 3n)!;
    expect(sel.coins).toEqual([exact]);
    expect(sel.change).toBe(0n);
    // vsize = 88 + 68 = 156; fee = 5 × 156 = 780 = 100 780 − 100 000
    expect(sel.vsize).toBe(156n);
    expect(sel.fee).toBe(780n);
  });

  it('branch and bound prefers two smaller coins without change over one large coin needing change', () => {
    // feeRate 10; one P2WPKH output 100 000: base 11 + 31 = 42 vB, target 100 420, window up to 100 420 + 990.
    // 60 000 + 42 000 → effective 59 320 + 41 320 = 100 640: excess 220 ≤ 990, no change.
    // 1 000 000 alone would need change; 5 000 (effective 4 320) with both overshoots (104 960).
    const a = coin(60_000);
    const b = coin(42_000);
    const sel = selectCoins(
      [coin(1_000_000), a, coin(5_000), b],
      [{ script: P2WPKH.script, amount: 100_000n }],
      10n,
      CHANGE,
      3n,
    )!;
    expect(values(sel.coins)).toEqual([42_000n, 60_000n]);
    expect(sel.change).toBe(0n);
    // vsize = 42 + 2 × 68 = 178; fee = 102 000 − 100 000 = 2 000 = 10 × 178 + 220 excess
    expect(sel.vsize).toBe(178n);
    expect(sel.fee).toBe(2_000n);
  });

  it('at exactly the target the coins are enough; one satoshi less they are not', () => {
    // feeRate 10, target 100 420: 60 000 + 41 780 → 59 320 + 41 100 = 100 420.
    const outputs = [{ script: P2WPKH.script, amount: 100_000n }];
    const sel = selectCoins([coin(60_000), coin(41_780)], outputs, 10n, CHANGE, 3n)!;
    expect(sel).toMatchObject({ change: 0n, fee: 1_780n, vsize: 178n });
    expect(selectCoins([coin(60_000), coin(41_779)], outputs, 10n, CHANGE, 3n)).toBeUndefined();
  });

  it('falls back to largest first with change when no changeless combination exists', () => {
    // feeRate 10, target 100 420, window up to 101 410. Effective values 79 320, 69 320, 9 320: no subset lands in
    // [100 420, 101 410] (79 320 + 69 320 = 148 640; 79 320 + 9 320 = 88 640; all three 157 960).
    // Largest first: 80 000 is short; 80 000 + 70 000 = 150 000.
    // vsize = 11 + 31 (output) + 2 × 68 + 31 (change) = 209; fee = 10 × 209 = 2 090;
    // change = 150 000 − 100 000 − 2 090 = 47 910 ≥ 294.
    const sel = selectCoins(
      [coin(10_000), coin(70_000), coin(80_000)],
      [{ script: P2WPKH.script, amount: 100_000n }],
      10n,
      CHANGE,
      3n,
    )!;
    expect(values(sel.coins)).toEqual([70_000n, 80_000n]);
    expect(sel.vsize).toBe(209n);
    expect(sel.fee).toBe(2_090n);
    expect(sel.change).toBe(47_910n);
    expect(sel.change).toBeGreaterThanOrEqual(dustThreshold(CHANGE, 3n));
    expect(sum(sel.coins.map((c) => c.value))).toBe(100_000n + sel.fee + sel.change);
  });

  it('gives change below dust to the fee, and keeps change of exactly the dust threshold', () => {
    // feeRate 1 (so the BnB window, cost of change 1 × 99, is narrower than dust + change output, 294 + 31):
    // target = 100 000 + 42 = 100 042, window up to 100 141.
    const outputs = [{ script: P2WPKH.script, amount: 100_000n }];
    // 100 434: effective 100 366 > 100 141, not BnB. vsize with change 42 + 68 + 31 = 141;
    // change would be 100 434 − 100 000 − 141 = 293 < 294 → dropped: change 0, fee 434, vsize 110.
    const dropped = selectCoins([coin(100_434)], outputs, 1n, CHANGE, 3n)!;
    expect(dropped).toMatchObject({ change: 0n, fee: 434n, vsize: 110n });
    // 100 310: change would be 169 → dropped: fee = 100 310 − 100 000 = 310.
    expect(selectCoins([coin(100_310)], outputs, 1n, CHANGE, 3n)).toMatchObject({ change: 0n, fee: 310n, vsize: 110n });
    // 100 435: change 100 435 − 100 000 − 141 = 294 = dust → kept, fee 141.
    expect(selectCoins([coin(100_435)], outputs, 1n, CHANGE, 3n)).toMatchObject({
      change: 294n,
      fee: 141n,
      vsize: 141n,
    });
  });

  it('returns undefined when the coins cannot pay the outputs and the fee', () => {
    const outputs = [{ script: P2WPKH.script, amount: 100_000n }];
    // Raw values 101 000 > 100 000, but effective 59 320 + 40 320 = 99 640 < target 100 420.
    expect(selectCoins([coin(60_000), coin(41_000)], outputs, 10n, CHANGE, 3n)).toBeUndefined();
    expect(selectCoins([], outputs, 10n, CHANGE, 3n)).toBeUndefined();
  });

  it('never chooses a coin worth no more than the fee of spending it', () => {
    // feeRate 10: an input costs 680. A hundred 680-sat coins hold 68 000 but are worth nothing.
    const worthless = Array.from({ length: 100 }, () => coin(680));
    expect(selectCoins(worthless, [{ script: P2WPKH.script, amount: 1_000n }], 10n, CHANGE, 3n)).toBeUndefined();
    // 101 180 alone: effective 100 500, excess 80 over target 100 420. Adding the 600-sat coin (effective −80) would
    // make an exact 100 420, and the 680-sat one (effective 0) changes nothing: neither may be chosen.
    const good = coin(101_180);
    const sel = selectCoins(
      [coin(600), good, coin(680)],
      [{ script: P2WPKH.script, amount: 100_000n }],
      10n,
      CHANGE,
      3n,
    )!;
    expect(sel.coins).toEqual([good]);
    expect(sel).toMatchObject({ change: 0n, fee: 1_180n, vsize: 110n });
  });

  describe('invariants over random cases', () => {
    /** mulberry32: a small seeded PRNG. */
    function prng(seed: number) {
      let a = seed >>> 0;
      const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
      return { next, int, pick: <T>(xs: T[]) => xs[int(0, xs.length - 1)] };
    }

    const SCRIPTS = [P2PKH.script, P2SH.script, P2WPKH.script, P2WSH.script, P2TR.script];
    const outVb = (s: Uint8Array) => BigInt(8 + 1 + s.length);

    it('holds for 400 seeded random cases', () => {
      const rnd = prng(0x5eed);
      let found = 0;
      let withChange = 0;
      let exactish = 0;
      for (let iter = 0; iter < 400; iter++) {
        const feeRate = BigInt(rnd.pick([1, 1, 2, 3, 5, 10, 25, 60]));
        const changeScript = rnd.pick(SCRIPTS);
        const scale = rnd.pick([1_000, 20_000, 500_000]);
        const coins = Array.from({ length: rnd.int(0, 10) }, () =>
          // Some duplicates (BnB skips equal values) and some coins worth less than their input fee.
          rnd.next() < 0.15 ? coin(rnd.int(1, 2_000)) : coin(rnd.pick([scale, rnd.int(1_000, scale * 4)])),
        );
        if (coins.length > 3 && rnd.next() < 0.3) coins.push(coin(coins[0].value));
        const scripts = Array.from({ length: rnd.int(1, 3) }, () => rnd.pick(SCRIPTS));
        const baseVsize = 11n + sum(scripts.map(outVb));
        const inputFee = feeRate * 68n;
        const changeVsize = outVb(changeScript);
        const costOfChange = feeRate * (changeVsize + 68n);
        const dust = dustThreshold(changeScript, 3n);
        const usable = coins.filter((c) => c.value > inputFee);

        // Amount: half the time aimed near a random subset's effective value (exact and near matches), else random.
        let amount = BigInt(rnd.int(1, scale * 6));
        if (rnd.next() < 0.5 && usable.length) {
          const subset = usable.filter(() => rnd.next() < 0.5);
          const eff = sum(subset.map((c) => c.value - inputFee));
          const aimed = eff - feeRate * baseVsize - BigInt(rnd.int(0, Number(costOfChange) * 2));
          if (aimed > BigInt(scripts.length)) amount = aimed;
        }
        // Split the amount over the outputs (each at least 1).
        const amounts: bigint[] = [];
        let left = amount;
        for (let i = 0; i < scripts.length - 1; i++) {
          const part = left > 1n ? BigInt(rnd.int(1, Math.max(1, Number(left) - (scripts.length - i)))) : 1n;
          amounts.push(part);
          left -= part;
        }
        amounts.push(left);
        if (amounts.some((a) => a <= 0n)) continue;
        const outputs: SendOutput[] = scripts.map((script, i) => ({ script, amount: amounts[i] }));
        const target = amount + feeRate * baseVsize;

        const sel = selectCoins(coins, outputs, feeRate, changeScript, 3n);
        const ctx = `case ${iter}: feeRate ${feeRate}, amount ${amount}, coins ${coins.map((c) => c.value).join(',')}`;

        // Exhaustive reference: the least excess of any subset of usable coins in the changeless window.
        let bestExcess: bigint | undefined;
        for (let mask = 1; mask < 1 << usable.length; mask++) {
          let eff = 0n;
          for (let i = 0; i < usable.length; i++) if (mask & (1 << i)) eff += usable[i].value - inputFee;
          const excess = eff - target;
          if (excess >= 0n && excess <= costOfChange && (bestExcess === undefined || excess < bestExcess))
            bestExcess = excess;
        }
        const available = sum(usable.map((c) => c.value - inputFee));

        if (!sel) {
          // Undefined only when even every worthwhile coin cannot pay.
          expect({ ctx, enough: available >= target }).toEqual({ ctx, enough: false });
          continue;
        }
        found++;
        const chosen = sel.coins.map((c) => c.value);
        const outpoints = sel.coins.map((c) => `${c.txid}:${c.vout}`);
        expect({ ctx, balance: sum(chosen) }).toEqual({ ctx, balance: amount + sel.fee + sel.change });
        expect({ ctx, unique: new Set(outpoints).size }).toEqual({ ctx, unique: sel.coins.length });
        for (const c of sel.coins) {
          expect(coins).toContain(c); // the same object: chosen ⊆ given
          expect(c.value).toBeGreaterThan(inputFee);
        }
        expect(sel.coins.length).toBeGreaterThan(0);
        const expectedVsize = baseVsize + 68n * BigInt(sel.coins.length) + (sel.change > 0n ? changeVsize : 0n);
        expect({ ctx, vsize: sel.vsize }).toEqual({ ctx, vsize: expectedVsize });
        expect(sel.fee).toBeGreaterThanOrEqual(feeRate * sel.vsize);
        expect(sel.change === 0n || sel.change >= dust).toBe(true);
        if (sel.change > 0n) {
          withChange++;
          // With a change output the fee is exactly the rate times the size.
          expect(sel.fee).toBe(feeRate * sel.vsize);
        } else {
          // Without one, the overpayment is at most the cost of change (BnB) or change that would have been dust.
          const overpay = sel.fee - feeRate * sel.vsize;
          expect({ ctx, overpayOk: overpay <= max(costOfChange, dust + feeRate * changeVsize - 1n) }).toEqual({
            ctx,
            overpayOk: true,
          });
        }
        if (bestExcess !== undefined) {
          // A changeless combination exists: branch and bound finds one with the least excess.
          exactish++;
          expect({ ctx, change: sel.change, excess: sel.fee - feeRate * sel.vsize }).toEqual({
            ctx,
            change: 0n,
            excess: bestExcess,
          });
        }
      }
      // The generator exercised every path.
      expect(found).toBeGreaterThan(100);
      expect(withChange).toBeGreaterThan(20);
      expect(exactish).toBeGreaterThan(20);
    });
  });
});

describe('buildSendPsbt and signSendPsbt', () => {
  const c0: Coin = {
    txid: 'aa'.repeat(31) + '01',
    vout: 1,
    value: 150_000n,
    script: hex.encode(p2wpkh(pub(0), REGTEST).script),
    keyChain: 0,
    keyIndex: 0,
  };
  const c1: Coin = {
    txid: 'bb'.repeat(31) + '02',
    vout: 0,
    value: 60_000n,
    script: hex.encode(p2wpkh(pub(1), REGTEST).script),
    keyChain: 0,
    keyIndex: 1,
  };
  const toP2pkh = p2pkh(pub(2), REGTEST).script;
  const toP2tr = p2tr(pub(3).slice(1), undefined, REGTEST).script;
  const changeScript = p2wpkh(pub(0, 1), REGTEST).script;
  const outputs: SendOutput[] = [
    { script: toP2pkh, amount: 100_000n },
    { script: toP2tr, amount: 50_000n },
  ];
  // Estimate at 2 sat/vB: 11 + 34 (P2PKH) + 43 (P2TR) + 31 (change) + 2 × 68 = 255 vB; fee 510;
  // change = 210 000 − 150 000 − 510 = 59 490.
  const ESTIMATE = 255;
  const change: SendOutput = { script: changeScript, amount: 59_490n };
  const keys = [key(0).privateKey!, key(1).privateKey!];

  it('builds a replaceable PSBT with the witness UTXOs, the outputs in order, then the change', () => {
    const psbt = Transaction.fromPSBT(buildSendPsbt([c0, c1], outputs, change));
    expect(psbt.inputsLength).toBe(2);
    expect(psbt.outputsLength).toBe(3);
    [c0, c1].forEach((c, i) => {
      const input = psbt.getInput(i);
      expect(hex.encode(input.txid!)).toBe(c.txid);
      expect(input.index).toBe(c.vout);
      expect(input.sequence).toBe(0xfffffffd);
      expect(input.witnessUtxo!.amount).toBe(c.value);
      expect(hex.encode(input.witnessUtxo!.script)).toBe(c.script);
    });
    // Without change: only the outputs.
    const noChange = Transaction.fromPSBT(buildSendPsbt([c0, c1], outputs));
    expect(noChange.outputsLength).toBe(2);
    expect(hex.encode(noChange.getOutput(1).script!)).toBe(hex.encode(toP2tr));
  });

  it('signs: the raw transaction decodes independently to the inputs, outputs, txid and fee', () => {
    const signed = signSendPsbt(buildSendPsbt([c0, c1], outputs, change), keys);
    const tx = Transaction.fromRaw(hex.decode(signed.raw));

    expect(tx.outputsLength).toBe(3);
    const outs = Array.from({ length: tx.outputsLength }, (_, i) => tx.getOutput(i));
    expect(outs.map((o) => [hex.encode(o.script!), o.amount])).toEqual([
      [hex.encode(toP2pkh), 100_000n],
      [hex.encode(toP2tr), 50_000n],
      [hex.encode(changeScript), 59_490n],
    ]);

    expect(tx.inputsLength).toBe(2);
    [c0, c1].forEach((c, i) => {
      const input = tx.getInput(i);
      expect(hex.encode(input.txid!)).toBe(c.txid);
      expect(input.index).toBe(c.vout);
      expect(input.sequence).toBe(0xfffffffd); // BIP125: < 0xfffffffe
      expect(input.finalScriptSig?.length ?? 0).toBe(0); // native SegWit: empty scriptSig
      // Witness: <signature + SIGHASH_ALL> <pubkey>, valid over the BIP143 digest of this input.
      const [sig, pubkey] = input.finalScriptWitness!;
      expect(hex.encode(pubkey)).toBe(hex.encode(pub(c.keyIndex)));
      expect(sig[sig.length - 1]).toBe(SigHash.ALL);
      const scriptCode = p2pkh(pubkey).script;
      const digest = tx.preimageWitnessV0(i, scriptCode, SigHash.ALL, c.value);
      expect(secp256k1.verify(sig.slice(0, -1), digest, pubkey, { prehash: false, format: 'der' })).toBe(true);
    });

    // txid: double SHA-256 of the serialization without witnesses, byte-reversed.
    expect(signed.txid).toBe(tx.id);
    expect(signed.txid).toBe(hex.encode(sha256(sha256(tx.toBytes(true, false))).reverse()));
    // fee = inputs − outputs = 210 000 − 209 490
    expect(signed.fee).toBe(510n);
    expect(signed.fee).toBe(c0.value + c1.value - sum(outs.map((o) => o.amount!)));
    // The estimate (68 vB per P2WPKH input, 11 vB overhead) never undershoots the real size.
    expect(signed.vsize).toBe(tx.vsize);
    expect(signed.vsize).toBeLessThanOrEqual(ESTIMATE);
    expect(signed.vsize).toBeGreaterThan(ESTIMATE - 3);
  });

  it('refuses the wrong keys or the wrong number of keys', () => {
    const psbt = buildSendPsbt([c0, c1], outputs, change);
    expect(() => signSendPsbt(psbt, [keys[0]])).toThrow();
    expect(() => signSendPsbt(psbt, [...keys, key(2).privateKey!])).toThrow();
    expect(() => signSendPsbt(psbt, [])).toThrow();
    expect(() => signSendPsbt(psbt, [keys[1], keys[0]])).toThrow(); // swapped
    expect(() => signSendPsbt(psbt, [keys[0], key(2).privateKey!])).toThrow(); // a key of neither coin
    // The right keys still sign the same PSBT (the failed attempts did not consume it).
    expect(() => signSendPsbt(psbt, keys)).not.toThrow();
  });
});
