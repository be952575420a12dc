import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Authenticator } from 'passport';
import { DomainError, ErrorCode, safeEqual } from '@app/common';
import { AuthMethod, Principal } from './principal';
import { RateLimiter } from './rate-limiter';
import { isWriteScope, Scope } from './scopes';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { HmacStrategy } from './strategies/hmac.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';

export const AUTH_OPTIONS = 'auth:options';

export interface AuthenticatedOptions {
  scope: Scope;
  /** Some writes (master wallets) accept only HMAC-signed requests. */
  hmacOnly?: boolean;
}

function pickMethod(req: Request): AuthMethod | undefined {
  if (req.headers['x-signature'] !== undefined) return 'hmac';
  if (typeof req.headers.authorization === 'string' && /^Bearer\s/i.test(req.headers.authorization)) return 'jwt';
  if (req.headers['x-api-key'] !== undefined) return 'api_key';
  return undefined;
}

function jwtFailure(info: unknown): string {
  const name = info instanceof Error ? info.name : '';
  if (name === 'TokenExpiredError') return 'Access token expired';
  if (name === 'NotBeforeError') return 'Access token not yet valid';
  return 'Invalid access token';
}

/**
 * Authentication (401) -> scope (403) -> CSRF for JWT writes (403) -> wallets enabled for writes (403).
 * Strategies are @nestjs/passport strategies run through this app's own passport Authenticator, so two app
 * instances in one process (tests, replicas) never share strategy instances through passport's global registry.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly passport = new Authenticator();

  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    hmac: HmacStrategy,
    jwt: JwtStrategy,
    apiKey: ApiKeyStrategy,
  ) {
    this.passport.use('hmac', hmac);
    this.passport.use('jwt', jwt);
    this.passport.use('api_key', apiKey);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.get<AuthenticatedOptions>(AUTH_OPTIONS, context.getHandler());
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: Principal }>();
    const method = pickMethod(req);
    // Before "missing credentials": a bearer token holder (the playground sends none to an ApiKey-only route) must
    // learn that this route wants a signature, not that they forgot their token.
    if (options.hmacOnly && method !== 'hmac') {
      throw new DomainError(
        method ? ErrorCode.Forbidden : ErrorCode.Unauthorized,
        'This route accepts only HMAC-signed requests (X-API-Key, X-Timestamp, X-Request-ID, X-Signature): a bearer token or a plain API key is not enough',
      );
    }
    if (!method) {
      throw new DomainError(
        ErrorCode.Unauthorized,
        'Missing credentials: sign the request (X-API-Key, X-Timestamp, X-Request-ID, X-Signature) or send Authorization: Bearer <token>',
      );
    }
    const write = isWriteScope(options.scope);
    if (method === 'api_key' && write) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'A plain X-API-Key is read-only: sign write requests or use a bearer token',
      );
    }
    const res = http.getResponse<Response>();
    const principal = await this.authenticate(method, req, res);
    // Every authenticated request counts, refused ones too (429 before any other answer).
    for (const [name, value] of Object.entries(await this.limiter.take(principal))) res.setHeader(name, value);
    if (!principal.scopes.has(options.scope)) {
      throw new DomainError(ErrorCode.Forbidden, `This API key lacks the ${options.scope} scope`, {
        required_scope: options.scope,
      });
    }
    if (write && method === 'jwt') {
      const presented = req.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !principal.csrf || !safeEqual(presented, principal.csrf)) {
        throw new DomainError(
          ErrorCode.Forbidden,
          'Writes with a bearer token need the X-CSRF-Token header from POST /v1/auth/token',
        );
      }
    }
    if (write && !principal.walletsEnabled) {
      throw new DomainError(ErrorCode.WalletsNotEnabled, 'Wallets are not enabled for this organization');
    }
    req.user = principal;
    return true;
  }

  private authenticate(method: AuthMethod, req: Request, res: Response): Promise<Principal> {
    const asError = (err: unknown) => (err instanceof Error ? err : new Error('authentication strategy failed'));
    return new Promise<Principal>((resolve, reject) => {
      const done = (err: unknown, user: Principal | false, info: unknown) => {
        if (err) return reject(asError(err));
        if (!user)
          return reject(
            new DomainError(ErrorCode.Unauthorized, method === 'jwt' ? jwtFailure(info) : 'Authentication failed'),
          );
        resolve(user);
      };
      const middleware = this.passport.authenticate(method, { session: false }, done) as (
        req: Request,
        res: Response,
        next: (err?: unknown) => void,
      ) => void;
      middleware(req, res, (err) => reject(asError(err)));
    });
  }
}
