export * from './data-source.options';
export * from './db.module';
export * from './embedded-postgres';
export * from './entities';
export * from './migrate';
export * from './migrations';
export * from './naming.strategy';
export * from './transformers';
