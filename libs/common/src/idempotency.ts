import { applyDecorators, createParamDecorator, ExecutionContext, Header, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENCY_REQUIRED = 'idempotency:required';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const SECRET_REPLY_FIELDS = 'idempotency:secret-fields';

/** Money-moving routes: a POST without an Idempotency-Key is refused (400). */
export function IdempotencyRequired(): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENCY_REQUIRED, true),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: true,
      description:
        'Required on this route. 1-255 visible ASCII characters (no comma), unique per request you mean to make once. A retry with the same key ' +
        'replays the stored response (header `Idempotent-Replayed: true`); the same key with another request answers 422 ' +
        '`idempotency_key_reused`; while the first is in flight, 409 `idempotency_key_in_use`. Keys are kept 72 hours.',
      schema: { type: 'string', example: '8e03978e-40d5-43e8-bc93-6894a57f9324' },
    }),
  );
}

/**
 * The route's reply carries a secret shown once (a signing secret) in these top-level fields. The reply stored under
 * an Idempotency-Key keeps them sealed (AES-GCM under the key-encryption key, bound to the organization and the key),
 * and a retry with the key gets them back unsealed, like the rest of the reply: the secret is never in clear at rest,
 * and a client whose first reply was lost can still learn it. Neither reply may be cached (`Cache-Control: no-store`).
 * Only for replies the interceptor stores (not for handlers that store their reply with their change).
 */
export function SecretReply(...fields: string[]): MethodDecorator {
  return applyDecorators(SetMetadata(SECRET_REPLY_FIELDS, fields), Header('Cache-Control', 'no-store'));
}

/** The reply stored under a request's Idempotency-Key and returned to its retries. */
export interface IdempotentReply {
  key: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * A request whose Idempotency-Key was claimed, as its handler sees it. By default the interceptor stores whatever the
 * handler answers, after the handler's change has committed. A handler whose change must commit together with its
 * reply (so that no crash can leave a change without its stored reply) builds the reply here, hands it to the write
 * that makes the change (a ledger posting, an address insert), and calls `stored()` once that write committed with
 * it. It must then answer exactly that body and those headers, with the route's status.
 */
export class IdempotentRequest {
  private replyStored = false;

  constructor(
    readonly organizationId: string,
    readonly key: string,
    /** The route's status for a success (its @HttpCode, or 201 for a POST and 200 otherwise). */
    readonly status: number,
  ) {}

  reply(body: unknown, headers: Record<string, string> = {}): IdempotentReply {
    return { key: this.key, status: this.status, body, headers };
  }

  /** The reply was stored with the handler's change: the interceptor stores nothing more. */
  stored(): void {
    this.replyStored = true;
  }

  get isStored(): boolean {
    return this.replyStored;
  }
}

/** The request's `IdempotentRequest` when it carries a claimed Idempotency-Key (undefined otherwise). */
export const CurrentIdempotentRequest = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): IdempotentRequest | undefined =>
    ctx.switchToHttp().getRequest<{ idempotent?: IdempotentRequest }>().idempotent,
);
