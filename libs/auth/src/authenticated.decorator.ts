import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@app/common';
import { AUTH_OPTIONS, AuthenticatedOptions, AuthenticationGuard } from './authentication.guard';
import { isWriteScope } from './scopes';

/** OpenAPI security scheme names, shared with the Swagger document builder. */
export const SECURITY = { apiKey: 'ApiKey', bearer: 'Bearer', csrf: 'CsrfToken' } as const;

/**
 * One decorator sets the guard metadata and the OpenAPI security of a route together, so the playground can
 * never disagree with the guard.
 */
export function Authenticated(options: AuthenticatedOptions): MethodDecorator & ClassDecorator {
  const write = isWriteScope(options.scope);
  const security = options.hmacOnly
    ? [ApiSecurity(SECURITY.apiKey)]
    : [
        ApiSecurity(SECURITY.apiKey),
        write ? ApiSecurity({ [SECURITY.bearer]: [], [SECURITY.csrf]: [] }) : ApiSecurity(SECURITY.bearer),
      ];
  return applyDecorators(
    SetMetadata(AUTH_OPTIONS, options),
    UseGuards(AuthenticationGuard),
    ...security,
    ApiExtension('x-required-scope', options.scope),
    ApiUnauthorizedResponse({
      description: options.hmacOnly
        ? 'Not HMAC-signed (this route takes no bearer token: in the playground authorize **ApiKey**), skewed ' +
          'timestamp, reused request id, bad signature'
        : 'Missing or invalid credentials, skewed timestamp, reused request id, bad signature',
      type: ErrorEnvelopeDto,
    }),
    ApiForbiddenResponse({
      description: `Missing scope \`${options.scope}\`${write ? ', missing X-CSRF-Token (bearer), or wallets not enabled' : ''}`,
      type: ErrorEnvelopeDto,
    }),
  );
}
