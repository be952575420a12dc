import { join } from 'node:path';
import {
  bcoinAvailable,
  CHAINS,
  DEVNET_ACCOUNTS,
  devnetBitcoinKey,
  startDevnetNode,
  startRegtestNode,
} from '@app/chains';
import { AppConfig } from '@app/config';
import { loadOrCreateDevnetKek } from '@app/common';
import { ensureEmbeddedPostgres } from '@app/db';

/** The chains the embedded devnet runs a node for. */
export const DEVNET_NODE_CHAINS = ['ethereum', 'polygon'] as const;

export interface Runtime {
  /** The configuration with the database URL and key-encryption key resolved. */
  config: AppConfig;
  stop(): Promise<void>;
}

/**
 * What must exist before the Nest application is built: the key-encryption key (generated into DATA_DIR on
 * devnet) and a database (the embedded PostgreSQL server when DATABASE_URL is not set).
 */
export async function prepareRuntime(
  config: AppConfig,
  log: (message: string) => void,
  options: { chains?: boolean } = {},
): Promise<Runtime> {
  const keyEncryptionKey = config.keyEncryptionKey ?? loadOrCreateDevnetKek(config.dataDir);
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    // The server's own output is kept and shown only if it fails to start.
    const output: string[] = [];
    const pg = await ensureEmbeddedPostgres(config.dataDir, (m) => output.push(m)).catch((e: unknown) => {
      log(`embedded PostgreSQL failed to start:\n${output.slice(-40).join('\n')}`);
      throw e;
    });
    databaseUrl = pg.url;
    if (pg.owned) stops.push(() => pg.stop());
    log(
      pg.adopted
        ? 'embedded PostgreSQL left running by a killed process; adopted (stopped with this one)'
        : pg.owned
          ? 'embedded PostgreSQL started'
          : 'embedded PostgreSQL already running; reusing it',
    );
  }
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  const rpcUrls: Record<string, string> = { ...config.rpcUrls };
  const devnetNodes: string[] = [];
  if (config.isDevnet && options.chains !== false)
    try {
      // A real EVM node per devnet chain without an RPC URL; its chain lives in DATA_DIR/devnet across restarts.
      for (const chain of DEVNET_NODE_CHAINS) {
        if (rpcUrls[chain]) continue;
        const node = await startDevnetNode({
          chainId: CHAINS[chain].networks.devnet!.chainId!,
          blockTimeSeconds: config.devnetBlockTimeSeconds,
          statePath: join(config.dataDir, 'devnet', `${chain}-state.json`),
          infoPath: join(config.dataDir, 'devnet', `${chain}.json`),
        });
        rpcUrls[chain] = node.url;
        devnetNodes.push(chain);
        if (node.owned) stops.push(() => node.stop());
        const how = node.adopted
          ? 'left running by a killed process; adopted'
          : node.owned
            ? 'started'
            : 'already running; reusing it';
        log(`devnet ${chain} node ${how} at ${node.url}`);
      }
      if (!rpcUrls.bitcoin) {
        if (bcoinAvailable()) {
          // A real Bitcoin node (bcoin, regtest); its chain lives in DATA_DIR/devnet/bitcoin across restarts.
          const params = CHAINS.bitcoin.networks.devnet!.bitcoin!;
          const node = await startRegtestNode({
            dir: join(config.dataDir, 'devnet', 'bitcoin'),
            blockTimeSeconds: config.devnetBlockTimeSeconds,
            minerAddress: devnetBitcoinKey(DEVNET_ACCOUNTS.faucet, params).address,
          });
          rpcUrls.bitcoin = node.url;
          devnetNodes.push('bitcoin');
          if (node.owned) stops.push(() => node.stop());
          log(`devnet bitcoin node ${node.owned ? 'started' : 'already running; reusing it'}`);
        } else {
          log('bcoin is not installed: bitcoin runs without a node (addresses derive, nothing is scanned)');
        }
      }
    } catch (e) {
      await stopAll();
      throw e;
    }
  return {
    config: new AppConfig({ ...config, keyEncryptionKey, databaseUrl, rpcUrls, devnetNodes }),
    stop: stopAll,
  };
}
