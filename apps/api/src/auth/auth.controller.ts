import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { TokenService } from '@app/auth';
import { DomainError, ErrorCode, ErrorEnvelopeDto } from '@app/common';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';

/** Standard base64 (RFC 4648 section 4), padded or not: what RFC 7617 Basic credentials are encoded in. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // a malformed %-escape (URIError)
  }
}

/**
 * The client id and secret of an `Authorization: Basic` header (RFC 6749 section 2.3.1: each %-encoded, then
 * joined by a colon and base64-encoded); undefined when there is no Basic header. A Basic header that is not that
 * (bad base64, no colon, an empty id, a bad %-escape) is refused as invalid credentials: 401.
 */
function basicCredentials(authorization?: string): { id: string; secret: string } | undefined {
  const match = authorization && /^Basic\s+(\S*)$/i.exec(authorization);
  if (!match) return undefined;
  const refused = () => new DomainError(ErrorCode.Unauthorized, 'Malformed HTTP Basic credentials');
  if (!match[1] || !BASE64.test(match[1])) throw refused();
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const id = colon > 0 ? decodeComponent(decoded.slice(0, colon)) : undefined;
  const secret = colon > 0 ? decodeComponent(decoded.slice(colon + 1)) : undefined;
  if (!id || secret === undefined) throw refused();
  return { id, secret };
}

@ApiTags('Authentication')
@Controller('auth')
export class AuthController {
  constructor(private readonly tokens: TokenService) {}

  /**
   * OAuth 2.0 client credentials: exchange an API key id and secret for a short-lived JWT. Send it as
   * `Authorization: Bearer <access_token>`; writes made with it also need `X-CSRF-Token: <csrf_token>`.
   * In the playground the returned token and CSRF token are filled into the Bearer and CsrfToken schemes.
   */
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Issue an access token' })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBadRequestResponse({ description: 'Bad grant type or scope not granted to the key', type: ErrorEnvelopeDto })
  @ApiUnauthorizedResponse({ description: 'Invalid client credentials', type: ErrorEnvelopeDto })
  @ApiTooManyRequestsResponse({
    description: "The key's rate limit: token requests count like any other request of the key",
    type: ErrorEnvelopeDto,
  })
  async issueToken(
    @Body() body: TokenRequestDto,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenResponseDto> {
    const basic = basicCredentials(authorization);
    const id = body.client_id ?? basic?.id;
    const secret = body.client_secret ?? basic?.secret;
    if (!id || !secret) {
      throw new DomainError(
        ErrorCode.InvalidRequest,
        'client_id and client_secret are required (in the body or as HTTP Basic)',
      );
    }
    res.setHeader('Cache-Control', 'no-store');
    const { token, headers } = await this.tokens.issue(id, secret, body.scope);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return token;
  }
}
