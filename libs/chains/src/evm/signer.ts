import { Address, Hash, Hex, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export interface EvmTxRequest {
  chainId: number;
  nonce: number;
  to: Address;
  value: bigint;
  data?: Hex;
  gas: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/**
 * Signs an EIP-1559 transaction locally with a keyring key (viem; no hand-written crypto). The key is used and
 * dropped; the caller stores the raw transaction before broadcasting it.
 */
export async function signEvmTransaction(
  privateKey: Uint8Array,
  tx: EvmTxRequest,
): Promise<{ raw: Hex; hash: Hash; from: Address }> {
  const account = privateKeyToAccount(toHex(privateKey));
  const raw = await account.signTransaction({ type: 'eip1559', ...tx });
  return { raw, hash: keccak256(raw), from: account.address };
}
