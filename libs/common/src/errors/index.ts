export * from './all-exceptions.filter';
export * from './domain-error';
export * from './error-code';
export * from './error-envelope.dto';
