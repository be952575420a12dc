import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@app/config';
import { DomainError, ErrorCode, randomToken } from '@app/common';
import { ApiKeysService } from './api-keys.service';
import { RateLimiter } from './rate-limiter';
import { isScope } from './scopes';
import { AccessTokenClaims, JWT_AUDIENCE, JWT_ISSUER } from './strategies/jwt.strategy';

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  csrf_token: string;
}

/** OAuth2 client credentials: an API key id and secret in, a short-lived JWT with a CSRF claim out. */
@Injectable()
export class TokenService {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * A token for the key, with the `RateLimit` headers of the key's bucket: a token request counts against the key's
   * rate limit like any other request (right secret or not), and past it is refused 429 before the secret is checked.
   */
  async issue(
    clientId: string,
    clientSecret: string,
    requestedScope?: string,
  ): Promise<{ token: IssuedToken; headers: Record<string, string> }> {
    const active = await this.keys.findActive(clientId, true);
    const headers = active
      ? await this.limiter.take({ apiKeyId: active.key.id, organizationId: active.organization.id })
      : {};
    if (!active || !this.keys.verifySecret(active.key, clientSecret)) {
      throw new DomainError(ErrorCode.Unauthorized, 'Invalid client credentials');
    }
    const granted = active.key.scopes.filter(isScope);
    let scopes = granted;
    if (requestedScope !== undefined && requestedScope.trim() !== '') {
      const requested = [...new Set(requestedScope.trim().split(/\s+/))];
      const refused = requested.filter((s) => !granted.includes(s as (typeof granted)[number]));
      if (refused.length) {
        throw new DomainError(ErrorCode.InvalidScope, `Scopes not granted to this key: ${refused.join(', ')}`, {
          refused,
        });
      }
      scopes = requested.filter(isScope);
    }
    const csrf = randomToken(24);
    const claims: AccessTokenClaims = {
      sub: active.key.id,
      org: active.organization.id,
      scope: scopes.join(' '),
      csrf,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.jwtTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      jwtid: randomUUID(),
      algorithm: 'HS256',
    });
    const token: IssuedToken = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.config.jwtTtlSeconds,
      scope: claims.scope,
      csrf_token: csrf,
    };
    return { token, headers };
  }
}
