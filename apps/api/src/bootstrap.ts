import { DynamicModule, Type, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AllExceptionsFilter, checkRequestInput, createValidationPipe, Metrics } from '@app/common';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module';
import { ExpressHttpAdapter } from './http-adapter';
import { createLogger, NestPinoLogger, requestLogging } from './logging';
import { httpMetrics } from './metrics/http-metrics';
import { corsOptions, securityHeaders } from './security-headers';
import { setupSwagger } from './swagger/swagger';

export const BODY_LIMIT = '256kb';

/** Builds the HTTP application: used by main.ts, the e2e tests and the benchmarks alike. */
export interface CreateAppOptions {
  /** Extra modules (tests mount fault-injection routes this way). */
  imports?: Array<Type | DynamicModule>;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const logger = createLogger(config, options.logStream);
  // Body parsers are added below, after the request id: a body the parser refuses is logged with its id too.
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.imports),
    new ExpressHttpAdapter(),
    {
      rawBody: true,
      bodyParser: false,
      logger: new NestPinoLogger(logger),
    },
  );
  app.disable('x-powered-by');
  // First, so that its clock starts before anything else runs and every answer is counted.
  app.use(httpMetrics(app.get(Metrics)));
  // Next, so that every response carries them, a body the parser refuses and a 404 included.
  app.use(securityHeaders(config));
  const cors = corsOptions(config);
  if (cors) app.enableCors(cors);
  app.use(requestLogging(logger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  // An optional body may be absent: validate it as `{}` rather than as nothing.
  app.use((req: { body?: unknown }, _res: unknown, next: () => void) => {
    req.body ??= {};
    next();
  });
  // Every body and query string, before anything walks it: too deep, or text PostgreSQL cannot store, is a 400.
  app.use((req: { body: unknown; query: unknown; url: string }, _res: unknown, next: (e?: unknown) => void) =>
    next(
      checkRequestInput(req.body, 'body') ??
        (req.url.includes('?') ? checkRequestInput(req.query, 'query') : undefined),
    ),
  );
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (!config.roles.has('api')) {
    // A jobs-only replica still answers /health for its orchestrator, and nothing else.
    app.use((req: { path: string }, res: { status(n: number): { json(b: unknown): void } }, next: () => void) =>
      req.path.startsWith('/health/')
        ? next()
        : res.status(404).json({ error: { code: 'not_found', message: 'This replica runs jobs only', details: {} } }),
    );
  }
  if (config.swaggerEnabled && config.roles.has('api')) setupSwagger(app, config);
  return app;
}
