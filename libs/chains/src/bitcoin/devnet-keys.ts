import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { p2wpkh } from '@scure/btc-signer';
import { DEVNET_MNEMONIC } from '../evm/devnet-node';
import type { BitcoinParams } from '../registry/chains';

export interface DevnetBitcoinKey {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  address: string;
  script: Uint8Array;
}

const keys = new Map<string, DevnetBitcoinKey>();
let root: HDKey | undefined;

/**
 * A development key of the Bitcoin devnet: BIP84 `m/84'/1'/0'/0/<index>` of the devnet mnemonic (the same account
 * indexes as on the EVM devnet: 1 is the faucet, 9 the denylisted sender). Devnet only, never for custody.
 */
export function devnetBitcoinKey(index: number, params: BitcoinParams): DevnetBitcoinKey {
  const id = `${params.bech32}:${index}`;
  let key = keys.get(id);
  if (!key) {
    root ??= HDKey.fromMasterSeed(mnemonicToSeedSync(DEVNET_MNEMONIC));
    const child = root.derive(`m/84'/1'/0'/0/${index}`);
    const payment = p2wpkh(child.publicKey!, params);
    key = {
      privateKey: child.privateKey!,
      publicKey: child.publicKey!,
      address: payment.address,
      script: payment.script,
    };
    keys.set(id, key);
  }
  return key;
}
