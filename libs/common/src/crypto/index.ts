export * from './crypto.service';
export * from './key-material';
export * from './secret-box';
