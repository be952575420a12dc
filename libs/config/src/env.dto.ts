import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const NETWORK_ENVS = ['devnet', 'testnet', 'mainnet'] as const;
export type NetworkEnv = (typeof NETWORK_ENVS)[number];
export const ROLE_NAMES = ['api', 'jobs'] as const;
export type Role = (typeof ROLE_NAMES)[number];
export const PRICE_SOURCES = ['chainlink', 'coingecko', 'none'] as const;
export type PriceSourceName = (typeof PRICE_SOURCES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};
const RPC_URL = /^(https?|wss?):\/\/\S+$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Every environment variable the service reads. It is validated once at boot (see `loadConfig`);
 * nothing else in the code base reads `process.env`.
 */
export class EnvDto {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** Bind address. A devnet binds loopback only unless DEVNET_ALLOW_PUBLIC=true. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  HOST?: string;

  /**
   * Lets a devnet bind a non-loopback HOST. Off by default: a devnet serves the sandbox routes (free funds, mining),
   * prints a development key with every scope and accepts loopback webhooks, none of which may face a network.
   */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DEVNET_ALLOW_PUBLIC?: boolean;

  /**
   * NETWORK_ENV must be set explicitly rather than default to devnet. The Docker image sets it, so that a container
   * started without NETWORK_ENV refuses to boot; `npm start` on a developer machine keeps the devnet default.
   */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  REQUIRE_NETWORK_ENV?: boolean;

  /**
   * Comma separated exact origins (`https://app.example.com`) that browsers may call the API from. Unset: no CORS
   * headers at all, so browsers on other origins cannot read responses.
   */
  @IsOptional()
  @Transform(trim)
  @IsString()
  CORS_ORIGINS?: string;

  /** postgres://user:pass@host:port/db. Absent: an embedded PostgreSQL server in DATA_DIR. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS?: boolean;

  @IsOptional()
  @Transform(trim)
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(trim)
  @IsIn(NETWORK_ENVS)
  NETWORK_ENV?: NetworkEnv;

  /** Comma separated subset of `api,jobs`. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^\s*(api|jobs)(\s*,\s*(api|jobs))*\s*$/, { message: 'must be a comma separated list of api, jobs' })
  ROLES?: string;

  @IsOptional()
  @Transform(trim)
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: LogLevel;

  /** 32 random bytes, base64 or hex. Encrypts the root seed and API/webhook secrets at rest. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^([A-Fa-f0-9]{64}|[A-Za-z0-9+/_-]{43}=?)$/, { message: 'must be 32 bytes as 64 hex characters or base64' })
  KEY_ENCRYPTION_KEY?: string;

  /** Public name returned as `provider` on every wallet. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'must be 1-40 characters of a-z, 0-9, _ and -' })
  WALLET_PROVIDER_NAME?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  HMAC_MAX_SKEW_SECONDS?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN?: boolean;

  /** Create the development organization and key on first boot (devnet only). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DEV_BOOTSTRAP?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SWAGGER_ENABLED?: boolean;

  /** Base poll interval of the work-queue jobs (provisioning, scanning, delivery), in milliseconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(20)
  @Max(60_000)
  JOBS_POLL_INTERVAL_MS?: number;

  /** Requests per second an API key may make (a token bucket shared by every replica); 0 turns rate limiting off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_SECOND?: number;

  /** The key's bucket size: requests it may make at once after a quiet time (default twice the rate). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000) RATE_LIMIT_BURST?: number;

  /** Requests per second all keys of an organization may make together (default five times the key rate). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000_000) RATE_LIMIT_ORG_PER_SECOND?: number;

  /** The organization's bucket size (default twice its rate). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000_000) RATE_LIMIT_ORG_BURST?: number;

  /** Seconds a withdrawal waiting for funds is parked before the signer looks at it again. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  WITHDRAWAL_RECHECK_SECONDS?: number;

  /** Seconds a deposit the sweeper skipped (dust, no gas for a top-up) waits before it is looked at again. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(604_800)
  SWEEP_RETRY_SECONDS?: number;

  /**
   * Per asset, the smallest balance of a deposit address worth sweeping, in the asset's units: `ETH:0.01,USDC:5`.
   * Below it the deposits stay on their address (and count as the wallet's all the same).
   */
  @IsOptional()
  @Transform(trim)
  @Matches(/^([A-Za-z0-9]{2,12}:(0|[1-9]\d{0,29})(\.\d{1,36})?)(,[A-Za-z0-9]{2,12}:(0|[1-9]\d{0,29})(\.\d{1,36})?)*$/, {
    message: 'must be a comma list of ASSET:amount, e.g. ETH:0.01,USDC:5',
  })
  SWEEP_MINIMUMS?: string;

  /** Confirmations required before a deposit is final, per chain (defaults in libs/chains registry). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) CONFIRMATIONS_ETHEREUM?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) CONFIRMATIONS_POLYGON?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) CONFIRMATIONS_BASE?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) CONFIRMATIONS_BSC?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) CONFIRMATIONS_TRON?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) CONFIRMATIONS_BITCOIN?: number;

  /** JSON-RPC URL per EVM chain. On devnet, unset means: start an embedded node. */
  @IsOptional()
  @Transform(trim)
  @Matches(RPC_URL, { message: 'must be an http(s):// or ws(s):// URL' })
  RPC_URL_ETHEREUM?: string;
  @IsOptional()
  @Transform(trim)
  @Matches(RPC_URL, { message: 'must be an http(s):// or ws(s):// URL' })
  RPC_URL_POLYGON?: string;
  @IsOptional()
  @Transform(trim)
  @Matches(RPC_URL, { message: 'must be an http(s):// or ws(s):// URL' })
  RPC_URL_BASE?: string;
  @IsOptional()
  @Transform(trim)
  @Matches(RPC_URL, { message: 'must be an http(s):// or ws(s):// URL' })
  RPC_URL_BSC?: string;
  /**
   * Bitcoin Core JSON-RPC, credentials in the URL (`http://user:password@host:8332`); Core needs `txindex=1`. On
   * devnet, unset means: start an embedded bcoin regtest node.
   */
  @IsOptional()
  @Transform(trim)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  RPC_URL_BITCOIN?: string;

  /** Devnet block interval in seconds; 0 mines a block per transaction only (and on POST /v1/sandbox/mine). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  DEVNET_BLOCK_TIME_SECONDS?: number;

  /** File of denylisted sender addresses for AML screening (one per line, `#` comments). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  AML_DENYLIST_PATH?: string;

  /** How often master wallet on-chain balances are refreshed, in milliseconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  BALANCE_SYNC_INTERVAL_MS?: number;

  /** An Idempotency-Key whose first request has not finished after this long may be taken over, in seconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  IDEMPOTENCY_LOCK_TIMEOUT_SECONDS?: number;

  /** Idempotency keys are kept at least this long, then reaped, in hours (>= 24). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(24 * 365)
  IDEMPOTENCY_RETENTION_HOURS?: number;

  /** Benchmarks only (devnet): mounts GET /bench/constant and GET /bench/select, the stack's own ceiling. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  BENCH_ROUTES?: boolean;

  /** Tests only (devnet): lets tests arm named fault points that abort an operation as a crash would. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  FAULT_INJECTION?: boolean;

  /** A webhook attempt without a 2xx within this many milliseconds is a timeout. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  WEBHOOK_TIMEOUT_MS?: number;

  /** Seconds between webhook attempts, comma separated; after the last one a delivery is `failed`. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^\d+(,\d+)*$/, { message: 'must be a comma separated list of seconds' })
  WEBHOOK_RETRY_SCHEDULE_SECONDS?: string;

  /**
   * Allow webhook endpoints on loopback addresses (default: only on devnet). Metadata and private ranges stay refused.
   */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_LOOPBACK?: boolean;

  /** An endpoint whose deliveries all failed for this many hours is disabled (and the owner told on the event feed). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  WEBHOOK_DISABLE_AFTER_HOURS?: number;

  /** Concurrent webhook requests per process. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WEBHOOK_CONCURRENCY?: number;

  /** How long the previous secret keeps signing after a rotation, in hours. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  WEBHOOK_SECRET_OVERLAP_HOURS?: number;

  /**
   * How long GET /v1/fees reuses a network's (and asset's) fee levels before asking the node again, in seconds; 0
   * asks on every request.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  FEES_CACHE_SECONDS?: number;

  /** Serve Prometheus metrics on their own port (METRICS_HOST:METRICS_PORT); false turns /metrics off. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  METRICS_ENABLED?: boolean;

  /** The metrics listener's port, never the API's; 0 picks a free port (tests). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** The metrics listener's bind address (default loopback). Any other address requires METRICS_TOKEN. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  METRICS_HOST?: string;

  /** When set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (at least 32 characters). */
  @IsOptional()
  @Transform(trim)
  @Matches(/^[\x21-\x7e]{32,256}$/, { message: 'must be 32-256 printable characters without spaces' })
  METRICS_TOKEN?: string;

  /** How often the jobs role checks the ledger invariants for the metrics, in seconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LEDGER_CHECK_INTERVAL_SECONDS?: number;

  /** A network whose last successful sync is older than this is reported `is_stale`, in seconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  STALE_AFTER_SECONDS?: number;

  /**
   * Where USD prices come from: `chainlink` (the Chainlink feeds of the network registry, read through
   * RPC_URL_ETHEREUM; the devnet's own feeds on devnet), `coingecko` (PRICE_API_URL) or `none`.
   */
  @IsOptional()
  @Transform(trim)
  @IsIn(PRICE_SOURCES)
  PRICE_SOURCE?: PriceSourceName;

  /** Base URL of a CoinGecko-compatible price API (`/simple/price` is appended). */
  @IsOptional()
  @Transform(trim)
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  PRICE_API_URL?: string;

  /** CoinGecko API key: sent as `x-cg-pro-api-key` to pro-api.coingecko.com, else as `x-cg-demo-api-key`. */
  @IsOptional()
  @Transform(trim)
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'must be 1-200 printable characters' })
  PRICE_API_KEY?: string;

  /** How often prices are fetched from the source, in seconds. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  PRICE_REFRESH_SECONDS?: number;

  /**
   * A price not refreshed for this long is stale (shown as null with `usd_stale: true`); also the oldest price time a
   * source without its own heartbeat (the HTTP API) may report. Chainlink rounds are held to their feed's heartbeat.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7 * 86_400)
  PRICE_STALE_SECONDS?: number;
}

/** The chains that per-chain variables (CONFIRMATIONS_<CHAIN>, RPC_URL_<CHAIN>) exist for. */
export const PER_CHAIN = ['ethereum', 'polygon', 'base', 'bsc', 'tron', 'bitcoin'] as const;
