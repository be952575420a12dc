import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, ProcessIdentity, processIdentity } from '@app/common';
import { HttpClient, waitFor } from '@app/testing';
import { freePort, requireBuild, ROOT } from './support/processes';

/** How long a stop may take, from the signal to the last child gone. */
const STOP_BOUND_MS = 30_000;

interface Proc extends ProcessIdentity {
  ppid: number;
  comm: string;
  cmdline: string;
}

/** Every descendant of `root` now, from /proc (the test's view, independent of the service's own pid files). */
function descendants(root: number): Proc[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: Proc[] = [];
  const queue = (children.get(root) ?? []).map((pid) => ({ pid, ppid: root }));
  while (queue.length) {
    const { pid, ppid } = queue.shift()!;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      found.push({ ...processIdentity(pid), ppid, comm, cmdline });
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []).map((child) => ({ pid: child, ppid: pid })));
  }
  return found;
}

interface Started {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

/** `npm start`, exactly as the README's first command runs it, in a temp data dir on free ports. */
function npmStart(env: Record<string, string>): Started {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, exited };
}

async function ready(s: Started, http: HttpClient): Promise<void> {
  await waitFor(
    () => {
      if (s.child.exitCode !== null) throw new Error(`npm start exited ${s.child.exitCode}:\n${s.out()}`);
      return /docs at http/.test(s.out());
    },
    'the service to be ready',
    120_000,
    100,
  );
  const res = await http.get('/health/ready');
  expect(res.body).toEqual({
    status: 'ok',
    checks: { database: 'up', ethereum: 'up', polygon: 'up', bitcoin: 'up' },
  });
}

/** The service's tree has PostgreSQL, both anvil nodes and the bcoin node in it. */
function expectEmbeddedServices(tree: Proc[]): void {
  expect(tree.filter((p) => p.comm === 'postgres').length).toBeGreaterThan(0);
  expect(tree.filter((p) => p.comm === 'anvil')).toHaveLength(2);
  expect(tree.filter((p) => p.cmdline.includes('bcoin-node.cjs'))).toHaveLength(1);
}

async function expectAllGone(procs: Proc[], what: string): Promise<void> {
  try {
    await waitFor(() => procs.every((p) => !isRunning(p)), what, STOP_BOUND_MS, 100);
  } catch (e) {
    const left = procs.filter((p) => isRunning(p)).map((p) => `${p.pid} ${p.comm} ${p.cmdline}`);
    throw new Error(`${(e as Error).message}; still running:\n${left.join('\n')}`);
  }
}

/** Notes when each process is first seen gone (every 10 ms), until `stop()`, which returns pid -> time. */
function watchExits(procs: Proc[]): { stop: () => Map<number, number> } {
  const at = new Map<number, number>();
  const check = () => {
    for (const p of procs) if (!at.has(p.pid) && !isRunning(p)) at.set(p.pid, performance.now());
  };
  const timer = setInterval(check, 10);
  return {
    stop: () => {
      clearInterval(timer);
      check();
      return at;
    },
  };
}

describe('stopping `npm start` (README first command, child processes)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let http: HttpClient;
  const started: Started[] = [];
  const seen: Proc[] = [];

  beforeAll(async () => {
    requireBuild();
    dataDir = mkdtempSync(join(tmpdir(), 'wallets-stop-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    // METRICS_PORT=0: other suites start services at the same time; the default 9464 would be shared.
    env = { DATA_DIR: dataDir, PORT: String(port), METRICS_PORT: '0' };
    http = new HttpClient(`http://127.0.0.1:${port}`);
  });
  afterAll(() => {
    // Whatever a failed test left behind: only processes this suite started (their identities were recorded).
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const p of seen) if (isRunning(p)) process.kill(p.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(): Started {
    const s = npmStart(env);
    started.push(s);
    return s;
  }

  function tree(s: Started): Proc[] {
    const procs = descendants(s.child.pid!);
    seen.push(...procs);
    return procs;
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'a %s to the npm process alone stops the service, the devnet nodes, then PostgreSQL',
    async (signal) => {
      const s = start();
      await ready(s, http);
      const procs = tree(s);
      expectEmbeddedServices(procs);
      const gone = watchExits(procs);
      s.child.kill(signal); // npm's pid only: not its process group, as a process manager does
      expect(await s.exited).toBe(0);
      await expectAllGone(procs, 'every child of npm start to stop');
      expect(s.out()).toContain(`${signal}: shutting down`);
      // In order: the nodes are stopped before PostgreSQL's server (the app's last writes need the database, not the
      // nodes). Its connection backends end earlier, when the app closes its pool.
      const stoppedAt = gone.stop();
      const nodes = procs.filter((p) => p.comm === 'anvil' || p.cmdline.includes('bcoin-node.cjs'));
      const pids = new Set(procs.filter((p) => p.comm === 'postgres').map((p) => p.pid));
      const postmaster = procs.filter((p) => p.comm === 'postgres' && !pids.has(p.ppid));
      expect(postmaster).toHaveLength(1);
      const lastNode = Math.max(...nodes.map((p) => stoppedAt.get(p.pid)!));
      expect(lastNode).toBeLessThanOrEqual(stoppedAt.get(postmaster[0].pid)!);
    },
    240_000,
  );

  it('after a kill -9 of the service, the next start adopts what it left and a clean stop leaves nothing', async () => {
    const first = start();
    await ready(first, http);
    const firstTree = tree(first);
    expectEmbeddedServices(firstTree);
    const service = firstTree.find((p) => p.cmdline.includes('scripts/start.mjs'));
    expect(service).toBeDefined();
    process.kill(service!.pid, 'SIGKILL');
    await first.exited;
    // PostgreSQL and anvil outlive a SIGKILL (nothing can stop them from the killed process); bcoin exits by itself.
    const orphans = firstTree.filter((p) => p.comm === 'postgres' || p.comm === 'anvil');
    expect(orphans.some((p) => isRunning(p))).toBe(true);

    const second = start();
    await ready(second, http);
    expect(second.out()).toMatch(/embedded PostgreSQL left running by a killed process; adopted/);
    expect(second.out()).toMatch(/devnet ethereum node left running by a killed process; adopted/);
    const secondTree = tree(second);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    await expectAllGone([...firstTree, ...secondTree], 'the adopted and the new children to stop');
  }, 300_000);

  it('a kill -9 of npm itself stops the service it started, and its children', async () => {
    const s = start();
    await ready(s, http);
    const procs = tree(s);
    expectEmbeddedServices(procs);
    s.child.kill('SIGKILL');
    await expectAllGone(procs, 'the service to notice its parent is gone and stop');
  }, 240_000);
});
