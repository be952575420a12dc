import { ArgumentMetadata, applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { DomainError } from './errors/domain-error';
import { ErrorCode } from './errors/error-code';

interface FieldProblem {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** A UUID in any letter case: ids are case-insensitive, and lower case is how they are stored and compared. */
const ANY_CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The global pipe: unknown fields are refused, failures answer 400 `invalid_request` naming each field. A path
 * parameter that is a UUID arrives in lower case, whatever case the caller wrote it in, so that no service, cache or
 * map keyed by id has to remember to fold it.
 */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && typeof value === 'string' && ANY_CASE_UUID.test(value))
      value = value.toLowerCase();
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });
}

function invalidFields(fields: FieldProblem[]): DomainError {
  const summary = fields
    .map((f) => f.message)
    .slice(0, 3)
    .join('; ');
  return new DomainError(ErrorCode.InvalidRequest, `Invalid request: ${summary}`, { fields });
}

/** The deepest nesting of objects and arrays a request body may have; the body itself is the first level. */
export const MAX_JSON_DEPTH = 32;

/** What PostgreSQL cannot store (NUL, in text and jsonb), or what is not Unicode (a surrogate without its pair). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);
const UNSTORABLE_TEXT = 'NUL characters (\\u0000) or unpaired surrogates';

/**
 * Refuses, in a parsed body or query string, what no DTO should have to think about: nesting deeper than
 * MAX_JSON_DEPTH (class-transformer, class-validator and the idempotency fingerprint all walk a body recursively,
 * and 5,000 levels of `[` fit in a small body), and strings (keys too) holding NUL or an unpaired surrogate. A 400
 * `invalid_request` names each such field as the validation pipe does; `root` names a key found at the top level.
 * The walk keeps its own stack, so the input's depth never becomes this function's.
 */
export function checkRequestInput(input: unknown, root: string): DomainError | undefined {
  const fields: FieldProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const field = path || root;
      if (unstorable(value)) fields.push({ field, message: `${field} must not contain ${UNSTORABLE_TEXT}` });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > MAX_JSON_DEPTH) {
      return new DomainError(
        ErrorCode.InvalidRequest,
        `Invalid request: objects and arrays nested more than ${MAX_JSON_DEPTH} levels deep`,
        { max_depth: MAX_JSON_DEPTH },
      );
    }
    for (const [key, child] of Object.entries(value)) {
      const field = path || root;
      if (unstorable(key)) fields.push({ field, message: `${field} must not have keys with ${UNSTORABLE_TEXT}` });
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return fields.length > 0 ? invalidFields(fields) : undefined;
}

/** Optional field: absent skips validation; `null` is accepted only when `nullable` (it clears the value). */
export function Optional({ nullable, ...options }: ValidationOptions & { nullable?: boolean } = {}) {
  return nullable ? IsOptional(options) : ValidateIf((_, v) => v !== undefined, options);
}

/** A UUID path/query/body value; query and path values arrive as strings. */
export function ValidateUUID({ optional, ...options }: ValidationOptions & { optional?: boolean } = {}) {
  const decorators = [IsUUID('4', options)];
  if (optional) decorators.unshift(Optional());
  return applyDecorators(...decorators);
}

/**
 * An id that may arrive as a JSON integer (a partner may write `"id": 10`): a whole non-negative number within 2^53 is
 * taken as its decimal string; anything else is left for the string validators to refuse.
 */
export function IntegerAsString() {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value,
  );
}

/** `?flag=true|false` as a boolean. */
export function QueryBoolean() {
  return Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  );
}

/** Free-form string metadata: at most 50 keys of 1-40 characters, string values of at most 500 characters. */
export function IsMetadata(options: ValidationOptions = {}) {
  return ValidateBy(
    {
      name: 'isMetadata',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 50 &&
          Object.entries(value as Record<string, unknown>).every(
            ([k, v]) => k.length >= 1 && k.length <= 40 && typeof v === 'string' && v.length <= 500,
          ),
        defaultMessage: () =>
          '$property must be an object of at most 50 string values (keys 1-40 chars, values up to 500 chars)',
      },
    },
    options,
  );
}

/** 1-255 visible ASCII characters: ids that partners send us (external_id, idempotency keys). */
export const VISIBLE_ASCII = /^[\x21-\x7e]{1,255}$/;
