export {
  createWalletsClient,
  type HmacAuth,
  type ListInit,
  type ListItem,
  type ListPath,
  type PlainKeyAuth,
  type RetryOptions,
  type TokenAuth,
  type WalletsAuth,
  type WalletsClient,
  type WalletsClientOptions,
  type WalletsPaths,
} from './client';
export { isErrorEnvelope, unwrap, WalletsApiError, type CallResult, type ErrorEnvelope } from './errors';
export {
  HmacSigner,
  pathWithQuery,
  sha256Hex,
  signingString,
  type HmacCredentials,
  type HmacHeaders,
  type SignableRequest,
  type SignOptions,
} from './hmac';
export { WebhookVerificationError, WebhookVerifier, type HeadersLike, type WebhookEvent } from './webhooks';
export type { components, operations, paths } from './generated/openapi';
