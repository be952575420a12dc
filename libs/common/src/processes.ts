import { readFileSync } from 'node:fs';

/**
 * A process as a pid file records it: its pid and, on Linux, its start time in clock ticks since boot (field 22 of
 * /proc/<pid>/stat), so that a pid reused by another process after a crash is not mistaken for it.
 */
export interface ProcessIdentity {
  pid: number;
  started: string | null;
}

function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: split after its closing one.
    return [String(pid), '', ...text.slice(text.lastIndexOf(')') + 2).split(' ')];
  } catch {
    return undefined;
  }
}

export function processIdentity(pid: number = process.pid): ProcessIdentity {
  return { pid, started: stat(pid)?.[21] ?? null };
}

/** Whether the process is still running (a zombie is not: it has exited, only its parent has not reaped it yet). */
export function isRunning(identity: ProcessIdentity | number): boolean {
  const { pid, started } = typeof identity === 'number' ? { pid: identity, started: null } : identity;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists, owned by another user (the postgres server when we run as root).
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = stat(pid);
  if (!fields) return process.platform !== 'linux';
  if (fields[2] === 'Z' || fields[2] === 'X') return false;
  return started === null || fields[21] === started;
}

/** The process's command line (Linux), to check a recorded pid still runs what we started before signalling it. */
export function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/** Sends `signal`, waits up to `graceMs` for the process to end, then sends `hardSignal` and waits again. */
export async function stopProcess(
  identity: ProcessIdentity,
  signal: NodeJS.Signals,
  graceMs: number,
  hardSignal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  const waitGone = async (ms: number) => {
    const until = Date.now() + ms;
    while (isRunning(identity) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return !isRunning(identity);
  };
  if (!isRunning(identity)) return;
  try {
    process.kill(identity.pid, signal);
  } catch {
    return;
  }
  if (await waitGone(graceMs)) return;
  try {
    process.kill(identity.pid, hardSignal);
  } catch {
    return;
  }
  await waitGone(5000);
}
