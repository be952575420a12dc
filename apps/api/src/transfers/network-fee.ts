import { Network } from '@app/chains';
import { LedgerOp } from '@app/ledger';

/**
 * The ledger transfer of a network fee we paid: from the organization's fee account to the outside world, in the
 * network's native asset (none for a zero fee). Customer wallets never pay it: a wallet is debited its amount only.
 */
export function networkFee(network: Network, amount: bigint, reference: string): LedgerOp[] {
  if (amount <= 0n) return [];
  const native = network.assets.find((a) => a.native)!.symbol;
  return [
    {
      phase: 'posted',
      debit: { kind: 'fees', network: network.key, asset: native },
      credit: { kind: 'external', network: network.key, asset: native },
      amount,
      reference,
    },
  ];
}
