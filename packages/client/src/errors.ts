/** The body of every error the API answers: `{"error":{"code","message","details"}}`. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** An error answer of the API (or a response that is not one of its answers), thrown by `unwrap` and the helpers. */
export class WalletsApiError extends Error {
  override readonly name = 'WalletsApiError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The error code (`not_found`, `insufficient_funds`, ...); `http_<status>` when the body was not an envelope. */
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** The server's request id (`X-Correlation-Id`), to quote to its operator. */
    readonly requestId?: string,
  ) {
    super(message);
  }

  static from(response: Response, body: unknown): WalletsApiError {
    const requestId = response.headers.get('x-correlation-id') ?? undefined;
    if (isErrorEnvelope(body)) {
      return new WalletsApiError(
        response.status,
        body.error.code,
        body.error.message,
        body.error.details ?? {},
        requestId,
      );
    }
    return new WalletsApiError(
      response.status,
      `http_${response.status}`,
      `HTTP ${response.status} ${response.statusText}`.trim(),
      {},
      requestId,
    );
  }
}

/** The result of an openapi-fetch call. */
export interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; a `WalletsApiError` otherwise. */
export function unwrap<T>(result: CallResult<T>): T {
  if (result.error !== undefined || !result.response.ok) throw WalletsApiError.from(result.response, result.error);
  return result.data as T;
}
