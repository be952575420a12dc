import type { Network } from './registry/network-registry';

/**
 * Devnet convenience port: funds an address with the native asset (for gas) so that a developer's first withdrawal
 * does not wait for a manual top-up of the master wallet. Only the devnet module provides it.
 */
export interface GasFaucet {
  ensureGas(network: Network, address: string, minimum: bigint): Promise<void>;
}

export const GAS_FAUCET = Symbol('GAS_FAUCET');
