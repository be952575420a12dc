export * from './organizations.repository';
export * from './tenant-scope';
export * from './wallets.repository';
