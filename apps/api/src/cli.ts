import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { generateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { parseArgs } from 'node:util';
import { AuthModule, SCOPES } from '@app/auth';
import { ChainsModule, KeyringService } from '@app/chains';
import { CommonModule, DomainError, ErrorCode, redactUrls } from '@app/common';
import { AppConfig, ConfigError, ConfigModule, loadConfig } from '@app/config';
import { DbModule, LEDGER_INVARIANTS, LedgerRepository, RateLimitsRepository } from '@app/db';
import { OrganizationsService, toOrganizationView } from './organizations/organizations.service';
import { prepareRuntime } from './runtime';

@Module({})
class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        ScheduleModule.forRoot(),
        CommonModule,
        DbModule.forRoot(),
        AuthModule,
        ChainsModule.forRoot({ requireSeed: false }),
      ],
      providers: [OrganizationsService],
    };
  }
}

const USAGE = `Operator CLI (prints JSON). Usage: npm run -s cli -- <command> [options]
  org:create --name <name> [--wallets-enabled]
  org:list
  org:enable-wallets --org <organization id> [--disable]
  key:create --org <organization id> [--scopes <list>] [--name <label>]
                                    scopes: ${SCOPES.join(',')}; default all but write:adjustments
  key:revoke --key <api key id>
  key:rate-limit --key <api key id> (--per-second <n> [--burst <n>] | --default)
                                    the key's own rate limit (burst: twice the rate unless given), or the default again
  ledger:check                      run the ledger invariants (LED-1..7); exit code 3 when one is broken
  keyring:status
  keyring:init [--mnemonic-stdin]   create the deployment's root seed (prints the mnemonic once), or import one`;

type Options = Record<string, string | boolean | undefined>;

function required(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || !value) throw new DomainError(ErrorCode.InvalidRequest, `--${name} is required`);
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim().split(/\s+/).join(' ');
}

async function run(app: INestApplicationContext, command: string, options: Options): Promise<unknown> {
  const orgs = app.get(OrganizationsService);
  const keyring = app.get(KeyringService);
  switch (command) {
    case 'ledger:check': {
      const violations = await app.get(LedgerRepository).violations();
      if (Object.keys(violations).length)
        throw new DomainError(ErrorCode.ServerError, 'Ledger invariants broken', { violations });
      return { ok: true, checked: Object.keys(LEDGER_INVARIANTS) };
    }
    case 'keyring:status':
      return { initialised: keyring.initialised, fingerprint: (await keyring.fingerprint()) ?? null };
    case 'keyring:init': {
      const existing = await keyring.fingerprint();
      if (existing) throw new DomainError(ErrorCode.Conflict, `The root seed already exists (fingerprint ${existing})`);
      const imported = options['mnemonic-stdin'] === true;
      const mnemonic = imported ? await readStdin() : generateMnemonic(wordlist, 256);
      const stored = await keyring.initialise(mnemonic).catch((e: Error) => {
        throw new DomainError(ErrorCode.InvalidRequest, e.message);
      });
      return {
        fingerprint: stored.fingerprint,
        ...(imported
          ? {}
          : {
              mnemonic,
              warning:
                'Write the mnemonic down offline now. It is shown once; it and the KEY_ENCRYPTION_KEY are the keys to all funds.',
            }),
      };
    }
    case 'org:create':
      return toOrganizationView(await orgs.create(required(options, 'name'), options['wallets-enabled'] === true));
    case 'org:list':
      return (await orgs.list()).map(toOrganizationView);
    case 'org:enable-wallets':
      return toOrganizationView(await orgs.setWalletsEnabled(required(options, 'org'), options.disable !== true));
    case 'key:create': {
      const scopes =
        typeof options.scopes === 'string'
          ? options.scopes
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : undefined;
      return orgs.createKey(required(options, 'org'), {
        scopes,
        name: typeof options.name === 'string' ? options.name : undefined,
      });
    }
    case 'key:rate-limit': {
      const key = required(options, 'key');
      const count = (name: string) => {
        const value = options[name];
        if (value === undefined) return null;
        if (typeof value !== 'string' || !/^[1-9]\d{0,8}$/.test(value))
          throw new DomainError(ErrorCode.InvalidRequest, `--${name} must be a positive integer`);
        return Number(value);
      };
      const perSecond = options.default === true ? null : count('per-second');
      if (perSecond === null && options.default !== true)
        throw new DomainError(ErrorCode.InvalidRequest, '--per-second <n> or --default is required');
      const burst = perSecond === null ? null : count('burst');
      if (!(await app.get(RateLimitsRepository).setKeyLimit(key, perSecond, burst)))
        throw DomainError.notFound('API key');
      return {
        api_key_id: key,
        rate_limit_per_second: perSecond,
        rate_limit_burst: burst ?? (perSecond && perSecond * 2),
      };
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
      'mnemonic-stdin': { type: 'boolean' },
      'per-second': { type: 'string' },
      burst: { type: 'string' },
      default: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig({ ...process.env, ROLES: 'api', DEV_BOOTSTRAP: 'false', LOG_LEVEL: 'warn' });
  // The CLI needs the database only: no devnet nodes, and stderr is kept for the error envelope.
  const runtime = await prepareRuntime(config, () => undefined, { chains: false });
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(runtime.config), {
    logger: ['error', 'warn'],
  });
  try {
    const result = await run(app, positionals[0], values);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    process.stderr.write(
      `${JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }, null, 2)}\n`,
    );
    return e.code === ErrorCode.ServerError ? 3 : 2;
  } finally {
    await app.close();
    await runtime.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    // A node's error quotes its RPC URL (a provider key, credentials): the URLs are redacted.
    process.stderr.write(
      `${e instanceof ConfigError ? e.message : redactUrls(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`,
    );
    process.exit(1);
  },
);
