import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { randomBytes } from 'node:crypto';
import { ChildKeys } from './child-keys';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ChildKeys (worker thread, bip32 on libsecp256k1)', () => {
  const keys = new ChildKeys();
  afterAll(() => keys.close());

  it('derives the same child keys as @scure/bip32, for the published test mnemonic and random seeds', async () => {
    const roots = [
      HDKey.fromMasterSeed(mnemonicToSeedSync(ABANDON)),
      HDKey.fromMasterSeed(randomBytes(64)),
      HDKey.fromMasterSeed(randomBytes(64)),
    ];
    const paths = ["m/44'/60'/0'/0", "m/44'/195'/7'/0", "m/84'/0'/3'/0", "m/84'/1'/4999'/0"];
    const cases = roots.flatMap((root) =>
      paths.flatMap((path) => {
        const account = root.derive(path);
        const xpub = account.publicExtendedKey;
        return [0, 1, 2, 19, 20, 1000 + (randomBytes(2).readUInt16BE() % 60000), 0x7fffffff].map((index) => ({
          xpub,
          index,
          expected: hex(account.deriveChild(index).publicKey!),
        }));
      }),
    );
    // One turn of the event loop: the worker gets them as one message and answers each.
    const derived = await Promise.all(cases.map((c) => keys.derive(c.xpub, c.index)));
    expect(derived.map(hex)).toEqual(cases.map((c) => c.expected));
  });

  it('answers each call with its own key when calls of several turns interleave', async () => {
    const account = HDKey.fromMasterSeed(randomBytes(64)).derive("m/44'/60'/1'/0");
    const first = Array.from({ length: 5 }, (_, i) => keys.derive(account.publicExtendedKey, i));
    await new Promise((r) => setImmediate(r));
    const second = Array.from({ length: 5 }, (_, i) => keys.derive(account.publicExtendedKey, 100 + i));
    const expected = [0, 1, 2, 3, 4, 100, 101, 102, 103, 104].map((i) => hex(account.deriveChild(i).publicKey!));
    expect((await Promise.all([...first, ...second])).map(hex)).toEqual(expected);
  });

  it('refuses what a public key cannot derive (a hardened index) or is not an extended key, and goes on', async () => {
    const account = HDKey.fromMasterSeed(randomBytes(64)).derive("m/44'/60'/2'/0");
    const hardened = keys.derive(account.publicExtendedKey, 0x80000000);
    const garbage = keys.derive('xpub-not-a-key', 1);
    const fine = keys.derive(account.publicExtendedKey, 5);
    await expect(hardened).rejects.toThrow(/child key derivation failed/);
    await expect(garbage).rejects.toThrow(/child key derivation failed/);
    expect(hex(await fine)).toBe(hex(account.deriveChild(5).publicKey!));
  });

  it('fails the calls pending on a worker that stopped, and starts a new one for the next call', async () => {
    const account = HDKey.fromMasterSeed(randomBytes(64)).derive("m/44'/60'/3'/0");
    const pending = Array.from({ length: 50 }, (_, i) => keys.derive(account.publicExtendedKey, i));
    await new Promise((r) => setImmediate(r)); // sent
    await keys.close();
    const settled = await Promise.allSettled(pending);
    const rejected = settled.filter((s) => s.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect(String(r.reason)).toMatch(/child key worker exited/);
    expect(hex(await keys.derive(account.publicExtendedKey, 7))).toBe(hex(account.deriveChild(7).publicKey!));
  });
});
