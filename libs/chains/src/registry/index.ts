export * from './assets';
export * from './chains';
export * from './network-registry';
export * from './currencies';
export * from './price-feeds';
