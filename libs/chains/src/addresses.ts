import { ECDH } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2';
import { createBase58check, hex } from '@scure/base';
import { Address as BtcAddress, p2wpkh } from '@scure/btc-signer';
import { getAddress, isAddress, toHex } from 'viem';
import { publicKeyToAddress } from 'viem/accounts';
import { CHAINS } from './registry/chains';
import type { Network } from './registry/network-registry';

const base58check = createBase58check(sha256);
const TRON_PREFIX = 0x41;

export interface AddressCheck {
  valid: boolean;
  /** The canonical form: EIP-55 checksum case for EVM, lower case for bech32. */
  normalized?: string;
  reason?: string;
}

/**
 * EIP-55 address of a compressed secp256k1 public key. The point is decompressed by OpenSSL (node:crypto), which
 * checks it is on the curve and costs microseconds where a JS square root costs a fraction of a millisecond.
 */
export function evmAddressOf(compressedPublicKey: Uint8Array): `0x${string}` {
  const uncompressed = ECDH.convertKey(
    Buffer.from(compressedPublicKey),
    'secp256k1',
    undefined,
    undefined,
    'uncompressed',
  ) as Buffer;
  return publicKeyToAddress(toHex(uncompressed));
}

/** Tron: base58check(0x41 || the 20 bytes of the EVM address of the same key). */
export function tronAddressOf(compressedPublicKey: Uint8Array): string {
  return tronFromEvm(evmAddressOf(compressedPublicKey));
}

export function tronFromEvm(evm: string): string {
  const body = hex.decode(evm.slice(2).toLowerCase());
  return base58check.encode(Uint8Array.from([TRON_PREFIX, ...body]));
}

/** The 0x EVM form of a Tron address (TRC-20 calls and logs use it). */
export function evmFromTron(tron: string): `0x${string}` {
  const bytes = base58check.decode(tron);
  return getAddress(`0x${hex.encode(bytes.subarray(1))}`);
}

/** BIP84 native SegWit (P2WPKH) address of a compressed public key on a Bitcoin network. */
export function bitcoinAddressOf(compressedPublicKey: Uint8Array, network: Network): string {
  if (!network.bitcoin) throw new Error(`${network.key} is not a Bitcoin network`);
  const address = p2wpkh(compressedPublicKey, network.bitcoin).address;
  if (!address) throw new Error('p2wpkh produced no address');
  return address;
}

export function addressOf(compressedPublicKey: Uint8Array, network: Network): string {
  switch (network.family) {
    case 'evm':
      return evmAddressOf(compressedPublicKey);
    case 'tron':
      return tronAddressOf(compressedPublicKey);
    case 'bitcoin':
      return bitcoinAddressOf(compressedPublicKey, network);
  }
}

/** Checksum-aware validation of an address on a network's chain. */
export function checkAddress(address: string, network: Network): AddressCheck {
  const value = address.trim();
  if (value !== address || value.length === 0 || value.length > 128) return { valid: false, reason: 'malformed' };
  switch (network.family) {
    case 'evm': {
      if (!isAddress(value, { strict: false })) return { valid: false, reason: 'not a 20-byte hex address' };
      // Mixed case means the sender used an EIP-55 checksum: it must be right.
      const mixed = /[a-f]/.test(value.slice(2)) && /[A-F]/.test(value.slice(2));
      if (mixed && !isAddress(value, { strict: true })) return { valid: false, reason: 'bad EIP-55 checksum' };
      return { valid: true, normalized: getAddress(value) };
    }
    case 'tron': {
      try {
        const bytes = base58check.decode(value);
        if (bytes.length !== 21 || bytes[0] !== TRON_PREFIX) return { valid: false, reason: 'not a Tron address' };
        return { valid: true, normalized: value };
      } catch {
        return { valid: false, reason: 'bad base58check' };
      }
    }
    case 'bitcoin': {
      if (!network.bitcoin) return { valid: false, reason: 'not a Bitcoin network' };
      const lower = value.toLowerCase();
      const isBech32 = lower.startsWith(`${network.bitcoin.bech32}1`);
      if (isBech32 && value !== lower && value !== value.toUpperCase())
        return { valid: false, reason: 'mixed-case bech32' };
      const candidate = isBech32 ? lower : value;
      try {
        BtcAddress(network.bitcoin).decode(candidate);
        return { valid: true, normalized: candidate };
      } catch {
        const other = Object.entries(CHAINS.bitcoin.networks).find(([, spec]) => {
          try {
            return (
              spec.bitcoin !== undefined && BtcAddress(spec.bitcoin).decode(isBech32 ? candidate : value) !== undefined
            );
          } catch {
            return false;
          }
        });
        return {
          valid: false,
          reason: other
            ? `a bitcoin ${other[1].name} address; this deployment sends on bitcoin ${network.name}`
            : `not an address of bitcoin ${network.name}`,
        };
      }
    }
  }
}
