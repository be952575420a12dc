// `npm run bench`: starts the built app on its embedded defaults (embedded PostgreSQL, devnet) in a child process,
// drives it with autocannon from this process, and prints one table. Figures are meant for the README.
//
//   BENCH_SECONDS   seconds per HTTP run (default 5)
//   BENCH_DEPOSITS  ERC-20 transfers mined in one block for the ingestion run (default 1000)
//   BENCH_EVENTS    webhook deliveries for the delivery runs (default 2000)
//   BENCH_ONLY      comma list of sections to run: http,ingest,ingest-btc,webhooks (default all)
//   BENCH_MATCH     run only the HTTP routes whose name contains this text (the ceilings always run)
//   BENCH_CONCURRENCY comma list of connection counts (default 1,16,64)
//   BENCH_APP_<NAME> passed to the app as <NAME> (e.g. BENCH_APP_DATABASE_POOL_SIZE=20)
//   BENCH_NODE_ARGS extra node flags for the app process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof")
//   BENCH_VOLUME=1  fill the database first (bench/volume.mjs: 1,000 organizations, 1,000,000 wallets, 2,000,000
//                   addresses, 5,000,000 deposits with ledger transfers) and report the app's memory around the scans
//   BENCH_VOLUME_WALLETS wallets to fill (default 1000000; addresses and deposits scale with it)
//   BENCH_JSON      also write the table's rows as JSON to this file (read by bench/ab.mjs)
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { markdownTable } from './table.mjs';
import { fillVolume, rssMiB } from './volume.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DEPOSITS = Number(process.env.BENCH_DEPOSITS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'http,ingest,ingest-btc,webhooks').split(','));
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16,64').split(',').map(Number);
const MATCH = process.env.BENCH_MATCH ?? '';
const VOLUME = process.env.BENCH_VOLUME === '1';
const VOLUME_WALLETS = Number(process.env.BENCH_VOLUME_WALLETS ?? 1_000_000);
const ROOT = new URL('..', import.meta.url).pathname;

const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** One app process on a shared data dir (the second replica reuses its PostgreSQL and devnet nodes). */
async function startApp(dataDir, env) {
  const port = await freePort();
  const appEnv = Object.fromEntries(
    Object.entries(process.env)
      .filter(([k]) => k.startsWith('BENCH_APP_'))
      .map(([k, v]) => [k.slice('BENCH_APP_'.length), v]),
  );
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Limits on but out of reach: the accounting is measured, not the refusals (BENCH_APP_RATE_LIMIT_PER_SECOND=0
      // turns it off for an A/B).
      RATE_LIMIT_PER_SECOND: '1000000',
      ...appEnv,
      DATA_DIR: dataDir,
      PORT: String(port),
      BENCH_ROUTES: 'true',
      DEVNET_BLOCK_TIME_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out = (out + c.toString()).slice(-20_000)));
  child.stderr.on('data', (c) => (out = (out + c.toString()).slice(-20_000)));
  for (let i = 0; i < 600 && !/docs at http/.test(out); i++) {
    if (child.exitCode !== null) throw new Error(`app exited:\n${out}`);
    await sleep(100);
  }
  if (!/docs at http/.test(out)) throw new Error(`app did not start:\n${out}`);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) log(`the app exited (${code ?? signal}) during the run; its last output:\n${out.slice(-4000)}`);
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: () => {
      stopping = true;
      return new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM'))));
    },
  };
}

function signer(creds) {
  return (method, path, body = '') => {
    const ts = String(Math.floor(Date.now() / 1000));
    const rid = randomUUID();
    const hash = createHash('sha256').update(body).digest('hex');
    const sig = createHmac('sha256', creds.api_secret)
      .update(`${ts}\n${method}\n${path}\n${rid}\n${hash}`)
      .digest('hex');
    return { 'X-API-Key': creds.api_key_id, 'X-Timestamp': ts, 'X-Request-ID': rid, 'X-Signature': sig };
  };
}

async function call(base, sign, method, path, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...sign(method, path, text) },
    body: text || undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function until(what, probe, timeoutMs = 120_000, everyMs = 50) {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(everyMs);
  }
}

async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/** autocannon against one route; `setup` builds headers (and body) per request. */
async function load(base, { method = 'GET', path, body, headers }, connections) {
  const result = await autocannon({
    url: base,
    connections,
    duration: SECONDS,
    requests: [
      {
        method,
        path: typeof path === 'function' ? '/' : path,
        setupRequest: (req) => {
          // `path` may be a function: a different resource per request (e.g. round-robin over source wallets).
          const p = typeof path === 'function' ? path() : path;
          const text = body ? JSON.stringify(body()) : '';
          req.path = p;
          req.headers = { 'content-type': 'application/json', ...headers(method, p, text) };
          if (text) req.body = text;
          return req;
        },
      },
    ],
  });
  const ok = result['2xx'];
  return { rps: ok / SECONDS, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function httpSection(base, creds, table) {
  const sign = signer(creds);
  const wallet = await call(base, sign, 'POST', '/v1/wallets', { name: 'bench source' });
  const target = await call(base, sign, 'POST', '/v1/wallets', { name: 'bench target' });
  await until(
    'wallets active',
    async () => (await call(base, sign, 'GET', `/v1/wallets/${target.id}`)).status === 'active',
  );
  await call(base, sign, 'GET', `/v1/wallets/${wallet.id}`);
  for (let i = 0; i < 30; i++) await call(base, sign, 'POST', '/v1/wallets', { name: `filler ${i}` });
  const address = await call(base, sign, 'POST', `/v1/wallets/${wallet.id}/addresses`, {
    asset: 'ETH',
    network: 'ethereum',
  });
  await call(base, sign, 'POST', '/v1/sandbox/deposits', {
    network: 'ethereum',
    asset: 'ETH',
    address: address.address,
    amount: '100000',
  });
  await call(base, sign, 'POST', '/v1/sandbox/mine', { network: 'ethereum', blocks: 3 });
  await until(
    'funded',
    async () =>
      (await call(base, sign, 'GET', `/v1/wallets/${wallet.id}/balance?network=ethereum&asset=ETH`)).available ===
      '100000',
  );
  // Sixteen more funded wallets, funded off-chain from the first.
  const sources = [];
  let next = 0;
  for (let i = 0; i < 16; i++) {
    const w = await call(base, sign, 'POST', '/v1/wallets', { name: `bench source ${i}` });
    await until(
      'source active',
      async () => (await call(base, sign, 'GET', `/v1/wallets/${w.id}`)).status === 'active',
    );
    await call(base, sign, 'POST', `/v1/wallets/${wallet.id}/transfers`, {
      asset: 'ETH',
      network: 'ethereum',
      amount: '1000',
      destination: { type: 'wallet', id: w.id },
    });
    sources.push(w);
  }
  const token = await call(base, () => ({}), 'POST', '/v1/auth/token', {
    grant_type: 'client_credentials',
    client_id: creds.api_key_id,
    client_secret: creds.api_secret,
  });
  const auths = {
    hmac: (method, path, text) => ({ ...sign(method, path, text), 'Idempotency-Key': randomUUID() }),
    jwt: () => ({
      Authorization: `Bearer ${token.access_token}`,
      'X-CSRF-Token': token.csrf_token,
      'Idempotency-Key': randomUUID(),
    }),
  };
  const none = () => ({});
  const ceilings = {};
  for (const [name, route] of [
    ['bare constant', { path: '/bench/constant', headers: none }],
    ['bare 1 SELECT', { path: `/bench/select?id=${wallet.id}`, headers: none }],
  ]) {
    for (const c of CONCURRENCY) {
      const r = await load(base, route, c);
      ceilings[`${name}:${c}`] = r.rps;
      table.push({ route: name, auth: '-', c, ...r, ratio: '' });
      log(`${name} c=${c}: ${r.rps.toFixed(0)} req/s`);
    }
  }
  const routes = [
    ['GET /wallets/{id}/balances', { path: `/v1/wallets/${wallet.id}/balances` }],
    ['GET /wallets', { path: '/v1/wallets?limit=20' }],
    [
      'POST /wallets/{id}/addresses',
      {
        method: 'POST',
        path: `/v1/wallets/${target.id}/addresses`,
        body: () => ({ asset: 'USDC', network: 'ethereum' }),
      },
    ],
    [
      'POST /wallets/{id}/transfers (internal)',
      {
        method: 'POST',
        path: `/v1/wallets/${wallet.id}/transfers`,
        body: () => ({
          asset: 'ETH',
          network: 'ethereum',
          amount: '0.000001',
          destination: { type: 'wallet', id: target.id },
        }),
      },
    ],
    // The same request spread over 16 wallets, each sending to the next: what one hot wallet's row lock costs.
    [
      'POST /wallets/{id}/transfers (internal, 16 wallets)',
      {
        method: 'POST',
        path: () => `/v1/wallets/${sources[(next = (next + 1) % sources.length)].id}/transfers`,
        body: () => ({
          asset: 'ETH',
          network: 'ethereum',
          amount: '0.000001',
          destination: { type: 'wallet', id: sources[(next + 1) % sources.length].id },
        }),
      },
    ],
  ];
  for (const [name, route] of routes.filter(([n]) => n.includes(MATCH))) {
    for (const [auth, headers] of Object.entries(auths)) {
      for (const c of CONCURRENCY) {
        const r = await load(base, { ...route, headers }, c);
        const ratio = `${((100 * r.rps) / ceilings[`bare 1 SELECT:${c}`]).toFixed(0)}%`;
        table.push({ route: name, auth, c, ...r, ratio });
        log(`${name} ${auth} c=${c}: ${r.rps.toFixed(0)} req/s p99 ${r.p99} ms (${ratio} of 1 SELECT)`);
      }
    }
  }
  // The rate limiter's own cost per request, measured in the app (an A/B of whole runs drowns it in the host's
  // noise): its time per request against the time a request of the fastest authenticated route takes of the one
  // event loop (1 / req/s).
  const limiter = await (
    await fetch(`${base}/bench/rate-limiter?key=${creds.api_key_id}&org=${creds.organization_id}&n=200000`)
  ).json();
  if (limiter.ns_per_call !== null) {
    const fastest = Math.max(...table.filter((r) => r.auth !== '-').map((r) => r.rps));
    const share = (limiter.ns_per_call * fastest) / 1e9;
    log(
      `rate limiter: ${(limiter.ns_per_call / 1000).toFixed(2)} µs per request (${limiter.calls} calls), ` +
        `${(100 * share).toFixed(2)}% of a request at ${fastest.toFixed(0)} req/s`,
    );
  } else log('rate limiter: off (RATE_LIMIT_PER_SECOND=0)');
}

async function ingestSection(base, creds, dataDir, table) {
  const sign = signer(creds);
  const networks = (await call(base, sign, 'GET', '/v1/networks')).data;
  const eth = networks.find((n) => n.chain === 'ethereum');
  const usdc = eth.assets.find((a) => a.symbol === 'USDC').contract_address;
  const wallet = await call(base, sign, 'POST', '/v1/wallets', { name: 'ingest' });
  await until('active', async () => (await call(base, sign, 'GET', `/v1/wallets/${wallet.id}`)).status === 'active');
  log(`creating ${DEPOSITS} addresses`);
  const addresses = [];
  for (let i = 0; i < DEPOSITS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, DEPOSITS - i) }, () =>
        call(base, sign, 'POST', `/v1/wallets/${wallet.id}/addresses`, { asset: 'USDC', network: 'ethereum' }),
      ),
    );
    addresses.push(...batch.map((a) => a.address));
  }
  await sleep(1500); // the scanner picks up the new addresses
  const faucet = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
  await rpc(eth.rpc_url, 'evm_setAutomine', [false]);
  await rpc(eth.rpc_url, 'evm_setBlockGasLimit', ['0x' + (200_000_000).toString(16)]);
  let nonce = Number.parseInt(await rpc(eth.rpc_url, 'eth_getTransactionCount', [faucet, 'pending']), 16);
  log(`sending ${DEPOSITS} USDC transfers into one block`);
  for (let i = 0; i < addresses.length; i += 100) {
    await Promise.all(
      addresses.slice(i, i + 100).map((to, k) =>
        rpc(eth.rpc_url, 'eth_sendTransaction', [
          {
            from: faucet,
            to: usdc,
            nonce: '0x' + (nonce + i + k).toString(16),
            gas: '0x' + (80_000).toString(16),
            data:
              '0xa9059cbb' + to.slice(2).toLowerCase().padStart(64, '0') + (1_000_000).toString(16).padStart(64, '0'),
          },
        ]),
      ),
    );
  }
  nonce += addresses.length;
  await rpc(eth.rpc_url, 'evm_mine');
  const block = await rpc(eth.rpc_url, 'eth_getBlockByNumber', ['latest', false]);
  log(`block ${Number.parseInt(block.number, 16)} holds ${block.transactions.length} transactions`);
  await rpc(eth.rpc_url, 'evm_setAutomine', [true]);
  const required = eth.required_confirmations;
  const detectStart = Date.now();
  await until(
    'all detected',
    async () =>
      (await call(base, sign, 'GET', `/v1/wallets/${wallet.id}/balance?network=ethereum&asset=USDC`)).pending_in ===
      String(DEPOSITS),
    300_000,
    100,
  );
  const detectSeconds = (Date.now() - detectStart) / 1000;
  await rpc(eth.rpc_url, 'anvil_mine', ['0x' + (required - 1).toString(16)]);
  const thresholdAt = Date.now();
  await until(
    'all credited',
    async () =>
      (await call(base, sign, 'GET', `/v1/wallets/${wallet.id}/balance?network=ethereum&asset=USDC`)).available ===
      String(DEPOSITS),
    300_000,
    100,
  );
  const creditSeconds = (Date.now() - thresholdAt) / 1000;
  table.push({
    route: `ingest ${block.transactions.length} ERC-20 deposits in 1 block`,
    auth: '-',
    c: '-',
    rps: DEPOSITS / creditSeconds,
    p50: `detected ${detectSeconds.toFixed(1)} s`,
    p99: `credited ${creditSeconds.toFixed(1)} s after threshold`,
    errors: 0,
    ratio: '',
  });
  log(
    `ingestion: detected in ${detectSeconds.toFixed(1)} s, credited ${creditSeconds.toFixed(1)} s after the threshold block`,
  );
  void dataDir;
}

/** JSON-RPC to the devnet's Bitcoin node at its `rpc_url` (credentials in the URL). */
async function btcRpc(url, method, params = []) {
  const u = new URL(url);
  const auth = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
  const res = await fetch(`${u.protocol}//${u.host}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${auth}` },
    body: JSON.stringify({ jsonrpc: '1.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

/**
 * Bitcoin ingestion: one transaction paying BENCH_DEPOSITS of our addresses (built here from a coinbase of the
 * devnet faucet, with the app's own decoders and the devnet key), mined in one block; seconds until every deposit
 * is credited.
 */
async function ingestBtcSection(base, creds, table) {
  const sign = signer(creds);
  const btc = (await call(base, sign, 'GET', '/v1/networks')).data.find((n) => n.chain === 'bitcoin');
  if (!btc?.rpc_url) {
    log('no bitcoin node on this devnet (bcoin not installed): skipping the bitcoin ingestion');
    return;
  }
  const require = createRequire(import.meta.url);
  const chains = require(join(ROOT, 'dist/libs/chains/src/index.js'));
  const { Transaction } = require('@scure/btc-signer');
  const params = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef };
  const faucet = chains.devnetBitcoinKey(1, params);
  const wallet = await call(base, sign, 'POST', '/v1/wallets', { name: 'ingest btc' });
  await until('active', async () => (await call(base, sign, 'GET', `/v1/wallets/${wallet.id}`)).status === 'active');
  log(`creating ${DEPOSITS} BTC addresses`);
  const addresses = [];
  for (let i = 0; i < DEPOSITS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, DEPOSITS - i) }, () =>
        call(base, sign, 'POST', `/v1/wallets/${wallet.id}/addresses`, { asset: 'BTC', network: 'bitcoin' }),
      ),
    );
    addresses.push(...batch.map((a) => a.address));
  }
  // The newest mature coinbase of the faucet that is still unspent.
  const tip = await btcRpc(btc.rpc_url, 'getblockcount');
  let coin;
  for (let h = tip - 100; h > 0 && !coin; h--) {
    const hash = await btcRpc(btc.rpc_url, 'getblockhash', [h]);
    const [coinbase] = chains.decodeBlock(await btcRpc(btc.rpc_url, 'getblock', [hash, 0]), params).txs;
    const out = coinbase.outputs.find((o) => o.address === faucet.address);
    if (out && (await btcRpc(btc.rpc_url, 'gettxout', [coinbase.txid, out.index, true])))
      coin = { txid: coinbase.txid, index: out.index, amount: out.amount };
  }
  const each = 10_000n;
  const fee = 2n * BigInt(11 + 68 + 31 * (DEPOSITS + 1));
  const tx = new Transaction();
  tx.addInput({ txid: coin.txid, index: coin.index, witnessUtxo: { script: faucet.script, amount: coin.amount } });
  for (const address of addresses) tx.addOutputAddress(address, each, params);
  tx.addOutputAddress(faucet.address, coin.amount - each * BigInt(DEPOSITS) - fee, params);
  tx.sign(faucet.privateKey);
  tx.finalize();
  const txid = await btcRpc(btc.rpc_url, 'sendrawtransaction', [tx.hex]);
  // bcoin answers before it has verified the transaction: wait until its mempool holds it.
  await until(
    'in the mempool',
    () => btcRpc(btc.rpc_url, 'getmempoolentry', [txid]).then(Boolean, () => false),
    30_000,
  );
  const required = btc.required_confirmations;
  await btcRpc(btc.rpc_url, 'generatetoaddress', [required, faucet.address]);
  const minedAt = Date.now();
  const total = (each * BigInt(DEPOSITS)).toString();
  await until(
    'all BTC credited',
    async () =>
      (await call(base, sign, 'GET', `/v1/wallets/${wallet.id}/balance?network=bitcoin&asset=BTC`)).available_raw ===
      total,
    300_000,
    100,
  );
  const seconds = (Date.now() - minedAt) / 1000;
  table.push({
    route: `ingest ${DEPOSITS} BTC outputs of 1 transaction`,
    auth: '-',
    c: '-',
    rps: DEPOSITS / seconds,
    p50: `${required} block(s) required`,
    p99: `credited ${seconds.toFixed(1)} s after the threshold block`,
    errors: 0,
    ratio: '',
  });
  log(`bitcoin ingestion: ${DEPOSITS} outputs credited ${seconds.toFixed(1)} s after the threshold block`);
  await btcBatchSection(base, sign, chains, params, wallet.id, table);
}

/**
 * A 100-output Bitcoin batch: building and signing its PSBT in process (10 P2WPKH inputs, the median of 5 runs), then
 * end to end through the API: from the POST to the batch's one transaction signed (coin selection over the 1,000
 * outputs just credited, the signer's poll interval included) and in the node's mempool.
 */
async function btcBatchSection(base, sign, chains, params, walletId, table) {
  const OUTPUTS = 100;
  const { hex } = await import('@scure/base');
  const keys = Array.from({ length: 10 }, (_, i) => chains.devnetBitcoinKey(100 + i, params));
  const coins = keys.map((k, i) => ({
    txid: hex.encode(new Uint8Array(32).fill(i + 1)),
    vout: 0,
    value: 1_000_000n,
    script: hex.encode(k.script),
    keyChain: 0,
    keyIndex: i,
  }));
  const outputs = Array.from({ length: OUTPUTS }, (_, i) => ({
    script: chains.devnetBitcoinKey(200 + i, params).script,
    amount: 50_000n,
  }));
  const times = [];
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    const psbt = chains.buildSendPsbt(coins, outputs, { script: keys[0].script, amount: 4_000_000n });
    chains.signSendPsbt(
      psbt,
      keys.map((k) => k.privateKey),
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  table.push({
    route: `build + sign a ${OUTPUTS}-output BTC batch (10 inputs)`,
    auth: '-',
    c: '-',
    rps: 1000 / times[2],
    p50: `${times[2].toFixed(0)} ms`,
    p99: `max ${times[4].toFixed(0)} ms`,
    errors: 0,
    ratio: '',
  });
  const destinations = Array.from({ length: OUTPUTS }, (_, i) => ({
    type: 'public_address',
    public_address: chains.devnetBitcoinKey(300 + i, params).address,
    amount_raw: '1000',
  }));
  const started = Date.now();
  const batch = await call(base, sign, 'POST', `/v1/wallets/${walletId}/transfers/batch`, {
    asset: 'BTC',
    network: 'bitcoin',
    destinations,
  });
  const signed = await until(
    'the batch signed',
    async () => (await call(base, sign, 'GET', `/v1/wallets/${walletId}/transfers/batch/${batch.id}`)).tx_hash,
    60_000,
    20,
  );
  const signedMs = Date.now() - started;
  await until(
    'the batch broadcast',
    async () =>
      (await call(base, sign, 'GET', `/v1/wallets/${walletId}/transfers/batch/${batch.id}`)).items.every(
        (i) => i.status === 'broadcast',
      ),
    60_000,
    20,
  );
  const broadcastMs = Date.now() - started;
  table.push({
    route: `POST a ${OUTPUTS}-output BTC batch -> one transaction`,
    auth: 'HMAC',
    c: '-',
    rps: (OUTPUTS * 1000) / broadcastMs,
    p50: `signed ${signedMs} ms`,
    p99: `broadcast ${broadcastMs} ms`,
    errors: 0,
    ratio: '',
  });
  log(`btc batch: ${signed} signed ${signedMs} ms, broadcast ${broadcastMs} ms after the POST`);
}

function connect(dataDir) {
  const info = JSON.parse(readFileSync(join(dataDir, 'postgres.json'), 'utf8'));
  return new pg.Client({
    host: info.host,
    port: info.port,
    user: info.user,
    password: info.password,
    database: info.database,
  });
}

/** Fills the database, then lets the deposit scanner see one block: its memory before and after says what the
 * filled addresses cost it. */
async function volumeSection(app, creds, dataDir, table) {
  const client = connect(dataDir);
  client.on('error', () => undefined); // the server goes away if the run stops early
  await client.connect();
  let seconds;
  try {
    seconds = await fillVolume(client, creds.organization_id, { wallets: VOLUME_WALLETS });
  } catch (e) {
    log(`the fill failed; the app's last output:\n${app.output().slice(-4000)}`);
    throw e;
  }
  await client.end();
  const memory = { filled: await rssMiB(app.child.pid) };
  const sign = signer(creds);
  const indexed = async () =>
    BigInt((await call(app.base, sign, 'GET', '/v1/networks')).data.find((n) => n.chain === 'ethereum').indexed_height);
  const before = await indexed();
  await call(app.base, sign, 'POST', '/v1/sandbox/mine', { network: 'ethereum', blocks: 1 });
  await until('scanned', async () => (await indexed()) > before, 300_000, 200);
  await sleep(2000);
  memory.scanned = await rssMiB(app.child.pid);
  table.push({
    route: `volume fill: ${VOLUME_WALLETS} wallets, ${2 * VOLUME_WALLETS} addresses, ${5 * VOLUME_WALLETS} deposits`,
    auth: '-',
    c: '-',
    rps: 0,
    p50: `${seconds.toFixed(0)} s`,
    p99: `app RSS ${memory.filled.toFixed(0)} MiB, ${memory.scanned.toFixed(0)} MiB after a scan`,
    errors: 0,
    ratio: '',
  });
  log(`volume: app RSS ${memory.filled.toFixed(0)} MiB after the fill, ${memory.scanned.toFixed(0)} MiB after a scan`);
}

async function webhookSection(base, creds, dataDir, table, replicas) {
  const sign = signer(creds);
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/hook`;
  const endpoint = await call(base, sign, 'POST', '/v1/webhook-endpoints', { url, events: ['webhook.test'] });
  const client = connect(dataDir);
  await client.connect();
  const extra = [];
  client.on('error', () => undefined); // the server goes away when the app stops at the end
  for (let i = 1; i < replicas; i++) extra.push(await startApp(dataDir, { ROLES: 'jobs' }));
  // Events and their deliveries written straight into the outbox, the way a burst of business events would be.
  await client.query(
    `WITH ev AS (
       INSERT INTO events (id, organization_id, type, data, body, created_at)
       SELECT 'evt_bench_' || g || '_' || $3, $1, 'webhook.test', '{}'::jsonb,
              json_build_object('id', 'evt_bench_' || g || '_' || $3, 'type', 'webhook.test', 'created_at', now(), 'data', '{}'::json)::text, now()
       FROM generate_series(1, $2) g RETURNING id)
     INSERT INTO webhook_deliveries (id, organization_id, endpoint_id, event_id, status, next_attempt_at)
     SELECT gen_random_uuid(), $1, $4, id, 'pending', now() FROM ev`,
    [creds.organization_id, EVENTS, `${replicas}r${Date.now()}`, endpoint.id],
  );
  const started = Date.now();
  await until(`${EVENTS} deliveries`, async () => received >= EVENTS, 300_000, 20);
  const seconds = (Date.now() - started) / 1000;
  table.push({
    route: `webhook delivery, ${replicas} job replica${replicas > 1 ? 's' : ''}`,
    auth: '-',
    c: '-',
    rps: EVENTS / seconds,
    p50: `${EVENTS} events`,
    p99: `${seconds.toFixed(1)} s`,
    errors: 0,
    ratio: '',
  });
  log(`webhooks with ${replicas} replica(s): ${(EVENTS / seconds).toFixed(0)} events/s`);
  await call(base, sign, 'DELETE', `/v1/webhook-endpoints/${endpoint.id}`);
  for (const app of extra) await app.stop();
  await client.end();
  server.close();
}

function print(table) {
  const rows = table.map((r) => [
    r.route,
    r.auth,
    String(r.c),
    r.rps.toFixed(0),
    String(r.p50),
    String(r.p99),
    String(r.errors),
    r.ratio,
  ]);
  const head = ['route', 'auth', 'conc', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'of 1 SELECT'];
  process.stdout.write(
    [
      `Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${SECONDS} s per run`,
      '',
      ...markdownTable(head, rows),
      '',
    ].join('\n'),
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'wallets-bench-'));
chmodSync(dataDir, 0o755);
const app = await startApp(dataDir, {});
const table = [];
try {
  const creds = JSON.parse(readFileSync(join(dataDir, 'dev-credentials.json'), 'utf8'));
  if (VOLUME) await volumeSection(app, creds, dataDir, table);
  if (ONLY.has('http')) await httpSection(app.base, creds, table);
  if (ONLY.has('ingest')) {
    await ingestSection(app.base, creds, dataDir, table);
    if (VOLUME) log(`volume: app RSS ${(await rssMiB(app.child.pid)).toFixed(0)} MiB after ingestion`);
  }
  if (ONLY.has('ingest-btc')) await ingestBtcSection(app.base, creds, table);
  if (ONLY.has('webhooks')) {
    await webhookSection(app.base, creds, dataDir, table, 1);
    await webhookSection(app.base, creds, dataDir, table, 2);
  }
  print(table);
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(table, null, 1));
} finally {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
void randomBytes;
