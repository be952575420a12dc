import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiKeysService, CreatedApiKey, SCOPES } from '@app/auth';
import { AppConfig } from '@app/config';
import { SystemSettingsRepository, Transactions } from '@app/db';
import { OrganizationsService } from './organizations.service';

export const DEV_CREDENTIALS_FILE = 'dev-credentials.json';
const SETTING_KEY = 'dev_organization_id';
const BOOTSTRAP_LOCK_KEY = 7_340_002;

/**
 * Devnet only: the first boot creates a development organization with wallets enabled and a key with every scope,
 * prints it once and writes it to DATA_DIR/dev-credentials.json. Later boots point at the file.
 */
@Injectable()
export class DevBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DevBootstrap');

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly settings: SystemSettingsRepository,
    private readonly organizations: OrganizationsService,
    private readonly keys: ApiKeysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.devBootstrap) return;
    const created = await this.transactions.run(async (manager) => {
      await this.settings.waitForAdvisoryLock(BOOTSTRAP_LOCK_KEY, manager);
      if (await this.settings.findByKey(SETTING_KEY, manager)) return undefined;
      const org = await this.organizations.create('Development', true, manager);
      // Every scope, adjustments included: the development key drives the whole playground.
      const key = await this.keys.create(org.id, { name: 'development', scopes: [...SCOPES] }, manager);
      await this.settings.insert(SETTING_KEY, org.id, manager);
      return key;
    });
    const file = join(this.config.dataDir, DEV_CREDENTIALS_FILE);
    if (!created) {
      this.logger.log(`Development credentials: ${file}`);
      return;
    }
    this.writeCredentials(file, created);
  }

  private writeCredentials(file: string, key: CreatedApiKey): void {
    const credentials = {
      organization_id: key.organization_id,
      api_key_id: key.api_key_id,
      api_secret: key.api_secret,
    };
    writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    // Printed once on stdout, deliberately not through the logger: log pipelines must never carry secrets.
    process.stdout.write(
      [
        '',
        '  Development credentials (devnet only; also written to ' + file + ')',
        `    organization_id  ${key.organization_id}`,
        `    api_key_id       ${key.api_key_id}`,
        `    api_secret       ${key.api_secret}`,
        `  In the playground at /docs, click Authorize and paste into ApiKey:`,
        `    ${key.api_key_id}.${key.api_secret}`,
        '',
      ].join('\n') + '\n',
    );
  }
}
