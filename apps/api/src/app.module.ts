import { DynamicModule, Module, Type } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@app/auth';
import { CommonModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DbModule } from '@app/db';
import { AuthHttpModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { loggerParams } from './logging';
import { OrganizationsModule } from './organizations/organizations.module';

@Module({})
export class AppModule {
  /**
   * The whole service. Jobs are scheduled only in processes with the `jobs` role: without ScheduleModule,
   * @Interval/@Cron methods stay inert.
   */
  static forRoot(config: AppConfig, extraImports: Array<Type | DynamicModule> = [], logStream?: NodeJS.WritableStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, logStream)),
        CommonModule,
        DbModule.forRoot(),
        AuthModule,
        ...(config.roles.has('jobs') ? [ScheduleModule.forRoot()] : []),
        HealthModule,
        AuthHttpModule,
        OrganizationsModule,
        ...extraImports,
      ],
    };
  }
}
