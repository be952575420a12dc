import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { Level, Logger } from 'pino';
import { redactUrls } from '@app/common';
import { AppConfig } from '@app/config';

/** Header carrying our own request id on every response; the same id is in the log lines and in 500 bodies. */
export const CORRELATION_HEADER = 'X-Correlation-Id';

/** Anything that could hold a credential or key material is censored before a log line is written. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-signature"]',
  'req.headers["x-csrf-token"]',
  'req.headers.cookie',
  '*.api_secret',
  '*.client_secret',
  '*.secret',
  '*.password',
  '*.mnemonic',
  '*.seed',
  '*.private_key',
  '*.privateKey',
  '*.access_token',
  '*.csrf_token',
];

/**
 * Every string of a logged error with its URLs redacted (credentials, path, query): HTTP clients quote the URL they
 * called in their messages and properties (viem: `URL: https://mainnet.infura.io/v3/<key>`, `url`, causes).
 */
function redactErrorUrls(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactUrls(value);
  if (typeof value !== 'object' || value === null || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactErrorUrls(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactErrorUrls(v, depth + 1)]));
}

/** The process's one pino logger: JSON lines on stdout (or `stream`), secrets censored. */
export function createLogger(config: AppConfig, stream?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: (e: Error) => redactErrorUrls(pino.stdSerializers.err(e)) },
  };
  return stream ? pino(options, stream) : pino(options);
}

/**
 * The request id and the access log, without a logger object per request: the id goes on `req.id` and in the
 * `X-Correlation-Id` header at once, and a line is built only when its level is enabled. Successful requests are logged
 * at debug (a line per request is the costliest thing on a hot read path); 4xx at warn and 5xx at error always.
 * Log lines written during a request carry no request binding; the ones that matter (the error filter's) name it.
 */
export function requestLogging(logger: Logger) {
  return (
    req: IncomingMessage & { id?: string; originalUrl?: string },
    res: ServerResponse,
    next: () => void,
  ): void => {
    const id = `req_${randomUUID().replace(/-/g, '')}`;
    req.id = id;
    res.setHeader(CORRELATION_HEADER, id);
    if (!(req.url ?? '').startsWith('/health')) {
      const start = Date.now();
      res.once('close', () => {
        const status = res.statusCode;
        const level: Level = !res.writableFinished || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'debug';
        if (!logger.isLevelEnabled(level)) return;
        const line = {
          req: { id, method: req.method, url: req.originalUrl ?? req.url },
          res: { status },
          responseTime: Date.now() - start,
        };
        logger[level](
          line,
          !res.writableFinished ? 'request aborted' : status >= 500 ? 'request errored' : 'request completed',
        );
      });
    }
    next();
  };
}

type NestLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's LoggerService on pino. Nest passes the logger's context as the last argument; an object first argument is
 * merged into the line (an Error goes under `err`), the rest is the message.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: NestLevel, message: unknown, rest: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const params = rest.slice(0, -1);
    if (rest.length > 0) fields.context = rest[rest.length - 1];
    if (message instanceof Error) {
      fields.err = message;
      this.logger[level](fields, ...(params as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level](Object.assign(fields, message), ...(params as [string?]));
    } else if (
      level === 'error' &&
      params.length === 1 &&
      typeof params[0] === 'string' &&
      params[0].includes('\n    at ')
    ) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(String(message));
      err.stack = params[0];
      this.logger.error({ ...fields, err });
    } else {
      this.logger[level](fields, String(message), ...(params as []));
    }
  }
}
