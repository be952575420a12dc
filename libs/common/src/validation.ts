import { applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** The global pipe: unknown fields are refused, failures answer 400 `invalid_request` naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields
        .map((f) => f.message)
        .slice(0, 3)
        .join('; ');
      return new DomainError(ErrorCode.InvalidRequest, `Invalid request: ${summary}`, { fields });
    },
  });
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
