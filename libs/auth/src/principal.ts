import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Scope } from './scopes';

export type AuthMethod = 'hmac' | 'jwt' | 'api_key';

/** Who is calling: set on the request by `AuthenticationGuard`. */
export interface Principal {
  organizationId: string;
  apiKeyId: string;
  scopes: ReadonlySet<Scope>;
  method: AuthMethod;
  walletsEnabled: boolean;
  /** The JWT's `csrf` claim; writes with a JWT must echo it in `X-CSRF-Token`. */
  csrf?: string;
  /**
   * The HMAC replay guard of a POST/PATCH that carries an Idempotency-Key, not yet recorded: the idempotency
   * interceptor (global) records it in the key's claim statement (one round trip for both), answers 401 if it was
   * used before, and clears it. `CurrentPrincipal` refuses a principal that still carries one (fails closed).
   */
  requestId?: RequestIdRecord;
}

/** An HMAC (API key, X-Request-ID) pair, accepted once. */
export interface RequestIdRecord {
  apiKeyId: string;
  requestId: string;
}

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ user?: Principal }>().user;
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without @Authenticated()');
  if (principal.requestId) throw new Error('the request reached its handler before its X-Request-ID was recorded');
  return principal;
});
