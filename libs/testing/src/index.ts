export * from './database';
export * from './http';
export * from './test-app';
