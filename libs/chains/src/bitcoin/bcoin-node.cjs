'use strict';
// The devnet's Bitcoin node: bcoin (a full node in JavaScript, from npm) on regtest, in a child process of the app
// (libs/chains/src/bitcoin/regtest-node.ts starts it). It validates what it is sent like any node, keeps its chain in
// the given directory, serves JSON-RPC on a loopback port only, and never dials out. It exits when its parent does
// (its stdin closes) and on SIGTERM, closing its database first.
//
// Options come as JSON in BCOIN_NODE_OPTIONS: { prefix, port, apiKey, blockTimeSeconds, minerAddress }.

const options = JSON.parse(process.env.BCOIN_NODE_OPTIONS || '{}');
const bcoin = require('bcoin');

// Bitcoin Core's regtest prefixes (bcoin's own are rb/60/38), so addresses read the same everywhere.
const network = bcoin.Network.get('regtest');
network.addressPrefix.bech32 = 'bcrt';
network.addressPrefix.pubkeyhash = 111;
network.addressPrefix.scripthash = 196;
network.keyPrefix.privkey = 0xef;

const node = new bcoin.FullNode({
  network: 'regtest',
  prefix: options.prefix,
  memory: false,
  indexTX: true,
  listen: false,
  seeds: [],
  nodes: [],
  only: [],
  upnp: false,
  workers: false,
  httpHost: '127.0.0.1',
  httpPort: options.port,
  apiKey: options.apiKey,
  logLevel: 'error',
  logConsole: true,
  logFile: false,
});

let closing = false;
async function shutdown(code) {
  if (closing) return;
  closing = true;
  try {
    await node.close();
  } finally {
    process.exit(code);
  }
}

process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));
process.stdin.on('end', () => void shutdown(0));
process.stdin.on('error', () => void shutdown(0));
process.stdin.resume();

(async () => {
  await node.ensure(); // creates its directories
  await node.open();
  await node.connect();
  node.startSync();
  if (options.blockTimeSeconds > 0 && options.minerAddress) {
    // A block every blockTimeSeconds, as the EVM devnet nodes do.
    const address = bcoin.Address.fromString(options.minerAddress, network);
    setInterval(() => {
      node.rpc.mineBlocks(1, address).catch((e) => process.stderr.write(`mining failed: ${e.message}\n`));
    }, options.blockTimeSeconds * 1000);
  }
  process.stdout.write(`bcoin regtest node listening on 127.0.0.1:${options.port}\n`);
})().catch((e) => {
  process.stderr.write(`bcoin failed to start: ${e.stack || e.message}\n`);
  void shutdown(1);
});
