import { ChildProcess, spawn } from 'node:child_process';
import { mnemonicToAccount } from 'viem/accounts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commandLine, isRunning, ProcessIdentity, processIdentity, stopProcess } from '@app/common';

/** anvil's well-known development mnemonic: devnet accounts only, never for custody (that is the root seed). */
export const DEVNET_MNEMONIC = 'test test test test test test test test test test test junk';
/**
 * Account indexes of the devnet mnemonic: 0 deploys the test tokens, 1 is the faucet, 2 deploys and moves the price
 * feeds, 9 is a denylisted sender.
 */
export const DEVNET_ACCOUNTS = { deployer: 0, faucet: 1, oracle: 2, denylisted: 9 } as const;

const devnetAddresses = new Map<number, `0x${string}`>();

/**
 * The address of a devnet development account (same on every devnet chain; memoized: the BIP39 seed stretch costs
 * milliseconds).
 */
export function devnetAddress(index: number): `0x${string}` {
  let address = devnetAddresses.get(index);
  if (!address) {
    address = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index }).address;
    devnetAddresses.set(index, address);
  }
  return address;
}

export interface DevnetNodeOptions {
  chainId: number;
  /** 0: mine a block per transaction only. */
  blockTimeSeconds: number;
  /** Keep the chain across restarts in this file (anvil dumps it on exit and every few seconds). */
  statePath?: string;
  /** Where to remember the running node, so a second process (replica, CLI) reuses it. */
  infoPath?: string;
  log?: (line: string) => void;
}

export interface DevnetNode {
  url: string;
  chainId: number;
  /** True when this process stops the node on shutdown: it started it, or adopted it from a killed owner. */
  owned: boolean;
  /** True when the node was left running by an owner that was killed (kill -9), and this process took it over. */
  adopted?: boolean;
  stop(): Promise<void>;
}

/** What the info file remembers of a running node. */
interface NodeInfo {
  url: string;
  pid: number;
  /** The anvil process and the process that started it (absent in files of older versions). */
  node?: ProcessIdentity;
  owner?: ProcessIdentity;
}

/** The anvil binary shipped in the npm package (ANVIL_BIN overrides, e.g. a Foundry install on macOS). */
export function anvilBinary(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ANVIL_BIN) return env.ANVIL_BIN;
  try {
    return join(dirname(require.resolve('@foundry-rs/anvil-linux-amd64/package.json')), 'bin', 'anvil');
  } catch {
    return 'anvil';
  }
}

async function rpcChainId(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1500),
    });
    const body = (await res.json()) as { result?: string };
    return body.result ? Number.parseInt(body.result, 16) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a real EVM node (anvil, from npm) on a free loopback port, or reuses the one a previous process of this
 * deployment left running. No binary is downloaded at run time.
 */
export async function startDevnetNode(options: DevnetNodeOptions): Promise<DevnetNode> {
  if (options.infoPath && existsSync(options.infoPath)) {
    const info = JSON.parse(readFileSync(options.infoPath, 'utf8')) as NodeInfo;
    if ((await rpcChainId(info.url)) === options.chainId) {
      const node = info.node;
      if (node && info.owner && !isRunning(info.owner) && commandLine(node.pid)?.includes('anvil')) {
        // Its owner was killed without stopping it (kill -9): this process takes it over and stops it when it
        // stops, so that a node never outlives every process of its deployment.
        writeFileSync(options.infoPath, JSON.stringify({ ...info, owner: processIdentity() }));
        return {
          url: info.url,
          chainId: options.chainId,
          owned: true,
          adopted: true,
          stop: () => stopProcess(node, 'SIGTERM', 5000),
        };
      }
      // Another live process of this deployment (a replica, the CLI) owns it.
      return { url: info.url, chainId: options.chainId, owned: false, stop: () => Promise.resolve() };
    }
  }
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--chain-id',
    String(options.chainId),
    '--mnemonic',
    DEVNET_MNEMONIC,
    '--accounts',
    '10',
    '--balance',
    '1000000',
  ];
  if (options.blockTimeSeconds > 0) args.push('--block-time', String(options.blockTimeSeconds));
  if (options.statePath) {
    mkdirSync(dirname(options.statePath), { recursive: true });
    args.push('--state', options.statePath, '--state-interval', '5');
  }
  const child: ChildProcess = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`anvil did not start in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /Listening on (\S+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run anvil (${anvilBinary()}): ${e.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`anvil exited with ${code}:\n${output}`));
    });
  });
  // From here on only drain the pipes; anvil logs every request.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').on('data', (c: Buffer) => options.log?.(c.toString('utf8').trim()));
  child.removeAllListeners('exit');
  if (options.infoPath) {
    const info: NodeInfo = { url, pid: child.pid!, node: processIdentity(child.pid), owner: processIdentity() };
    writeFileSync(options.infoPath, JSON.stringify(info));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    chainId: options.chainId,
    owned: true,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM'); // anvil dumps its state on SIGTERM
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
    },
  };
}
