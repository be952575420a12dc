// Worker thread of ChildKeys (child-keys.ts): BIP32 public child keys (CKDpub) of account extended public keys, so
// that the elliptic-curve work of a new address does not run on the event loop. It uses bitcoinjs's bip32 on
// tiny-secp256k1 (Bitcoin Core's libsecp256k1 compiled to WebAssembly): 2.4 times faster here than @scure/bip32 on
// @noble/curves, which the rest of the keyring uses; a unit test checks that both give the same keys. This thread
// only ever sees extended public keys: no seed or private key reaches it.
'use strict';
const { parentPort } = require('node:worker_threads');
const { BIP32Factory } = require('bip32');
const ecc = require('tiny-secp256k1');

const bip32 = BIP32Factory(ecc);

/** Parsed account nodes, by extended public key (an organization's account per key family). */
const accounts = new Map();

function account(xpub) {
  let node = accounts.get(xpub);
  if (!node) {
    node = bip32.fromBase58(xpub);
    if (accounts.size >= 10_000) accounts.delete(accounts.keys().next().value);
    accounts.set(xpub, node);
  }
  return node;
}

// Jobs are numbered from `first`; each key is posted as soon as it is derived.
parentPort.on('message', ({ first, jobs }) => {
  jobs.forEach(([xpub, index], i) => {
    try {
      const key = account(xpub).derive(index).publicKey;
      if (!key) throw new Error('derivation produced no public key');
      parentPort.postMessage({ id: first + i, key });
    } catch (e) {
      parentPort.postMessage({ id: first + i, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
