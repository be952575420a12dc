import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { SecretBox } from '@app/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';

/** What the helpers here need of a running deployment under test. */
export interface TestDeployment {
  dataSource: DataSource;
  config: AppConfig;
}

/**
 * The deployment's root mnemonic, unsealed the way an operator with the KEK could: lets tests re-derive addresses
 * with independent libraries and compare them with what the API returned.
 */
export async function deploymentMnemonic(t: TestDeployment): Promise<string> {
  const [row] = await t.dataSource.query<Array<{ value: { sealed: string } }>>(
    `SELECT value FROM system_settings WHERE key = 'root_seed'`,
  );
  if (!row || !t.config.keyEncryptionKey) throw new Error('no root seed');
  return new SecretBox(t.config.keyEncryptionKey, 'root-seed').open(row.value.sealed, 'root-seed:v1').toString('utf8');
}

export async function deploymentRoot(t: TestDeployment): Promise<HDKey> {
  return HDKey.fromMasterSeed(mnemonicToSeedSync(await deploymentMnemonic(t)));
}

export async function accountIndexOf(t: TestDeployment, organizationId: string): Promise<number> {
  const [row] = await t.dataSource.query<Array<{ account_index: number }>>(
    `SELECT account_index FROM organizations WHERE id = $1`,
    [organizationId],
  );
  return row.account_index;
}
