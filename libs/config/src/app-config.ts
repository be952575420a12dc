import { NetworkEnv, LogLevel, PriceSourceName, Role } from './env.dto';

/** The typed, validated configuration. Built once by `loadConfig`, injected everywhere by class token. */
export class AppConfig {
  readonly port!: number;
  readonly host!: string;
  /** Exact origins allowed by CORS; empty: CORS is off (no CORS headers). */
  readonly corsOrigins!: readonly string[];
  /** Absent when the embedded PostgreSQL server is used; `DatabaseConnection` resolves the URL at boot. */
  readonly databaseUrl?: string;
  readonly databasePoolSize!: number;
  /** Hot statements run as named prepared statements (off for a pooler in transaction mode). */
  readonly databasePreparedStatements!: boolean;
  /** Absolute path. */
  readonly dataDir!: string;
  readonly networkEnv!: NetworkEnv;
  readonly roles!: ReadonlySet<Role>;
  readonly logLevel!: LogLevel;
  /** Raw 32-byte key-encryption key; absent only in devnet, where it is generated into DATA_DIR. */
  readonly keyEncryptionKey?: Buffer;
  readonly walletProviderName!: string;
  readonly jwtTtlSeconds!: number;
  readonly hmacMaxSkewSeconds!: number;
  readonly migrationsRun!: boolean;
  readonly devBootstrap!: boolean;
  readonly swaggerEnabled!: boolean;

  readonly isDevnet!: boolean;
  readonly jobsPollIntervalMs!: number;
  /** Token buckets per API key and per organization (requests per second, bucket sizes); null: no limit. */
  readonly rateLimit!: {
    perSecond: number;
    burst: number;
    organizationPerSecond: number;
    organizationBurst: number;
  } | null;
  /** Seconds a withdrawal waiting for funds is parked before the signer looks at it again. */
  readonly withdrawalRecheckSeconds!: number;
  /** Seconds a skipped sweep (dust, no gas for a top-up) waits before it is looked at again. */
  readonly sweepRetrySeconds!: number;
  /** Per asset symbol, the smallest balance worth sweeping, as a decimal string in the asset's units. */
  readonly sweepMinimums!: Readonly<Record<string, string>>;
  /** Confirmation overrides by chain name. */
  readonly confirmations!: Readonly<Record<string, number>>;
  /** JSON-RPC URLs by chain name (on devnet, the embedded nodes' URLs are filled in at boot). */
  readonly rpcUrls!: Readonly<Record<string, string>>;
  /** Chains whose node this process started on devnet (their URL is shown in GET /v1/networks). */
  readonly devnetNodes!: readonly string[];
  readonly devnetBlockTimeSeconds!: number;
  readonly amlDenylistPath?: string;
  readonly balanceSyncIntervalMs!: number;
  readonly staleAfterSeconds!: number;
  readonly feesCacheSeconds!: number;
  readonly idempotencyLockTimeoutSeconds!: number;
  readonly idempotencyRetentionHours!: number;
  readonly faultInjection!: boolean;
  readonly benchRoutes!: boolean;
  readonly webhookTimeoutMs!: number;
  readonly webhookRetryScheduleSeconds!: readonly number[];
  readonly webhookAllowLoopback!: boolean;
  readonly webhookRequireHttps!: boolean;
  readonly webhookDisableAfterHours!: number;
  readonly webhookConcurrency!: number;
  readonly webhookSecretOverlapHours!: number;
  readonly priceSource!: PriceSourceName;
  readonly priceApiUrl!: string;
  /** Never logged. */
  readonly priceApiKey?: string;
  readonly priceRefreshSeconds!: number;
  readonly priceStaleSeconds!: number;

  /** The Prometheus listener (its own port, loopback by default); null: no /metrics. */
  readonly metrics!: { host: string; port: number; token: string | null } | null;
  /** Seconds between the periodic ledger invariant checks (jobs role). */
  readonly ledgerCheckIntervalSeconds!: number;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}
