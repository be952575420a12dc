import { Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { CryptoService, DomainError, ErrorCode } from '@app/common';
import { ApiKeysService } from '../api-keys.service';
import { Principal } from '../principal';
import { isScope } from '../scopes';

export const JWT_ISSUER = 'wallets-api';
export const JWT_AUDIENCE = 'wallets-api';
export const JWT_KEY_PURPOSE = 'jwt-hs256';

/** The HS256 key of access tokens, derived from the key-encryption key. */
export function jwtKey(crypto: CryptoService): KeyObject {
  return createSecretKey(crypto.subkey(JWT_KEY_PURPOSE));
}

export interface AccessTokenClaims {
  sub: string;
  org: string;
  scope: string;
  csrf: string;
}

/** `Authorization: Bearer <JWT>` issued by `POST /v1/auth/token`. The key is re-checked so revocation is immediate. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly keys: ApiKeysService,
    crypto: CryptoService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given raw bytes, jsonwebtoken first tries (and fails) to parse them as a public key on every
      // verify.
      secretOrKey: jwtKey(crypto) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Principal> {
    const active = await this.keys.findActive(claims.sub);
    if (!active || active.organization.id !== claims.org) {
      throw new DomainError(ErrorCode.Unauthorized, 'The API key behind this token is revoked');
    }
    // A token never carries more than its key currently has.
    const granted = new Set(active.key.scopes);
    const scopes = claims.scope.split(' ').filter((s) => isScope(s) && granted.has(s));
    return {
      organizationId: active.organization.id,
      apiKeyId: active.key.id,
      scopes: new Set(scopes.filter(isScope)),
      method: 'jwt',
      walletsEnabled: active.organization.walletsEnabled,
      csrf: claims.csrf,
    };
  }
}
