// Independent implementations (bitcoinjs-lib, bip32, bip39, bs58check, viem) used to check what the API derives.
import * as ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory } from 'bip32';
import * as bip39 from 'bip39';
import * as bitcoin from 'bitcoinjs-lib';
import bs58check from 'bs58check';
import { isAddress, toHex } from 'viem';
import { mnemonicToAccount, publicKeyToAddress } from 'viem/accounts';

const bip32 = BIP32Factory(ecc);

export function independentEvmAddress(mnemonic: string, account: number, index: number): string {
  return mnemonicToAccount(mnemonic, { accountIndex: account, addressIndex: index }).address;
}

export function independentTronAddress(mnemonic: string, account: number, index: number): string {
  const node = bip32.fromSeed(bip39.mnemonicToSeedSync(mnemonic)).derivePath(`m/44'/195'/${account}'/0/${index}`);
  const evm = publicKeyToAddress(toHex(ecc.pointCompress(node.publicKey, false)));
  return bs58check.encode(Buffer.concat([Buffer.from([0x41]), Buffer.from(evm.slice(2), 'hex')]));
}

export function independentRegtestAddress(mnemonic: string, account: number, index: number): string {
  const node = bip32.fromSeed(bip39.mnemonicToSeedSync(mnemonic)).derivePath(`m/84'/1'/${account}'/0/${index}`);
  return bitcoin.payments.p2wpkh({ pubkey: Buffer.from(node.publicKey), network: bitcoin.networks.regtest }).address!;
}

/** Structural validity by libraries that share no code with ours. */
export function isValidOn(chain: string, address: string): boolean {
  switch (chain) {
    case 'ethereum':
    case 'polygon':
      return isAddress(address, { strict: true }) && /[A-F]/.test(address) === /[a-f]/.test(address);
    case 'tron': {
      const bytes = bs58check.decode(address);
      return bytes.length === 21 && bytes[0] === 0x41;
    }
    case 'bitcoin':
      bitcoin.address.toOutputScript(address, bitcoin.networks.regtest);
      return address.startsWith('bcrt1q');
    default:
      return false;
  }
}
