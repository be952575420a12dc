import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AuthModule, SCOPES } from '@app/auth';
import { CommonModule, DomainError, ErrorCode } from '@app/common';
import { AppConfig, ConfigError, ConfigModule, loadConfig } from '@app/config';
import { DbModule } from '@app/db';
import { OrganizationsService, toOrganizationView } from './organizations/organizations.service';
import { prepareRuntime } from './runtime';

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), CommonModule, DbModule.forRoot(), AuthModule],
      providers: [OrganizationsService],
    };
  }
}

const USAGE = `Operator CLI (prints JSON). Usage: npm run -s cli -- <command> [options]
  org:create --name <name> [--wallets-enabled]
  org:list
  org:enable-wallets --org <organization id> [--disable]
  key:create --org <organization id> [--scopes ${SCOPES.join(',')}] [--name <label>]
  key:revoke --key <api key id>`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || !value) throw new DomainError(ErrorCode.InvalidRequest, `--${name} is required`);
  return value;
}

async function run(orgs: OrganizationsService, command: string, options: Options): Promise<unknown> {
  switch (command) {
    case 'org:create':
      return toOrganizationView(await orgs.create(required(options, 'name'), options['wallets-enabled'] === true));
    case 'org:list':
      return (await orgs.list()).map(toOrganizationView);
    case 'org:enable-wallets':
      return toOrganizationView(await orgs.setWalletsEnabled(required(options, 'org'), options.disable !== true));
    case 'key:create': {
      const scopes = typeof options.scopes === 'string' ? options.scopes.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
      return orgs.createKey(required(options, 'org'), { scopes, name: typeof options.name === 'string' ? options.name : undefined });
    }
    case 'key:revoke': {
      const key = required(options, 'key');
      if (!(await orgs.revokeKey(key))) throw DomainError.notFound('Active API key');
      return { api_key_id: key, revoked: true };
    }
    default:
      throw new DomainError(ErrorCode.InvalidRequest, `Unknown command ${command || '(none)'}\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      org: { type: 'string' },
      key: { type: 'string' },
      scopes: { type: 'string' },
      'wallets-enabled': { type: 'boolean' },
      disable: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig({ ...process.env, ROLES: 'api', DEV_BOOTSTRAP: 'false', LOG_LEVEL: 'warn' });
  const runtime = await prepareRuntime(config, (m) => process.stderr.write(`${m}\n`));
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(runtime.config), { logger: ['error', 'warn'] });
  try {
    const result = await run(app.get(OrganizationsService), positionals[0], values);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(`${JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }, null, 2)}\n`);
    return 2;
  } finally {
    await app.close();
    await runtime.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
