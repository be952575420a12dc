export * from './bitcoin-client';
export * from './bitcoin-rpc';
export * from './devnet-keys';
export * from './raw-block';
export * from './regtest-node';
export * from './send';
