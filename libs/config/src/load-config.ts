import { resolve } from 'node:path';
import * as ipaddr from 'ipaddr.js';
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

/** `localhost`, 127.0.0.0/8, ::1 and their IPv4-mapped forms: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
}

/** `https://app.example.com, http://localhost:5173` -> exact origins, as browsers send them in `Origin`. */
function parseOrigins(value: string): string[] {
  return value.split(',').map((item) => {
    const origin = item.trim();
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin)
      throw new ConfigError([
        `CORS_ORIGINS: ${JSON.stringify(origin)} is not an exact origin (scheme://host[:port] in lower case, no path, ` +
          'no trailing slash, no wildcard), e.g. https://app.example.com',
      ]);
    return origin;
  });
}

type Env = Record<string, string | undefined>;

/**
 * Validates the environment once. A bad value throws a `ConfigError` naming the variable;
 * `main.ts` prints it and exits non-zero.
 */
/**
 * A token deposit below these is not swept by default: its gas top-up and sweep would cost more than it moves. Native
 * coins are measured against the sweep's own gas instead.
 */
const DEFAULT_SWEEP_MINIMUMS = 'USDC:1,USDT:1';

export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  // Empty strings mean "unset": `FOO= npm start` must not fail validation.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const dto = plainToInstance(EnvDto, present);
  const errors = validateSync(dto, { whitelist: false, forbidUnknownValues: false });
  if (errors.length) throw new ConfigError(describe(errors));

  if (dto.REQUIRE_NETWORK_ENV && !dto.NETWORK_ENV) {
    throw new ConfigError([
      'NETWORK_ENV: required here (REQUIRE_NETWORK_ENV=true, which the Docker image sets): choose devnet, testnet or ' +
        'mainnet explicitly, so that a deployment never becomes a devnet by omission',
    ]);
  }
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
  if (dto.DEVNET_ALLOW_PUBLIC && networkEnv !== 'devnet') {
    throw new ConfigError([`DEVNET_ALLOW_PUBLIC: only allowed when NETWORK_ENV=devnet`]);
  }
  const host = dto.HOST ?? (networkEnv === 'devnet' ? '127.0.0.1' : '0.0.0.0');
  if (networkEnv === 'devnet' && !isLoopbackHost(host) && !dto.DEVNET_ALLOW_PUBLIC) {
    throw new ConfigError([
      `HOST: ${host} is not a loopback address, and a devnet must not be reachable from other machines: it serves ` +
        'the sandbox routes (free funds, mining on demand), prints a development API key with every scope and ' +
        'accepts webhooks to loopback addresses. Use HOST=127.0.0.1 (the devnet default), set NETWORK_ENV=testnet ' +
        'or mainnet for a real deployment, or set DEVNET_ALLOW_PUBLIC=true to expose this devnet on purpose',
    ]);
  }

  const metricsHost = dto.METRICS_HOST ?? '127.0.0.1';
  if (dto.METRICS_ENABLED !== false && !isLoopbackHost(metricsHost) && !dto.METRICS_TOKEN) {
    throw new ConfigError([
      `METRICS_TOKEN: required when METRICS_HOST (${metricsHost}) is not a loopback address: the metrics show ` +
        'business volume and queue states; set a token (Prometheus: `authorization: { credentials: ... }`) or keep ' +
        'METRICS_HOST=127.0.0.1',
    ]);
  }
  if (dto.METRICS_ENABLED !== false && dto.METRICS_PORT !== undefined && dto.METRICS_PORT !== 0) {
    if (dto.METRICS_PORT === (dto.PORT ?? 3000))
      throw new ConfigError([
        `METRICS_PORT: must differ from PORT (${dto.METRICS_PORT}): metrics stay off the API port`,
      ]);
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
    host,
    corsOrigins: dto.CORS_ORIGINS ? parseOrigins(dto.CORS_ORIGINS) : [],
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
    rateLimit: rateLimitOf(dto),
    withdrawalRecheckSeconds: dto.WITHDRAWAL_RECHECK_SECONDS ?? 30,
    sweepRetrySeconds: dto.SWEEP_RETRY_SECONDS ?? 600,
    sweepMinimums: Object.fromEntries(
      (dto.SWEEP_MINIMUMS ?? DEFAULT_SWEEP_MINIMUMS)
        .split(',')
        .filter(Boolean)
        .map((pair) => [pair.split(':')[0].toUpperCase(), pair.split(':')[1]]),
    ),
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
    metrics:
      dto.METRICS_ENABLED === false
        ? null
        : { host: metricsHost, port: dto.METRICS_PORT ?? 9464, token: dto.METRICS_TOKEN ?? null },
    ledgerCheckIntervalSeconds: dto.LEDGER_CHECK_INTERVAL_SECONDS ?? 300,
    priceSource: dto.PRICE_SOURCE ?? 'chainlink',
    priceApiUrl: (dto.PRICE_API_URL ?? 'https://api.coingecko.com/api/v3').replace(/\/+$/, ''),
    priceApiKey: dto.PRICE_API_KEY,
    priceRefreshSeconds: dto.PRICE_REFRESH_SECONDS ?? 60,
    priceStaleSeconds: dto.PRICE_STALE_SECONDS ?? 3600,
  });
}

/** Per key and per organization; null when `RATE_LIMIT_PER_SECOND=0`. */
function rateLimitOf(dto: EnvDto): AppConfig['rateLimit'] {
  const perSecond = dto.RATE_LIMIT_PER_SECOND ?? 100;
  if (perSecond === 0) return null;
  const organizationPerSecond = dto.RATE_LIMIT_ORG_PER_SECOND ?? perSecond * 5;
  return {
    perSecond,
    burst: dto.RATE_LIMIT_BURST ?? perSecond * 2,
    organizationPerSecond,
    organizationBurst: dto.RATE_LIMIT_ORG_BURST ?? organizationPerSecond * 2,
  };
}
