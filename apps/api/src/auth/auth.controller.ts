import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { TokenService } from '@app/auth';
import { DomainError, ErrorCode, ErrorEnvelopeDto } from '@app/common';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';

function basicCredentials(authorization?: string): { id: string; secret: string } | undefined {
  const match = authorization && /^Basic\s+(\S+)$/i.exec(authorization);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0
    ? { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
    : undefined;
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
    return this.tokens.issue(id, secret, body.scope);
  }
}
