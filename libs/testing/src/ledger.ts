import { LedgerRepository } from '@app/db';
import type { TestDeployment } from './deployment';

/** LED-1..7 over the whole database of a test app: the check every scenario ends with. */
export async function expectLedgerConsistent(t: TestDeployment): Promise<void> {
  const violations = await new LedgerRepository(t.dataSource).violations();
  if (Object.keys(violations).length)
    throw new Error(
      `ledger invariants broken: ${JSON.stringify(violations, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`,
    );
}
