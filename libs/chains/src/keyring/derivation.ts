import type { HDKey } from '@scure/bip32';
import { addressOf } from '../addresses';
import type { Network } from '../registry/network-registry';

/** BIP44 chains under an account: receive addresses, and (Bitcoin) the change of our sends. */
export const RECEIVE_CHAIN = 0;
export const CHANGE_CHAIN = 1;

/**
 * BIP44/BIP84 paths. The organization's account is hardened; the chain (0 receive, 1 change) and the index are not,
 * so addresses derive from the account's public key alone. Index 0 is the organization's master wallet address.
 *   EVM     m/44'/60'/{account}'/0/{index}
 *   Tron    m/44'/195'/{account}'/0/{index}
 *   Bitcoin m/84'/{0 mainnet | 1 otherwise}'/{account}'/{0 receive | 1 change}/{index}
 */
export function accountPath(network: Network, account: number, chain = RECEIVE_CHAIN): string {
  if (!Number.isInteger(account) || account < 0 || account >= 0x80000000)
    throw new Error(`bad account index ${account}`);
  switch (network.family) {
    case 'evm':
      return `m/44'/60'/${account}'/${chain}`;
    case 'tron':
      return `m/44'/195'/${account}'/${chain}`;
    case 'bitcoin':
      return `m/84'/${network.env === 'mainnet' ? 0 : 1}'/${account}'/${chain}`;
  }
}

/** The address at `index` of an account, derived from any node at or above the account (pure; for tests too). */
export function deriveAddress(root: HDKey, network: Network, account: number, index: number): string {
  const node = root.derive(`${accountPath(network, account)}/${index}`);
  if (!node.publicKey) throw new Error('derivation produced no public key');
  return addressOf(node.publicKey, network);
}
