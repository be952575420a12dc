export * from './common.module';
export * from './crypto';
export * from './errors';
export * from './jobs';
export * from './money';
export * from './pagination';
export * from './validation';
