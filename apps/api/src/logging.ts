import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
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

export function loggerParams(config: AppConfig, stream?: NodeJS.WritableStream): Params {
  const options: Options = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      // randomUUID draws from a buffered pool: no syscall per request.
      const id = `req_${randomUUID().replace(/-/g, '')}`;
      res.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    // Successful requests are logged at debug: a log line per request is the costliest thing on a hot read path.
    // Failures (4xx warn, 5xx error) are always logged.
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
    // Our serializers get the raw objects (pino's standard ones would first copy every header, then ours drop them).
    wrapSerializers: false,
    serializers: {
      req: (req: { id: string; method: string; url: string; originalUrl?: string }) => ({ id: req.id, method: req.method, url: req.originalUrl ?? req.url }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
  };
  return { pinoHttp: stream ? [options, stream] : options };
}
