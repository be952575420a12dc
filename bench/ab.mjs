// `npm run bench:ab -- --b NAME=VALUE [--a NAME=VALUE ...] [--pairs 3]`: an A/B of app settings on one build.
// Runs bench/run.mjs alternately A, B, A, B, ... (one child process per run, each with its own app and data dir),
// then prints one table: per route, the mean req/s of A and of B, B/A, the lowest and highest B/A of a single pair,
// and the p99 of every run of each side.
//
// The host's speed moves by up to 2x within a day, and single runs of one build differ by a third when others load
// it, so runs are only ever compared within an alternating pair, never across an hour. The bare ceiling routes
// (no auth, untouched by most settings) are in the table too: how much they move between A and B is the host's
// noise, to read beside the routes' B/A. An A/A (no --a, no --b) measures that noise alone.
//
//   --a NAME=VALUE  setting of side A, passed to the app as BENCH_APP_NAME=VALUE (repeatable; default none)
//   --b NAME=VALUE  setting of side B (repeatable), e.g. --b RATE_LIMIT_PER_SECOND=0 (rate limits off)
//   --pairs N       alternating pairs to run (default 3)
//
// The runs inherit BENCH_SECONDS, BENCH_MATCH, BENCH_APP_* and the rest of run.mjs's settings from the environment;
// BENCH_ONLY defaults to http and BENCH_CONCURRENCY to 16 here. Each run's own table goes to stderr, the comparison
// to stdout. Example (the rate-limit A/B of 2026-12-04):
//
//   BENCH_SECONDS=10 npm run bench:ab -- --b RATE_LIMIT_PER_SECOND=0 --pairs 3
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { markdownTable } from './table.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const log = (m) => process.stderr.write(`[ab] ${m}\n`);

function usage(message) {
  process.stderr.write(
    `${message}\nusage: node bench/ab.mjs [--a NAME=VALUE ...] [--b NAME=VALUE ...] [--pairs N]` +
      ' (see the header of bench/ab.mjs)\n',
  );
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      a: { type: 'string', multiple: true, default: [] },
      b: { type: 'string', multiple: true, default: [] },
      pairs: { type: 'string', default: '3' },
    },
  }).values;
} catch (e) {
  usage(e.message);
}
const PAIRS = Number(args.pairs);
if (!Number.isInteger(PAIRS) || PAIRS < 1) usage(`--pairs must be a positive integer, not ${args.pairs}`);
/** `NAME=VALUE` list -> { BENCH_APP_NAME: VALUE }. */
function settings(list) {
  return Object.fromEntries(
    list.map((s) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(s);
      if (!m) usage(`expected NAME=VALUE, not ${s}`);
      return [`BENCH_APP_${m[1]}`, m[2]];
    }),
  );
}
const sides = { A: settings(args.a), B: settings(args.b) };
const settingsOf = (side) => args[side.toLowerCase()].join(' ') || 'defaults';
const base = {
  ...process.env,
  BENCH_ONLY: process.env.BENCH_ONLY ?? 'http',
  BENCH_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '16',
};

/** One bench/run.mjs child; resolves to its rows (bench/run.mjs writes them to BENCH_JSON). */
function run(side, file) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench/run.mjs')], {
      cwd: ROOT,
      env: { ...base, ...sides[side], BENCH_JSON: file },
      stdio: ['ignore', 2, 'inherit'], // its table to our stderr: stdout holds only the comparison
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve(JSON.parse(readFileSync(file, 'utf8')))
        : reject(new Error(`bench/run.mjs for ${side} exited with ${code ?? signal}`)),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'wallets-bench-ab-'));
const runs = { A: [], B: [] };
const started = new Date();
try {
  for (let pair = 1; pair <= PAIRS; pair++) {
    for (const side of ['A', 'B']) {
      log(`pair ${pair}/${PAIRS}, ${side} (${settingsOf(side)}), ${new Date().toISOString().slice(11, 19)} UTC`);
      runs[side].push(await run(side, join(dir, `${side}${pair}.json`)));
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Rows keyed by route, auth and concurrency; a key missing from any run is left out (and said so).
const key = (r) => `${r.route}\u0000${r.auth}\u0000${r.c}`;
const all = [...runs.A, ...runs.B];
const keys = [...new Set(all.flatMap((rows) => rows.map(key)))];
const rows = [];
for (const k of keys) {
  const find = (side) => runs[side].map((rs) => rs.find((r) => key(r) === k));
  const a = find('A');
  const b = find('B');
  if ([...a, ...b].some((r) => !r)) {
    log(`left out (not in every run): ${k.replaceAll('\u0000', ' ')}`);
    continue;
  }
  const mean = (rs) => rs.reduce((s, r) => s + r.rps, 0) / rs.length;
  const pct = (x) => `${(100 * x).toFixed(0)}%`;
  const perPair = a.map((r, i) => b[i].rps / r.rps);
  const errors = [...a, ...b].reduce((s, r) => s + Number(r.errors || 0), 0);
  rows.push([
    a[0].route,
    a[0].auth,
    String(a[0].c),
    mean(a).toFixed(0),
    mean(b).toFixed(0),
    pct(mean(b) / mean(a)),
    `${pct(Math.min(...perPair))}-${pct(Math.max(...perPair))}`,
    a.map((r) => r.p99).join('/'),
    b.map((r) => r.p99).join('/'),
    String(errors),
  ]);
}

const head = ['route', 'auth', 'conc', 'A req/s', 'B req/s', 'B/A', 'B/A per pair', 'A p99 ms', 'B p99 ms', 'errors'];
process.stdout.write(
  [
    `A: ${settingsOf('A')}; B: ${settingsOf('B')}`,
    `${PAIRS} alternating pair(s) from ${started.toISOString().slice(0, 16)} to ${new Date().toISOString().slice(11, 16)} UTC;` +
      ` BENCH_ONLY=${base.BENCH_ONLY} BENCH_CONCURRENCY=${base.BENCH_CONCURRENCY}` +
      ` BENCH_SECONDS=${base.BENCH_SECONDS ?? 5}${base.BENCH_MATCH ? ` BENCH_MATCH=${base.BENCH_MATCH}` : ''}`,
    'req/s: mean over the runs of a side; B/A per pair: lowest-highest of one pair; p99: each run, in order;',
    'the bare routes are the host noise: read a route B/A against how far they move.',
    '',
    ...markdownTable(head, rows),
    '',
  ].join('\n'),
);
