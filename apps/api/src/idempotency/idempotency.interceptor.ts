import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, concatMap, from, Observable, of, switchMap, throwError } from 'rxjs';
import { Principal } from '@app/auth';
import {
  DomainError,
  envelopeBody,
  ErrorCode,
  IDEMPOTENCY_REQUIRED,
  IdempotentRequest,
  SECRET_REPLY_FIELDS,
  toErrorEnvelope,
} from '@app/common';
import { IdempotencyService } from './idempotency.service';

export const REPLAYED_HEADER = 'Idempotent-Replayed';
const KEY = /^[\x21-\x2b\x2d-\x7e]{1,255}$/; // visible ASCII but the comma

/** Sorted keys at every depth: two bodies that mean the same thing hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The key of this request, or undefined; 400 for a malformed one or for two of them. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const values = req.headersDistinct['idempotency-key'];
  if (!values) return undefined;
  // Repeated headers may also arrive joined by commas (RFC 9110 5.3), so a comma means several keys too.
  if (values.length !== 1 || values[0].includes(','))
    throw new DomainError(ErrorCode.InvalidRequest, 'Send one Idempotency-Key header, not several');
  let key = values[0].trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1); // a quoted "abc" is abc
  if (!KEY.test(key))
    throw new DomainError(
      ErrorCode.InvalidRequest,
      'Idempotency-Key must be 1-255 visible ASCII characters (no comma)',
    );
  return key;
}

/** Statuses after which a request is final and stored for replay: successes and business failures. */
function isFinal(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404 || status === 422;
}

/** The headers a reply keeps for its replays. */
function storedHeaders(res: Response): Record<string, string> {
  const location = res.getHeader('Location');
  return location ? { Location: String(location) } : {};
}

/**
 * Idempotency-Key on every authenticated POST/PATCH (required where the route says so). It runs after the guards,
 * so an authentication failure never touches a key, and around the pipes and the handler, so a validation error
 * releases the key while a business failure (e.g. 422 insufficient_funds) is stored and replayed like a success.
 * It claims the key, runs the handler, stores the reply (unless the handler stored it with its change: see
 * `IdempotentRequest`), and answers a replay with the stored status, headers and body.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: Principal; idempotent?: IdempotentRequest }>();
    const res = context.switchToHttp().getResponse<Response>();
    if (req.method !== 'POST' && req.method !== 'PATCH') return next.handle();
    const required = this.reflector.get<boolean>(IDEMPOTENCY_REQUIRED, context.getHandler()) === true;
    const secretFields = this.reflector.get<string[] | undefined>(SECRET_REPLY_FIELDS, context.getHandler()) ?? [];
    const key = idempotencyKeyOf(req);
    if (!key) {
      if (required)
        throw new DomainError(ErrorCode.InvalidRequest, 'This route requires an Idempotency-Key header', {
          header: 'Idempotency-Key',
        });
      return next.handle();
    }
    const principal = req.user;
    if (!principal) return next.handle(); // unauthenticated routes have no tenant to scope a key to
    const org = principal.organizationId;
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const params = canonical(req.params);
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${route} ${params} ${canonical(req.body ?? null)}`)
      .digest('hex');
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    // A signed request's X-Request-ID is recorded by the claim's statement (Principal.requestId): one round trip.
    return from(this.keys.claim(org, key, fingerprint, req.method, req.path, principal.requestId, secretFields)).pipe(
      switchMap((claim) => {
        if (claim.kind === 'request_id_reused')
          throw new DomainError(ErrorCode.Unauthorized, 'X-Request-ID was already used');
        principal.requestId = undefined; // recorded: the handler may run (see CurrentPrincipal)
        switch (claim.kind) {
          case 'replay':
            res.status(claim.status);
            for (const [name, value] of Object.entries({ ...claim.headers, [REPLAYED_HEADER]: 'true' }))
              res.setHeader(name, value);
            return of(claim.body);
          case 'in_use':
            throw new DomainError(
              ErrorCode.IdempotencyKeyInUse,
              'A request with this Idempotency-Key is still in progress; retry later',
            );
          case 'reused':
            throw new DomainError(
              ErrorCode.IdempotencyKeyReused,
              'This Idempotency-Key was used for a different request',
              { header: 'Idempotency-Key' },
            );
          case 'claimed':
            break;
        }
        const request = (req.idempotent = new IdempotentRequest(org, key, status));
        return next.handle().pipe(
          concatMap(async (body: unknown) => {
            // The route's status was set before the handler ran; a handler may have picked another (res.status).
            if (!request.isStored)
              await this.keys.complete(
                { organizationId: org, key, status: res.statusCode, body, headers: storedHeaders(res) },
                secretFields,
              );
            return body;
          }),
          catchError((error: unknown) => {
            const envelope = toErrorEnvelope(error, req);
            const settle = isFinal(envelope.status)
              ? this.keys.complete({
                  organizationId: org,
                  key,
                  status: envelope.status,
                  body: envelopeBody(envelope),
                  headers: envelope.headers ?? {},
                })
              : this.keys.release(org, key);
            return from(settle).pipe(switchMap(() => throwError(() => error)));
          }),
        );
      }),
    );
  }
}
