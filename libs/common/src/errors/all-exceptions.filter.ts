import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorDetails } from './domain-error';
import { ErrorCode, errorCodeOfStatus } from './error-code';

export interface Envelope {
  status: number;
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
  headers?: Record<string, string>;
}

const GENERIC_MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.PayloadTooLarge]: 'Request body too large',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported content type',
  [ErrorCode.MethodNotAllowed]: 'Method not allowed',
};

/** Errors thrown by body-parser before Nest's router runs carry `status`/`type` but are not HttpExceptions. */
function isParserError(e: unknown): e is Error & { status: number; type: string } {
  return (
    e instanceof Error &&
    typeof (e as { status?: unknown }).status === 'number' &&
    typeof (e as { type?: unknown }).type === 'string'
  );
}

function serverError(req: { id?: unknown }, status: number): Envelope {
  const code = status === 503 ? ErrorCode.ServiceUnavailable : ErrorCode.ServerError;
  return {
    status,
    code,
    message: code === ErrorCode.ServiceUnavailable ? 'Service temporarily unavailable' : 'Internal server error',
    details: { request_id: req.id ?? null },
  };
}

/** The error shape of any exception: what the filter sends, and what an idempotency key stores for replay. */
export function toErrorEnvelope(exception: unknown, req: { id?: unknown; method: string; path: string }): Envelope {
  if (exception instanceof DomainError) {
    return {
      status: exception.status,
      code: exception.code,
      message: exception.message,
      details: exception.details,
      headers: exception.headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = errorCodeOfStatus(status);
    if (status >= 500) return serverError(req, status);
    // Our services never throw HttpException: these come from the framework (unknown route, a body-parser
    // SyntaxError or a bad %-encoding that Nest maps to 400), so their text is rephrased, not trusted.
    const message =
      status === 404
        ? `No route for ${req.method} ${req.path}`
        : status === 400
          ? `Malformed request: ${exception.message}`
          : (GENERIC_MESSAGES[code] ?? exception.message);
    return { status, code, message, details: {} };
  }
  if (isParserError(exception) && exception.status >= 400 && exception.status < 500) {
    const code = errorCodeOfStatus(exception.status);
    return { status: exception.status, code, message: GENERIC_MESSAGES[code] ?? 'Invalid request body', details: {} };
  }
  return serverError(req, 500);
}

export function envelopeBody(envelope: Envelope): { error: { code: string; message: string; details: ErrorDetails } } {
  return { error: { code: envelope.code, message: envelope.message, details: envelope.details } };
}

/**
 * The one exception filter: every error leaves as `{"error":{"code","message","details"}}`.
 * A 500 says nothing internal; it carries the request id that the log line also carries.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    const envelope = toErrorEnvelope(exception, req);
    if (envelope.status >= 500) {
      this.logger.error({ err: exception, request_id: req.id, method: req.method, path: req.path }, 'Unhandled error');
    }
    for (const [k, v] of Object.entries(envelope.headers ?? {})) res.setHeader(k, v);
    res.status(envelope.status).json(envelopeBody(envelope));
  }
}
