import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { AppConfig } from '@app/config';
import { DomainError, ErrorCode, hmacSha256Hex, safeEqual, sha256Hex } from '@app/common';
import { ApiKeysService } from '../api-keys.service';
import { Principal } from '../principal';
import { RequestIds } from '../request-ids';
import { isScope } from '../scopes';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The string a client signs, one field per line:
 *   X-Timestamp, HTTP method (upper case), path with query string exactly as sent, X-Request-ID,
 *   lowercase hex SHA-256 of the raw body bytes (of the empty string when there is no body).
 * X-Signature = lowercase hex HMAC-SHA256(api secret, that string).
 */
export function signingString(
  timestamp: string,
  method: string,
  pathWithQuery: string,
  requestId: string,
  body: Buffer | string,
): string {
  return [timestamp, method.toUpperCase(), pathWithQuery, requestId, sha256Hex(body)].join('\n');
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? undefined : value;
}

const unauthorized = (message: string) => new DomainError(ErrorCode.Unauthorized, message);

@Injectable()
export class HmacStrategy extends PassportStrategy(Strategy, 'hmac') {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly config: AppConfig,
    private readonly requestIds: RequestIds,
  ) {
    super();
  }

  async validate(req: Request & { rawBody?: Buffer }): Promise<Principal> {
    const keyId = header(req, 'x-api-key');
    const timestamp = header(req, 'x-timestamp');
    const requestId = header(req, 'x-request-id');
    const signature = header(req, 'x-signature');
    if (!keyId || !timestamp || !requestId || !signature) {
      throw unauthorized('A signed request needs X-API-Key, X-Timestamp, X-Request-ID and X-Signature');
    }
    if (!/^\d{1,12}$/.test(timestamp)) throw unauthorized('X-Timestamp must be Unix time in seconds');
    const skew = Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp));
    if (skew > this.config.hmacMaxSkewSeconds) {
      throw unauthorized(`X-Timestamp is outside the allowed window of ${this.config.hmacMaxSkewSeconds} seconds`);
    }
    if (!REQUEST_ID.test(requestId)) throw unauthorized('X-Request-ID must be 8-128 characters of A-Z a-z 0-9 . _ : -');
    if (!/^[0-9a-fA-F]{64}$/.test(signature)) throw unauthorized('X-Signature must be a hex HMAC-SHA256');

    const active = await this.keys.findActive(keyId);
    if (!active) throw unauthorized('Unknown or revoked API key');
    const expected = hmacSha256Hex(
      this.keys.secretOf(active.key),
      signingString(timestamp, req.method, req.originalUrl, requestId, req.rawBody ?? ''),
    );
    if (!safeEqual(expected, signature.toLowerCase())) throw unauthorized('Invalid signature');

    // Recorded only after the signature checks out, so nobody can burn another client's request ids. A write with an
    // Idempotency-Key has it recorded by the key's claim, in the same statement, before the handler runs
    // (Principal.requestId); a request refused before that point has no effect.
    const deferred = (req.method === 'POST' || req.method === 'PATCH') && req.headers['idempotency-key'] !== undefined;
    if (!deferred && !(await this.requestIds.claim(active.key.id, requestId)))
      throw unauthorized('X-Request-ID was already used');

    return {
      organizationId: active.organization.id,
      apiKeyId: active.key.id,
      scopes: new Set(active.key.scopes.filter(isScope)),
      method: 'hmac',
      walletsEnabled: active.organization.walletsEnabled,
      ...(deferred ? { requestId: { apiKeyId: active.key.id, requestId } } : {}),
    };
  }
}
