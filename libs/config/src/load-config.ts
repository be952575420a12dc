import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig } from './app-config';
import { EnvDto, PER_CHAIN, Role } from './env.dto';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const reasons = Object.values(e.constraints ?? {}).map((m) => m.replace(`${e.property} `, ''));
    return `${e.property}: ${reasons.join('; ')}`;
  });
}

function decodeKek(value: string): Buffer {
  const buf = /^[A-Fa-f0-9]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (buf.length !== 32) throw new ConfigError([`KEY_ENCRYPTION_KEY: must decode to 32 bytes, got ${buf.length}`]);
  return buf;
}

type Env = Record<string, string | undefined>;

/**
 * Validates the environment once. A bad value throws a `ConfigError` naming the variable;
 * `main.ts` prints it and exits non-zero.
 */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  // Empty strings mean "unset": `FOO= npm start` must not fail validation.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const dto = plainToInstance(EnvDto, present);
  const errors = validateSync(dto, { whitelist: false, forbidUnknownValues: false });
  if (errors.length) throw new ConfigError(describe(errors));

  const networkEnv = dto.NETWORK_ENV ?? 'devnet';
  const roles = new Set((dto.ROLES ?? 'api,jobs').split(',').map((r) => r.trim() as Role));
  const keyEncryptionKey = dto.KEY_ENCRYPTION_KEY ? decodeKek(dto.KEY_ENCRYPTION_KEY) : undefined;
  if (!keyEncryptionKey && networkEnv !== 'devnet') {
    throw new ConfigError([
      `KEY_ENCRYPTION_KEY: required when NETWORK_ENV=${networkEnv} (32 random bytes, base64 or hex)`,
    ]);
  }
  if (dto.FAULT_INJECTION && networkEnv !== 'devnet') {
    throw new ConfigError([`FAULT_INJECTION: only allowed when NETWORK_ENV=devnet`]);
  }
  if (dto.BENCH_ROUTES && networkEnv !== 'devnet') {
    throw new ConfigError([`BENCH_ROUTES: only allowed when NETWORK_ENV=devnet`]);
  }
  if (dto.DEV_BOOTSTRAP && networkEnv !== 'devnet') {
    throw new ConfigError([`DEV_BOOTSTRAP: only allowed when NETWORK_ENV=devnet`]);
  }

  const perChain = <T>(prefix: string): Record<string, T> =>
    Object.fromEntries(
      PER_CHAIN.map((chain) => [
        chain,
        (dto as unknown as Record<string, T | undefined>)[`${prefix}_${chain.toUpperCase()}`],
      ]).filter(([, v]) => v !== undefined),
    ) as Record<string, T>;

  return new AppConfig({
    port: dto.PORT ?? 3000,
    host: dto.HOST ?? (networkEnv === 'devnet' ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: dto.DATABASE_URL,
    databasePoolSize: dto.DATABASE_POOL_SIZE ?? 10,
    databasePreparedStatements: dto.DATABASE_PREPARED_STATEMENTS ?? true,
    dataDir: resolve(cwd, dto.DATA_DIR ?? '.data'),
    networkEnv,
    isDevnet: networkEnv === 'devnet',
    roles,
    logLevel: dto.LOG_LEVEL ?? 'info',
    keyEncryptionKey,
    walletProviderName: dto.WALLET_PROVIDER_NAME ?? 'balansas',
    jwtTtlSeconds: dto.JWT_TTL_SECONDS ?? 900,
    hmacMaxSkewSeconds: dto.HMAC_MAX_SKEW_SECONDS ?? 300,
    migrationsRun: dto.MIGRATIONS_RUN ?? true,
    devBootstrap: dto.DEV_BOOTSTRAP ?? networkEnv === 'devnet',
    swaggerEnabled: dto.SWAGGER_ENABLED ?? true,
    jobsPollIntervalMs: dto.JOBS_POLL_INTERVAL_MS ?? 500,
    confirmations: perChain<number>('CONFIRMATIONS'),
    rpcUrls: perChain<string>('RPC_URL'),
    devnetNodes: [],
    devnetBlockTimeSeconds: dto.DEVNET_BLOCK_TIME_SECONDS ?? 2,
    amlDenylistPath: dto.AML_DENYLIST_PATH ? resolve(cwd, dto.AML_DENYLIST_PATH) : undefined,
    balanceSyncIntervalMs: dto.BALANCE_SYNC_INTERVAL_MS ?? 10_000,
    staleAfterSeconds: dto.STALE_AFTER_SECONDS ?? 60,
    feesCacheSeconds: dto.FEES_CACHE_SECONDS ?? 5,
    idempotencyLockTimeoutSeconds: dto.IDEMPOTENCY_LOCK_TIMEOUT_SECONDS ?? 90,
    idempotencyRetentionHours: dto.IDEMPOTENCY_RETENTION_HOURS ?? 72,
    faultInjection: dto.FAULT_INJECTION ?? false,
    benchRoutes: dto.BENCH_ROUTES ?? false,
    webhookTimeoutMs: dto.WEBHOOK_TIMEOUT_MS ?? 15_000,
    // 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: about three days in all (Standard Webhooks / Svix).
    webhookRetryScheduleSeconds: (dto.WEBHOOK_RETRY_SCHEDULE_SECONDS ?? '5,300,1800,7200,18000,36000,50400,72000,86400')
      .split(',')
      .map(Number),
    webhookAllowLoopback: dto.WEBHOOK_ALLOW_LOOPBACK ?? networkEnv === 'devnet',
    webhookRequireHttps: networkEnv !== 'devnet',
    webhookDisableAfterHours: dto.WEBHOOK_DISABLE_AFTER_HOURS ?? 72,
    webhookConcurrency: dto.WEBHOOK_CONCURRENCY ?? 16,
    webhookSecretOverlapHours: dto.WEBHOOK_SECRET_OVERLAP_HOURS ?? 24,
  });
}
