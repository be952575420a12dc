export * from './addresses';
export * from './chains.module';
export * from './keyring';
export * from './registry';
