import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

/**
 * The one definition of the TypeORM options: the app (`DbModule`) and the migration CLI (`ormconfig.ts`) both
 * build their DataSource from it. Schema changes only through migrations; `synchronize` is never on.
 */
export function buildDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize,
    applicationName: 'wallets-api',
    logging: false,
  };
}
