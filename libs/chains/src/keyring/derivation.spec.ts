import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { BIP32Factory } from 'bip32';
import * as bip39 from 'bip39';
import * as bitcoin from 'bitcoinjs-lib';
import * as ecc from '@bitcoinerlab/secp256k1';
import bs58check from 'bs58check';
import { randomBytes } from 'node:crypto';
import { toHex } from 'viem';
import { mnemonicToAccount, publicKeyToAddress } from 'viem/accounts';
import { NetworkRegistry } from '../registry/network-registry';
import { checkAddress, evmFromTron, tronFromEvm } from '../addresses';
import { deriveAddress } from './derivation';

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const root = (mnemonic: string) => HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
const net = (env: 'devnet' | 'testnet' | 'mainnet', chain: string) =>
  NetworkRegistry.build(env, {}).find((n) => n.chain === chain)!;

describe('HD derivation against published vectors', () => {
  const r = root(ABANDON);

  it("EVM m/44'/60'/0'/0/0 (the well-known first address of the test mnemonic)", () => {
    expect(deriveAddress(r, net('mainnet', 'ethereum'), 0, 0)).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it('BIP84 test vectors (mainnet and testnet)', () => {
    expect(deriveAddress(r, net('mainnet', 'bitcoin'), 0, 0)).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    expect(deriveAddress(r, net('mainnet', 'bitcoin'), 0, 1)).toBe('bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g');
    expect(deriveAddress(r, net('testnet', 'bitcoin'), 0, 0)).toBe('tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl');
  });

  it("Tron m/44'/195'/0'/0/0", () => {
    expect(deriveAddress(r, net('mainnet', 'tron'), 0, 0)).toBe('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH');
  });

  it('regtest uses the bcrt prefix', () => {
    expect(deriveAddress(r, net('devnet', 'bitcoin'), 3, 7)).toMatch(/^bcrt1q[0-9a-z]{38}$/);
  });
});

describe('HD derivation against independent libraries, random seeds', () => {
  const bip32 = BIP32Factory(ecc);
  const cases = Array.from({ length: 4 }, () => ({
    mnemonic: bip39.entropyToMnemonic(randomBytes(32)),
    account: 1 + (randomBytes(2).readUInt16BE() % 5000),
    index: randomBytes(2).readUInt16BE() % 10000,
  }));

  it.each(cases)('EVM matches viem (%#)', ({ mnemonic, account, index }) => {
    const expected = mnemonicToAccount(mnemonic, { accountIndex: account, addressIndex: index }).address;
    expect(deriveAddress(root(mnemonic), net('mainnet', 'polygon'), account, index)).toBe(expected);
  });

  it.each(cases)('Bitcoin BIP84 matches bitcoinjs-lib + bip32 + bip39 (%#)', ({ mnemonic, account, index }) => {
    for (const [env, coin, network] of [
      ['mainnet', 0, bitcoin.networks.bitcoin],
      ['testnet', 1, bitcoin.networks.testnet],
      ['devnet', 1, bitcoin.networks.regtest],
    ] as const) {
      const node = bip32
        .fromSeed(bip39.mnemonicToSeedSync(mnemonic))
        .derivePath(`m/84'/${coin}'/${account}'/0/${index}`);
      const expected = bitcoin.payments.p2wpkh({ pubkey: Buffer.from(node.publicKey), network }).address;
      expect(deriveAddress(root(mnemonic), net(env, 'bitcoin'), account, index)).toBe(expected);
    }
  });

  it.each(cases)('Tron matches bip32 + bs58check (%#)', ({ mnemonic, account, index }) => {
    const node = bip32.fromSeed(bip39.mnemonicToSeedSync(mnemonic)).derivePath(`m/44'/195'/${account}'/0/${index}`);
    const evm = publicKeyToAddress(toHex(ecc.pointCompress(node.publicKey, false)));
    const expected = bs58check.encode(Buffer.concat([Buffer.from([0x41]), Buffer.from(evm.slice(2), 'hex')]));
    expect(deriveAddress(root(mnemonic), net('mainnet', 'tron'), account, index)).toBe(expected);
  });
});

describe('address validation', () => {
  const eth = net('devnet', 'ethereum');
  it('accepts EIP-55, all-lower and all-upper EVM addresses and normalizes to EIP-55', () => {
    const good = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
    expect(checkAddress(good, eth)).toEqual({ valid: true, normalized: good });
    expect(checkAddress(good.toLowerCase(), eth)).toEqual({ valid: true, normalized: good });
    expect(checkAddress(`0x${good.slice(2).toUpperCase()}`, eth)).toEqual({ valid: true, normalized: good });
  });

  it('refuses a wrong EIP-55 checksum, short and non-hex EVM addresses', () => {
    expect(checkAddress('0x9858efFD232B4033E47d90003D41EC34EcaEda94', eth).valid).toBe(false);
    expect(checkAddress('0x9858EfFD232B4033E47d90003D41EC34EcaEda9', eth).valid).toBe(false);
    expect(checkAddress('0xZZ58EfFD232B4033E47d90003D41EC34EcaEda94', eth).valid).toBe(false);
    expect(checkAddress(' 0x9858EfFD232B4033E47d90003D41EC34EcaEda94', eth).valid).toBe(false);
  });

  it('checks Tron base58check and its 0x41 prefix', () => {
    const tron = net('mainnet', 'tron');
    expect(checkAddress('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH', tron).valid).toBe(true);
    expect(checkAddress('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdh', tron).valid).toBe(false);
    expect(checkAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT', tron).valid).toBe(false);
    expect(evmFromTron(tronFromEvm('0x9858EfFD232B4033E47d90003D41EC34EcaEda94'))).toBe(
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    );
  });

  it('checks Bitcoin addresses per network', () => {
    const main = net('mainnet', 'bitcoin');
    const test = net('testnet', 'bitcoin');
    expect(checkAddress('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', main)).toEqual({
      valid: true,
      normalized: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    });
    expect(checkAddress('BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU', main)).toEqual({
      valid: true,
      normalized: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    });
    expect(checkAddress('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv', main).valid).toBe(false);
    expect(checkAddress('Bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', main).valid).toBe(false);
    expect(checkAddress('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', test).valid).toBe(false);
    expect(checkAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT', main).valid).toBe(true);
    expect(checkAddress('mztPG6nBar1mZ5J7T619iCuFP9SB5G9j5W', test).valid).toBe(true);
  });
});
