import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { SqlParams } from './sql';

export const IDEMPOTENCY_REQUIRED = 'idempotency:required';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

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

/** The request's Idempotency-Key (validated and claimed by the interceptor), for handlers that store it as a business key. */
export const RequestIdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => ctx.switchToHttp().getRequest<{ idempotencyKey?: string }>().idempotencyKey,
);

/**
 * Offered to the handler of a request whose Idempotency-Key was claimed: the handler may store its response in the
 * statement that makes its change, so that the change and its stored response commit together and the request
 * saves a round trip. `cte` returns a CTE (named `name`) storing `body` and `headers` with the route's status, written
 * only if the CTE `after` returned a row; `body` may be a `SqlExpression` (jsonb) when parts of it come from the
 * statement itself, such as the database's clock. Once that statement committed, `stored` tells the interceptor, which then
 * stores nothing, unless the handler returns another body (by reference) or the status or headers differ.
 */
export interface InlineCompletion {
  cte(sql: SqlParams, name: string, body: unknown, headers: Record<string, string>, after: string): string;
  stored(body: unknown, headers: Record<string, string>): void;
}

/** The request's `InlineCompletion`, when its Idempotency-Key was claimed (undefined otherwise). */
export const RequestInlineCompletion = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): InlineCompletion | undefined => ctx.switchToHttp().getRequest<{ inlineCompletion?: InlineCompletion }>().inlineCompletion,
);
