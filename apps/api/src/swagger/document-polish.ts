import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorCode, httpStatusOf } from '@app/common';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ENVELOPE_REF = '#/components/schemas/ErrorEnvelopeDto';

/** Every operation of the document, with its path and method. */
export function operationsOf(document: OpenAPIObject): Array<{ path: string; method: string; op: OperationObject }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
}

/**
 * Swagger UI fills every parameter that has an example (or a default) into "Try it out" and sends it: an optional
 * filter's example then filters (`GET /v1/wallets?external_id=player-12345&status=active` finds nothing), and
 * examples of mutually exclusive parameters together are a 422. Swagger UI 5 has no option to stop it, so the
 * example of an optional query or header parameter moves into its description: shown, not sent. Required ones
 * keep theirs (they must be filled anyway).
 */
export function moveOptionalParameterExamples(document: OpenAPIObject): void {
  for (const { op } of operationsOf(document)) {
    for (const p of op.parameters ?? []) {
      if ('$ref' in p || p.required || (p.in !== 'query' && p.in !== 'header')) continue;
      const schema = p.schema && !('$ref' in p.schema) ? p.schema : undefined;
      const example: unknown = p.example ?? schema?.example;
      const fallback: unknown = schema?.default;
      delete p.example;
      delete p.examples;
      if (schema) {
        delete schema.example;
        delete schema.default;
      }
      const notes = [
        example !== undefined ? `Example: \`${format(example)}\`.` : '',
        fallback !== undefined ? `Default: \`${format(fallback)}\`.` : '',
      ].filter(Boolean);
      if (notes.length) p.description = [p.description?.trim(), ...notes].filter(Boolean).join(' ');
    }
  }
}

function format(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What each success response is, by operationId; an operation not listed gets the status's plain meaning. */
const SUCCESS: Record<string, Partial<Record<string, string>>> = {
  live: { 200: 'The process is up' },
  ready: { 200: 'Ready to serve: PostgreSQL answers' },
  issueToken: { 200: 'The access token, its lifetime and scopes, and the CSRF token for writes' },
  listNetworks: { 200: 'Every network of this deployment with its assets, confirmations and scanner status' },
  createWallet: { 201: 'The new wallet, `pending` until provisioning completes' },
  listWallets: { 200: 'A page of wallets, newest first, and the cursor of the next page' },
  getWallet: { 200: 'The wallet' },
  updateWallet: { 200: 'The updated wallet' },
  createAddress: { 201: 'The new receive address' },
  listAddresses: { 200: "A page of the wallet's receive addresses and the cursor of the next page" },
  validateAddress: { 200: 'Whether the address is valid on the network, and its normalized form' },
  listMasterWallets: { 200: 'A page of master wallets, their count and the cursor of the next page' },
  getMasterWallet: { 200: 'The master wallet' },
  getMasterWalletBalances: { 200: 'Every token balance of the master address' },
  getMasterWalletBalance: { 200: "The token's balance with `pending_in` and `pending_out`" },
  lookupBalances: { 200: "The wallet's balances" },
  getWalletBalances: { 200: 'The balance figures per network and asset' },
  getWalletBalance: { 200: "One asset's balance figures" },
  listWalletTransactions: { 200: 'A page of transactions, newest first, and the cursor of the next page' },
  getTransaction: { 200: 'The transaction' },
  createTransfer: { 201: 'The transfer: `confirmed` at once if internal, else `pending` with its `sub_status`' },
  createBatch: { 201: 'The batch with every item; all amounts are held' },
  cancel: { 200: 'The canceled send, now `failed` with its hold voided' },
  speedUp: { 200: 'The send with its `speed_up` (method, other tx hash, extra fee)' },
  getBatch: { 200: 'The batch with every item' },
  getFees: { 200: 'Fee estimates per fee level' },
  createExternalAccount: { 201: 'The new address book entry' },
  listExternalAccounts: { 200: 'A page of address book entries and the cursor of the next page' },
  getExternalAccount: { 200: 'The address book entry' },
  deleteExternalAccount: { 200: 'Deleted' },
  createWebhookEndpoint: { 201: 'The new endpoint with its signing secret (shown this once)' },
  listWebhookEndpoints: { 200: 'A page of webhook endpoints and the cursor of the next page' },
  getWebhookEndpoint: { 200: 'The webhook endpoint' },
  updateWebhookEndpoint: { 200: 'The updated endpoint' },
  deleteWebhookEndpoint: { 200: 'Deleted' },
  rotateWebhookSecret: { 201: 'The new signing secret (shown this once) and when the old one stops working' },
  testWebhookEndpoint: { 201: 'The test event, queued for delivery' },
  recoverWebhookDeliveries: { 200: 'How many failed deliveries were queued again' },
  listWebhookDeliveries: { 200: 'A page of deliveries and the cursor of the next page' },
  getWebhookDelivery: { 200: 'The delivery and its attempts' },
  redeliverWebhook: { 201: 'The new delivery of the same event' },
  listEvents: { 200: 'Events after `after`, oldest first, and whether more follow' },
  sandboxDeposit: { 201: 'The devnet transaction that funds the address' },
  sandboxMine: { 200: 'The new chain head' },
  sandboxSnapshot: { 201: 'The snapshot id to revert to' },
  sandboxRevert: { 200: 'The chain head after the revert' },
};

const STATUS_TEXT: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

/** Every success response has a description (OpenAPI requires one; Swagger UI shows an empty cell otherwise). */
export function describeSuccessResponses(document: OpenAPIObject): void {
  for (const { op } of operationsOf(document)) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^2/.test(status) || !response || '$ref' in response || response.description) continue;
      response.description = SUCCESS[op.operationId ?? '']?.[status] ?? STATUS_TEXT[status] ?? 'Success';
    }
  }
}

/** The example error of a status when the response's description names no code of that status. */
const DEFAULT_CODE: Record<string, ErrorCode> = {
  400: ErrorCode.InvalidRequest,
  401: ErrorCode.Unauthorized,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  422: ErrorCode.UnsupportedAssetNetwork,
  429: ErrorCode.RateLimited,
  500: ErrorCode.ServerError,
  503: ErrorCode.ServiceUnavailable,
};

const EXAMPLE_ERRORS: Partial<Record<ErrorCode, { message: string; details: Record<string, unknown> }>> = {
  [ErrorCode.InvalidRequest]: {
    message: 'Invalid request: limit must not be greater than 100',
    details: { fields: [{ field: 'limit', message: 'limit must not be greater than 100' }] },
  },
  [ErrorCode.Unauthorized]: { message: 'Authentication failed', details: {} },
  [ErrorCode.Forbidden]: { message: 'Forbidden', details: {} },
  [ErrorCode.WalletsNotEnabled]: { message: 'Wallets are not enabled for this organization', details: {} },
  [ErrorCode.NotFound]: { message: 'Not found', details: {} },
  [ErrorCode.WalletNotFound]: { message: 'Master wallet not found', details: {} },
  [ErrorCode.Conflict]: { message: 'This external_id is already used in your organization', details: {} },
  [ErrorCode.WalletNotActive]: { message: 'The wallet is not active', details: {} },
  [ErrorCode.IdempotencyKeyInUse]: {
    message: 'A request with this Idempotency-Key is still in progress',
    details: {},
  },
  [ErrorCode.UnsupportedAssetNetwork]: {
    message: 'USDT on polygon is not supported',
    details: { asset: 'USDT', network: 'polygon', supported: [{ asset: 'USDC', network: 'polygon' }] },
  },
  [ErrorCode.InvalidAddress]: { message: 'Not a valid ethereum address', details: { field: 'address' } },
  [ErrorCode.InvalidAmount]: { message: 'amount has more decimals than the asset', details: { field: 'amount' } },
  [ErrorCode.InsufficientFunds]: {
    message: 'Insufficient funds',
    details: { available: '10.00', available_raw: '10000000' },
  },
  [ErrorCode.InvalidUrl]: { message: 'The URL must be https', details: { field: 'url' } },
  [ErrorCode.RateLimited]: {
    message: 'Rate limit exceeded: at most 50 requests per second for this API key (bursts of 100)',
    details: { retry_after_seconds: 1 },
  },
  [ErrorCode.ServerError]: {
    message: 'Internal server error',
    details: { request_id: '9d2f5c1e-7b3a-4e8f-a6d0-1c2b3a4d5e6f' },
  },
  [ErrorCode.ServiceUnavailable]: { message: 'Database unreachable', details: { database: 'down' } },
};

const CODES = new Set<string>(Object.values(ErrorCode));

/** The code an error response documents: the first code of that status its description names, else the default. */
export function exampleCodeOf(status: string, description: string | undefined): ErrorCode | undefined {
  const named = [...(description ?? '').matchAll(/`([a-z_]+)`/g)]
    .map((m) => m[1])
    .find((c): c is ErrorCode => CODES.has(c) && String(httpStatusOf(c as ErrorCode)) === status);
  return named ?? DEFAULT_CODE[status];
}

/**
 * Each error response shows an example of its own status (the envelope schema's single example said `not_found`
 * on every row), and every authenticated operation documents the 429 of its API key's rate limit.
 */
export function addErrorExamples(document: OpenAPIObject): void {
  for (const { op } of operationsOf(document)) {
    if (op.security?.length) {
      op.responses['429'] ??= {
        description:
          "`rate_limited`: this API key's requests per second are used up; retry after `Retry-After` seconds",
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
        content: { 'application/json': { schema: { $ref: ENVELOPE_REF } } },
      };
    }
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^[45]/.test(status) || !response || '$ref' in response) continue;
      const media = response.content?.['application/json'];
      if (!media || !isEnvelope(media.schema)) continue;
      const code = exampleCodeOf(status, response.description);
      if (!code) continue;
      const scope = (op as { 'x-required-scope'?: string })['x-required-scope'];
      const sample =
        code === ErrorCode.Forbidden && scope
          ? { message: `This API key lacks the ${scope} scope`, details: { required_scope: scope } }
          : (EXAMPLE_ERRORS[code] ?? { message: response.description ?? code, details: {} });
      media.example = { error: { code, message: sample.message, details: sample.details } };
    }
  }
}

function isEnvelope(schema: SchemaObject | ReferenceObject | undefined): boolean {
  if (!schema) return false;
  if ('$ref' in schema) return schema.$ref === ENVELOPE_REF;
  return schema.allOf?.length === 1 && isEnvelope(schema.allOf[0]);
}
