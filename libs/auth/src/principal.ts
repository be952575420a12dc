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
   * An authentication check still running, which must pass before the request has any effect: the HMAC request-id
   * record of a POST/PATCH that carries an Idempotency-Key, so that it shares its round trip with the key's claim.
   * The idempotency interceptor (global) awaits it before the handler runs, and clears it once passed; it rejects
   * with 401 for a replay. `CurrentPrincipal` refuses a principal whose check was not awaited (fails closed).
   */
  pending?: Promise<void>;
}

/** The authenticated caller of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ user?: Principal }>().user;
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without @Authenticated()');
  if (principal.pending) throw new Error('the request reached its handler before its authentication check finished');
  return principal;
});
