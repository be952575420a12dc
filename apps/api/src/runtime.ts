import { AppConfig } from '@app/config';
import { loadOrCreateDevnetKek } from '@app/common';
import { ensureEmbeddedPostgres } from '@app/db';

export interface Runtime {
  /** The configuration with the database URL and key-encryption key resolved. */
  config: AppConfig;
  stop(): Promise<void>;
}

/**
 * What must exist before the Nest application is built: the key-encryption key (generated into DATA_DIR on
 * devnet) and a database (the embedded PostgreSQL server when DATABASE_URL is not set).
 */
export async function prepareRuntime(config: AppConfig, log: (message: string) => void): Promise<Runtime> {
  const keyEncryptionKey = config.keyEncryptionKey ?? loadOrCreateDevnetKek(config.dataDir);
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // The server's own output is kept and shown only if it fails to start.
    const output: string[] = [];
    const pg = await ensureEmbeddedPostgres(config.dataDir, (m) => output.push(m)).catch((e: unknown) => {
      log(`embedded PostgreSQL failed to start:\n${output.slice(-40).join('\n')}`);
      throw e;
    });
    databaseUrl = pg.url;
    if (pg.owned) stops.push(() => pg.stop());
    log(pg.owned ? 'embedded PostgreSQL started' : 'embedded PostgreSQL already running; reusing it');
  }
  return {
    config: new AppConfig({ ...config, keyEncryptionKey, databaseUrl }),
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
