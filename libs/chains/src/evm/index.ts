export * from './devnet-node';
export * from './erc20';
export * from './evm-client';
export * from './signer';
export * from './evm-watcher';
