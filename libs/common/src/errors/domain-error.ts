import { ErrorCode, httpStatusOf } from './error-code';

export type ErrorDetails = Record<string, unknown>;

/** The only error services throw. The filter turns it into `{"error":{"code","message","details"}}`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  static notFound(what: string, code: ErrorCode = ErrorCode.NotFound): DomainError {
    return new DomainError(code, `${what} not found`);
  }
}
