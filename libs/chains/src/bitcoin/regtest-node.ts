import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { commandLine, isRunning, ProcessIdentity, processIdentity, stopProcess } from '@app/common';
import { BitcoinRpc } from './bitcoin-rpc';

export interface RegtestNodeOptions {
  /** The node's chain and its info file live here (DATA_DIR/devnet/bitcoin). */
  dir: string;
  /** 0: blocks only on request (`POST /v1/sandbox/mine`, and after each sandbox deposit). */
  blockTimeSeconds: number;
  /** Where the node's timed blocks pay (the devnet faucet). */
  minerAddress: string;
  log?: (line: string) => void;
}

export interface RegtestNode {
  /** JSON-RPC URL with its credentials (`http://wallets:<key>@127.0.0.1:<port>`). */
  url: string;
  /** True when this process started the node (and stops it on shutdown). */
  owned: boolean;
  stop(): Promise<void>;
}

/** True when bcoin (an optional dependency: its native build needs a compiler) is installed. */
export function bcoinAvailable(): boolean {
  try {
    require.resolve('bcoin');
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const info = await new BitcoinRpc(url).call<{ chain: string }>('getblockchaininfo', [], 1500);
    return info.chain === 'regtest';
  } catch {
    return false;
  }
}

function spawnNode(options: RegtestNodeOptions, port: number, apiKey: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'bcoin-node.cjs')], {
    env: {
      PATH: process.env.PATH,
      NODE_BACKEND: 'js', // bcoin's pure-JavaScript crypto: nothing native to load at run time
      BCOIN_NODE_OPTIONS: JSON.stringify({
        prefix: join(options.dir, 'chain'),
        port,
        apiKey,
        blockTimeSeconds: options.blockTimeSeconds,
        minerAddress: options.minerAddress,
      }),
    },
    // stdin stays open while this process lives: the node exits when it closes.
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise<ChildProcess>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`bcoin did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/listening on/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run bcoin: ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bcoin exited with ${code}:\n${output}`));
    });
  });
}

/**
 * A node whose parent was killed closes its database as soon as it notices: until then its LevelDB lock is held, so
 * a restart right after a crash waits for it (up to 10 s).
 */
async function spawnNodeWhenUnlocked(options: RegtestNodeOptions, port: number, apiKey: string): Promise<ChildProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnNode(options, port, apiKey);
    } catch (e) {
      if (attempt >= 20 || !(e instanceof Error) || !/LOCK|lock/.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Starts a real Bitcoin node (bcoin, regtest) in a child process on a free loopback port, or reuses the one another
 * process of this deployment started (a replica, the CLI). Its chain survives restarts in `dir`.
 */
export async function startRegtestNode(options: RegtestNodeOptions): Promise<RegtestNode> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const infoPath = join(options.dir, 'node.json');
  if (existsSync(infoPath)) {
    const info = JSON.parse(readFileSync(infoPath, 'utf8')) as {
      url: string;
      node?: ProcessIdentity;
      owner?: ProcessIdentity;
    };
    if (info.node && info.owner && !isRunning(info.owner)) {
      // Its owner was killed: the node is closing its database and exiting (its stdin closed). Wait for that rather
      // than use a node about to go; one that does not exit is stopped.
      const node = info.node;
      const until = Date.now() + 15_000;
      while (isRunning(node) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      if (isRunning(node) && commandLine(node.pid)?.includes('bcoin-node')) await stopProcess(node, 'SIGTERM', 5000);
    } else if (await answers(info.url)) return { url: info.url, owned: false, stop: () => Promise.resolve() };
  }
  if (!bcoinAvailable()) throw new Error('bcoin is not installed (an optional dependency; see the README)');
  const port = await freePort();
  const apiKey = randomBytes(24).toString('hex');
  const url = `http://wallets:${apiKey}@127.0.0.1:${port}`;
  const child = await spawnNodeWhenUnlocked(options, port, apiKey);
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').on('data', (c: Buffer) => options.log?.(c.toString('utf8').trim()));
  child.removeAllListeners('exit');
  // The info file holds the node's credentials: readable by this user only.
  writeFileSync(
    infoPath,
    JSON.stringify({ url, pid: child.pid, node: processIdentity(child.pid), owner: processIdentity() }),
    { mode: 0o600 },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    owned: true,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
    },
  };
}
