import { DynamicModule, Module, Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from '@app/auth';
import { ChainsModule } from '@app/chains';
import { CommonModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DbModule } from '@app/db';
import { EventsModule } from '@app/events';
import { LedgerModule } from '@app/ledger';
import { PricesModule } from '@app/prices';
import { AddressesModule } from './addresses/addresses.module';
import { AdjustmentsModule } from './adjustments/adjustments.module';
import { AuthHttpModule } from './auth/auth.module';
import { BalancesModule } from './balances/balances.module';
import { BenchModule } from './bench/bench.controller';
import { DepositsModule } from './deposits/deposits.module';
import { DevnetModule } from './devnet/devnet.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { MasterWalletsModule } from './master-wallets/master-wallets.module';
import { MetricsModule } from './metrics/metrics.module';
import { NetworksModule } from './networks/networks.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { TransactionsModule } from './transactions/transactions.module';
import { TransfersModule } from './transfers/transfers.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WalletsModule } from './wallets/wallets.module';

@Module({})
export class AppModule {
  /** The whole service; `ROLES` decides whether this process serves HTTP, runs jobs, or both. */
  static forRoot(config: AppConfig, extraImports: Array<Type | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DbModule.forRoot(),
        AuthModule,
        ChainsModule.forRoot({ requireSeed: true }),
        EventsModule,
        LedgerModule,
        PricesModule,
        // The registry is always there; JobScheduler starts jobs only in processes with the jobs role.
        ScheduleModule.forRoot(),
        HealthModule,
        MetricsModule,
        AuthHttpModule,
        OrganizationsModule,
        NetworksModule,
        WalletsModule,
        AddressesModule,
        MasterWalletsModule,
        BalancesModule,
        TransactionsModule,
        TransfersModule,
        AdjustmentsModule,
        WebhooksModule,
        DepositsModule,
        IdempotencyModule,
        ...(config.isDevnet ? [DevnetModule] : []),
        ...(config.benchRoutes ? [BenchModule] : []),
        ...extraImports,
      ],
    };
  }
}
