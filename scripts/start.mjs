// `npm start`: build when the sources changed, then run the service in THIS process. package.json runs it as
// `exec node scripts/start.mjs`, so that the shell npm starts the script in is replaced by this process: npm passes a
// SIGTERM or SIGINT it gets (what a process manager sends it) to its child, and without `exec` that child is the
// shell, which dies of it and leaves the service, its PostgreSQL and its devnet nodes running without a parent.
// If npm itself is killed (SIGKILL: nothing is passed on), this process sees its parent change and stops as it
// does on SIGTERM.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
await import('./ensure-built.mjs');

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

createRequire(import.meta.url)(join(root, 'dist/apps/api/src/main.js'));
