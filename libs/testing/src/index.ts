export * from './database';
export * from './deployment';
export * from './http';
export * from './ledger';
export * from './wait';
