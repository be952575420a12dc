import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { DomainError, ErrorCode } from '@app/common';
import { ApiKeysService } from '../api-keys.service';
import { Principal } from '../principal';
import { isScope } from '../scopes';

/** `X-API-Key: <key id>.<secret>`: the plain key, accepted for reads only. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async validate(req: Request): Promise<Principal> {
    const value = req.headers['x-api-key'];
    const dot = typeof value === 'string' ? value.indexOf('.') : -1;
    if (typeof value !== 'string' || dot < 1) {
      throw new DomainError(
        ErrorCode.Unauthorized,
        'X-API-Key must be `<key id>.<secret>` unless the request is signed',
      );
    }
    const active = await this.keys.findActive(value.slice(0, dot));
    if (!active || !this.keys.verifySecret(active.key, value.slice(dot + 1))) {
      throw new DomainError(ErrorCode.Unauthorized, 'Unknown or revoked API key, or wrong secret');
    }
    return {
      organizationId: active.organization.id,
      apiKeyId: active.key.id,
      scopes: new Set(active.key.scopes.filter(isScope)),
      method: 'api_key',
      walletsEnabled: active.organization.walletsEnabled,
    };
  }
}
