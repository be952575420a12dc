// The DataSource for the TypeORM migration CLI (`npm run migration:generate -- <path>`, `migration:run`).
// It is built from the same options as the app's (libs/db/src/data-source.options.ts).
import { DataSource } from 'typeorm';
import { loadConfig } from './libs/config/src/load-config';
import { buildDataSourceOptions } from './libs/db/src/data-source.options';
import { embeddedPostgresUrl, readEmbeddedPostgresInfo } from './libs/db/src/embedded-postgres';

const config = loadConfig(process.env);
const embedded = readEmbeddedPostgresInfo(config.dataDir);
const url = config.databaseUrl ?? (embedded && embeddedPostgresUrl(embedded));
if (!url) {
  throw new Error('Set DATABASE_URL, or run `npm start` once so the embedded PostgreSQL server exists in DATA_DIR');
}

export default new DataSource(buildDataSourceOptions(url));
