export * from './derivation';
export * from './keyring.service';
