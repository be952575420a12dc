import { DynamicModule, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { createTestDatabase, Credentials, databaseUrl, HttpClient } from '@app/testing';
import { createApp } from '../../apps/api/src/bootstrap';
import { OrganizationsService } from '../../apps/api/src/organizations/organizations.service';
import { prepareRuntime } from '../../apps/api/src/runtime';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  database: string;
  baseUrl: string;
  http: HttpClient;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Reuse a database (restart tests, replicas); default a fresh one. */
  database?: string;
  /** Reuse a data dir (restart tests: the devnet chain state lives there); default a fresh one. */
  dataDir?: string;
  imports?: Array<Type | DynamicModule>;
}

/** Boots the real app (real HTTP stack, real PostgreSQL) on a free port. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    // Replicas of one deployment share its key-encryption key: derive it from the database they share.
    KEY_ENCRYPTION_KEY: createHash('sha256').update(`test-kek:${database}`).digest('hex'),
    NETWORK_ENV: 'devnet',
    DATABASE_URL: databaseUrl(database),
    DATA_DIR: options.dataDir ?? mkdtempSync(join(tmpdir(), 'wallets-app-')),
    DEV_BOOTSTRAP: 'false',
    // Blocks are mined per transaction and on POST /v1/sandbox/mine: tests decide when confirmations happen.
    DEVNET_BLOCK_TIME_SECONDS: '0',
    LOG_LEVEL: 'info',
    DATABASE_POOL_SIZE: '5',
    // Rate limits are tested on their own (rate-limits.e2e-spec.ts); elsewhere they stay out of the way.
    RATE_LIMIT_PER_SECOND: '1000000',
    // Every app of a test process serves its metrics on a port of its own.
    METRICS_PORT: '0',
    ...options.env,
  });
  const runtime = await prepareRuntime(config, () => undefined);
  const logs: Array<Record<string, unknown>> = [];
  const logStream = new PassThrough();
  let buffered = '';
  logStream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ raw: line });
      }
    }
  });
  let app: NestExpressApplication;
  try {
    app = await createApp(runtime.config, { imports: options.imports, logStream });
  } catch (e) {
    await runtime.stop();
    throw e;
  }
  try {
    await app.listen(0, '127.0.0.1');
  } catch (e) {
    await app.close().catch(() => undefined);
    await runtime.stop();
    throw e;
  }
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config: runtime.config,
    database,
    baseUrl,
    http: new HttpClient(baseUrl),
    logs,
    dataSource: app.get(DataSource),
    close: async () => {
      try {
        await app.close();
      } finally {
        await runtime.stop();
      }
    },
  };
}

export interface OrgOptions {
  walletsEnabled?: boolean;
  scopes?: string[];
  name?: string;
}

/** A fresh organization and API key for one test: tests never share tenants, so none needs a wiped database. */
export async function createOrganization(t: TestApp, options: OrgOptions = {}): Promise<Credentials> {
  const orgs = t.app.get(OrganizationsService);
  const org = await orgs.create(options.name ?? `Test org ${Date.now()}`, options.walletsEnabled ?? true);
  const key = await orgs.createKey(org.id, { scopes: options.scopes });
  return { organizationId: org.id, apiKeyId: key.api_key_id, apiSecret: key.api_secret };
}
