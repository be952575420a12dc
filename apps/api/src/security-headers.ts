import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NextFunction, Request, Response } from 'express';
import helmet, { HelmetOptions } from 'helmet';
import { AppConfig } from '@app/config';
import { CORRELATION_HEADER } from './logging';
import { REPLAYED_HEADER } from './idempotency/idempotency.interceptor';
import { isSwaggerUiPath } from './swagger/swagger';

/**
 * The JSON API loads, runs and embeds nothing: no source is allowed, and no page may frame it (OWASP REST Security
 * Cheat Sheet).
 */
const API_CSP = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI as @nestjs/swagger serves it: its scripts are same-origin files (the bundle, the preset and
 * swagger-ui-init.js, which carries our interceptors as source text), but the page has inline <style> blocks and
 * style attributes, and swagger-ui.css draws its icons from data: URLs. "Try it out" calls this same origin.
 */
const SWAGGER_UI_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/**
 * helmet's headers on every response (errors and 404s included). Outside devnet the service is meant to be served
 * over https (behind a TLS-terminating proxy): HSTS and `upgrade-insecure-requests` there; a devnet on
 * http://127.0.0.1 gets neither, since a browser would then refuse or upgrade its plain-http URLs.
 */
export function securityHeaders(config: AppConfig): (req: Request, res: Response, next: NextFunction) => void {
  const https = !config.isDevnet;
  const upgrade: Record<string, string[]> = https ? { 'upgrade-insecure-requests': [] } : {};
  const options = (directives: Record<string, string[]>): HelmetOptions => ({
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, ...upgrade } },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const api = helmet(options(API_CSP));
  const swaggerUi = helmet(options(SWAGGER_UI_CSP));
  return (req, res, next) => (isSwaggerUiPath(req.path) ? swaggerUi : api)(req, res, next);
}

/** CORS for the configured exact origins only; `undefined` (no CORS headers at all) when none is configured. */
export function corsOptions(config: AppConfig): CorsOptions | undefined {
  if (!config.corsOrigins.length) return undefined;
  return {
    // A list: the request's Origin is echoed only when it equals one of them, with `Vary: Origin`.
    origin: [...config.corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    // Authentication is by headers (HMAC, bearer, CSRF token), never cookies.
    credentials: false,
    // What a browser client reads: the request id, replays, where a created resource is, and the rate limits.
    exposedHeaders: [CORRELATION_HEADER, REPLAYED_HEADER, 'Location', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  };
}
