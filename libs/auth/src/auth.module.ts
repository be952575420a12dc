import { Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { CryptoService, JobScheduler } from '@app/common';
import { AuthRequestIdsRepository } from '@app/db';
import { ApiKeysService } from './api-keys.service';
import { RequestIds } from './request-ids';
import { AuthenticationGuard } from './authentication.guard';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { HmacStrategy } from './strategies/hmac.strategy';
import { JwtStrategy, jwtKey } from './strategies/jwt.strategy';
import { RateLimiter } from './rate-limiter';
import { TokenService } from './token.service';

/** Forgets request ids once their timestamps are outside the window and a replay would be refused anyway. */
@Injectable()
export class RequestIdReaper implements OnModuleInit {
  private readonly logger = new Logger(RequestIdReaper.name);

  constructor(
    private readonly requestIds: AuthRequestIdsRepository,
    private readonly config: AppConfig,
    private readonly jobs: JobScheduler,
  ) {}

  onModuleInit(): void {
    this.jobs.every('auth-request-id-reaper', 60_000, () => this.reap());
  }

  async reap(): Promise<number> {
    const affected = await this.requestIds.deleteOlderThan(this.config.hmacMaxSkewSeconds * 2);
    if (affected) this.logger.debug({ affected }, 'reaped request ids');
    return affected;
  }
}

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [CryptoService],
      useFactory: (crypto: CryptoService) => ({ privateKey: jwtKey(crypto) }),
    }),
  ],
  providers: [
    ApiKeysService,
    TokenService,
    RequestIds,
    HmacStrategy,
    JwtStrategy,
    ApiKeyStrategy,
    AuthenticationGuard,
    RateLimiter,
    RequestIdReaper,
  ],
  exports: [ApiKeysService, TokenService, AuthenticationGuard, RateLimiter, HmacStrategy, JwtStrategy, ApiKeyStrategy],
})
export class AuthModule {}
