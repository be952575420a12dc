import { applyDecorators, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, ValidateIf, ValidationOptions } from 'class-validator';
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
      const summary = fields.map((f) => f.message).slice(0, 3).join('; ');
      return new DomainError(ErrorCode.InvalidRequest, `Invalid request: ${summary}`, { fields });
    },
  });
}

/** Optional field: `undefined` skips validation; `null` is allowed only when `nullable`. */
export function Optional({ nullable, ...options }: ValidationOptions & { nullable?: boolean } = {}) {
  return nullable ? ValidateIf((_, v) => v !== undefined, options) : IsOptional(options);
}

/** A UUID path/query/body value; query and path values arrive as strings. */
export function ValidateUUID({ optional, ...options }: ValidationOptions & { optional?: boolean } = {}) {
  const decorators = [IsUUID('4', options)];
  if (optional) decorators.unshift(Optional());
  return applyDecorators(...decorators);
}

/** `?flag=true|false` as a boolean. */
export function QueryBoolean() {
  return Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value));
}
