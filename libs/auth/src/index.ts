export * from './api-keys.service';
export * from './auth.module';
export * from './authenticated.decorator';
export * from './authentication.guard';
export * from './principal';
export * from './scopes';
export * from './strategies/hmac.strategy';
export * from './token.service';
