import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { buildDataSourceOptions } from './data-source.options';
import { ENTITIES } from './entities';
import { runMigrationsLocked } from './migrate';
import { usePreparedStatements } from './prepared';
import { REPOSITORIES } from './repositories';
import { Transactions } from './transactions';

@Global()
@Module({})
export class DbModule {
  /** Connects to `config.databaseUrl` (resolved at boot) and applies pending migrations under an advisory lock. */
  static forRoot(): DynamicModule {
    return {
      module: DbModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl) throw new Error('the database URL was not resolved at boot');
            usePreparedStatements(config.databasePreparedStatements);
            return buildDataSourceOptions(config.databaseUrl, config.databasePoolSize);
          },
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            return dataSource;
          },
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [
        Transactions,
        ...REPOSITORIES,
        {
          provide: 'MIGRATIONS_APPLIED',
          inject: [AppConfig, DataSource],
          useFactory: async (config: AppConfig, dataSource: DataSource) =>
            config.migrationsRun ? runMigrationsLocked(dataSource) : [],
        },
      ],
      exports: [TypeOrmModule, 'MIGRATIONS_APPLIED', Transactions, ...REPOSITORIES],
    };
  }
}
