/** Every error code the API can answer, in lower snake case. One switch maps each to its HTTP status. */
export enum ErrorCode {
  InvalidRequest = 'invalid_request',
  InvalidScope = 'invalid_scope',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  WalletsNotEnabled = 'wallets_not_enabled',
  NotFound = 'not_found',
  WalletNotFound = 'wallet_not_found',
  MethodNotAllowed = 'method_not_allowed',
  Conflict = 'conflict',
  WalletNotActive = 'wallet_not_active',
  IdempotencyKeyInUse = 'idempotency_key_in_use',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  UnsupportedAssetNetwork = 'unsupported_asset_network',
  InvalidAddress = 'invalid_address',
  InvalidAmount = 'invalid_amount',
  InsufficientFunds = 'insufficient_funds',
  AmountBelowDust = 'amount_below_dust',
  IdempotencyKeyReused = 'idempotency_key_reused',
  InvalidChain = 'invalid_chain',
  InvalidNetwork = 'invalid_network',
  InvalidUrl = 'invalid_url',
  WalletCurrencyMismatch = 'wallet_currency_mismatch',
  RateLimited = 'rate_limited',
  ServerError = 'server_error',
  ServiceUnavailable = 'service_unavailable',
}

function assertUnreachable(value: never): never {
  throw new Error(`Unhandled error code: ${String(value)}`);
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.InvalidRequest:
    case ErrorCode.InvalidScope:
      return 400;
    case ErrorCode.Unauthorized:
      return 401;
    case ErrorCode.Forbidden:
    case ErrorCode.WalletsNotEnabled:
      return 403;
    case ErrorCode.NotFound:
    case ErrorCode.WalletNotFound:
      return 404;
    case ErrorCode.MethodNotAllowed:
      return 405;
    case ErrorCode.Conflict:
    case ErrorCode.WalletNotActive:
    case ErrorCode.IdempotencyKeyInUse:
      return 409;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.UnsupportedAssetNetwork:
    case ErrorCode.InvalidAddress:
    case ErrorCode.InvalidAmount:
    case ErrorCode.InsufficientFunds:
    case ErrorCode.AmountBelowDust:
    case ErrorCode.IdempotencyKeyReused:
    case ErrorCode.InvalidChain:
    case ErrorCode.InvalidNetwork:
    case ErrorCode.InvalidUrl:
    case ErrorCode.WalletCurrencyMismatch:
      return 422;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.ServerError:
      return 500;
    case ErrorCode.ServiceUnavailable:
      return 503;
    default:
      return assertUnreachable(code);
  }
}

/** The code a bare HTTP status maps to, for errors raised by the framework rather than by our services. */
export function errorCodeOfStatus(status: number): ErrorCode {
  if (status === 401) return ErrorCode.Unauthorized;
  if (status === 403) return ErrorCode.Forbidden;
  if (status === 404) return ErrorCode.NotFound;
  if (status === 405) return ErrorCode.MethodNotAllowed;
  if (status === 409) return ErrorCode.Conflict;
  if (status === 413) return ErrorCode.PayloadTooLarge;
  if (status === 415) return ErrorCode.UnsupportedMediaType;
  if (status === 429) return ErrorCode.RateLimited;
  if (status === 503) return ErrorCode.ServiceUnavailable;
  if (status >= 400 && status < 500) return ErrorCode.InvalidRequest;
  return ErrorCode.ServerError;
}
