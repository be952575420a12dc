import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
export const CLI = join(ROOT, 'dist/apps/api/src/cli.js');

export function requireBuild(): void {
  if (!existsSync(MAIN) || !existsSync(CLI))
    throw new Error('dist/ is missing: `npm test` builds it first (npm run build)');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The child's environment: only what a user would set, never the test runner's own variables. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function spawnNode(script: string, args: string[], env: Record<string, string>, input?: string): Spawned {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 45_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if (pattern.test(out)) return resolve();
          if (child.exitCode !== null)
            return reject(new Error(`exited ${child.exitCode} before ${pattern}:\n${out}\n${err}`));
          if (Date.now() - started > timeoutMs)
            return reject(new Error(`timed out waiting for ${pattern}:\n${out}\n${err}`));
          setTimeout(tick, 50);
        };
        tick();
      }),
  };
}

export async function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnNode(script, args, env, input);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}
