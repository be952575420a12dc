import { IsIn, IsString, MaxLength } from 'class-validator';
import { Optional } from '@app/common';

/** OAuth 2.0 client credentials grant (RFC 6749 section 4.4), as JSON or as a form. */
export class TokenRequestDto {
  /** @example "client_credentials" */
  @IsIn(['client_credentials'], { message: 'grant_type must be client_credentials' })
  grant_type!: 'client_credentials';

  /**
   * The API key id. May instead come in an `Authorization: Basic` header.
   * @example "ak_3f9c2b7e8a1d4c6f0b5e9a2d"
   */
  @Optional()
  @IsString()
  @MaxLength(64)
  client_id?: string;

  /**
   * The API key secret. May instead come in an `Authorization: Basic` header.
   * @example "sk_EXAMPLE_not_a_real_secret"
   */
  @Optional()
  @IsString()
  @MaxLength(256)
  client_secret?: string;

  /**
   * Space-separated scopes to narrow the token to; default all of the key's scopes.
   * @example "read:wallets write:wallets"
   */
  @Optional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class TokenResponseDto {
  /**
   * JWT to send as `Authorization: Bearer <access_token>`.
   * @example "eyJhbGciOi..."
   */
  access_token!: string;
  /** @example "Bearer" */
  token_type!: 'Bearer';
  /**
   * Lifetime in seconds.
   * @example 900
   */
  expires_in!: number;
  /** @example "read:wallets write:wallets read:webhooks write:webhooks" */
  scope!: string;
  /**
   * Send as `X-CSRF-Token` on every write made with this token.
   * @example "EXAMPLE_csrf_token_not_real"
   */
  csrf_token!: string;
}
