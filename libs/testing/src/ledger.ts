import { checkLedgerInvariants } from '@app/ledger';
import type { TestDeployment } from './deployment';

/** LED-1..7 over the whole database of a test app: the check every scenario ends with. */
export async function expectLedgerConsistent(t: TestDeployment): Promise<void> {
  const violations = await checkLedgerInvariants(t.dataSource.manager);
  if (Object.keys(violations).length) throw new Error(`ledger invariants broken: ${JSON.stringify(violations, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
}
