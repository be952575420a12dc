// Builds with `nest build` when dist/ is missing or older than any source file, so `npm start` and
// `npm run cli` are fast when nothing changed and always run the current code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const marker = 'dist/apps/api/src/main.js';
const roots = ['apps', 'libs', 'ormconfig.ts', 'nest-cli.json', 'tsconfig.json', 'package-lock.json'];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const sourcesAt = Math.max(...roots.filter((r) => existsSync(r)).map(newest));
if (sourcesAt > builtAt) {
  process.stderr.write('Building (nest build api)...\n');
  execFileSync(process.execPath, ['node_modules/@nestjs/cli/bin/nest.js', 'build', 'api'], {
    stdio: ['ignore', process.stderr, 'inherit'],
  });
}
