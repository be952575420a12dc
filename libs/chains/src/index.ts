export * from './addresses';
export * from './chains.module';
export * from './evm';
export * from './keyring';
export * from './registry';
export * from './gas-faucet';
