import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SECURITY } from '@app/auth';
import { ErrorEnvelopeDto } from '@app/common';
import { AppConfig } from '@app/config';
import {
  addErrorExamples,
  describeSuccessResponses,
  moveOptionalParameterExamples,
  operationsOf,
} from './document-polish';
import { requestInterceptor, responseInterceptor } from './playground';

const DESCRIPTION = `
Custodial multi-asset wallets: wallets, receive addresses per (asset, network), balances, deposits, transfers and
signed webhooks.

**Authenticate in this playground**: click **Authorize** and paste your key as \`<api_key_id>.<api_secret>\` into
**ApiKey** (on a devnet deployment the development key is printed at first start and written to
\`DATA_DIR/dev-credentials.json\`). The playground signs every request with HMAC in your browser, so writes work too.
Or call \`POST /v1/auth/token\` here: the returned token fills **Bearer** and **CsrfToken** for you. On a devnet
deployment both are kept in this browser across reloads. Optional parameters start empty: their examples are in their
descriptions. \`POST /v1/master-wallets\` takes only HMAC-signed requests (**ApiKey**).

**Authentication schemes**
1. *HMAC-signed requests* (server to server): headers \`X-API-Key: <api_key_id>\`, \`X-Timestamp: <unix seconds>\`,
   \`X-Request-ID: <unique, 8-128 chars>\`, \`X-Signature: hex(HMAC-SHA256(api_secret, string_to_sign))\` where
   \`string_to_sign = timestamp + "\\n" + METHOD + "\\n" + path_with_query + "\\n" + request_id + "\\n" + hex(SHA-256(raw body))\`.
   Timestamps more than 5 minutes off and reused request ids are refused.
2. *Bearer JWT* from \`POST /v1/auth/token\` (OAuth 2.0 client credentials). Writes also need \`X-CSRF-Token\`.
3. *Plain key* \`X-API-Key: <api_key_id>.<api_secret>\`: reads only.

**Errors** always answer \`{"error":{"code","message","details"}}\`. **Money** is a decimal string plus a \`*_raw\`
string of base units; never a JSON number. Lists use cursor pagination: \`?limit&cursor\` -> \`{data, next_cursor}\`.
`;

export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Wallets API')
    .setDescription(DESCRIPTION)
    .setVersion('1.0.0')
    .addSecurity(SECURITY.apiKey, {
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
      description:
        'Server to server: the key id, with X-Timestamp, X-Request-ID and X-Signature. Reads: `<id>.<secret>`. ' +
        'In this playground paste `<id>.<secret>`: requests are signed for you.',
    })
    .addSecurity(SECURITY.bearer, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token from POST /v1/auth/token',
    })
    .addSecurity(SECURITY.csrf, {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description: 'csrf_token from POST /v1/auth/token; required on writes with a bearer token',
    });
  if (config.isDevnet) builder.addServer('/', 'This deployment (devnet)');
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (_controller: string, method: string) => method,
    extraModels: [ErrorEnvelopeDto],
  });
  declareTags(document);
  addDefaultErrorResponses(document);
  addErrorExamples(document);
  describeSuccessResponses(document);
  moveOptionalParameterExamples(document);
  return document;
}

/** What each group of operations is for; the playground shows the groups in this order. */
const TAGS: Record<string, string> = {
  Authentication: 'Access tokens for the bearer scheme (OAuth 2.0 client credentials)',
  Wallets: 'Wallets of your end users: multi-asset, single-asset or fiat',
  Addresses: 'Receive addresses of a wallet, per asset and network',
  Balances: 'Balance figures of wallets, from the ledger',
  Transfers: 'Sends from a wallet: internal, on-chain, batches, adjustments, the address book',
  Transactions: 'Deposits and sends as transactions: read, cancel, speed up',
  'Master wallets': "The organization's master addresses per chain, where deposits are swept and sends leave from",
  Webhooks: 'Signed webhook endpoints, deliveries and the event feed',
  Networks: 'The networks and assets this deployment offers, with their sync state and fees',
  Health: 'Liveness and readiness probes',
  'Sandbox (devnet only)': 'Deposits, mining, snapshots and prices on the local devnet',
};

/** The global tag list: every tag an operation uses, described (Spectral's operation-tag-defined). */
function declareTags(document: OpenAPIObject): void {
  const used = new Set(operationsOf(document).flatMap(({ op }) => op.tags ?? []));
  const known = Object.keys(TAGS).filter((name) => used.has(name));
  const others = [...used].filter((name) => !(name in TAGS)).sort();
  document.tags = [...known, ...others].map((name) => ({ name, ...(TAGS[name] ? { description: TAGS[name] } : {}) }));
}

/** Every operation documents the error envelope; every authenticated POST/PATCH documents Idempotency-Key. */
function addDefaultErrorResponses(document: OpenAPIObject): void {
  const envelope = { $ref: '#/components/schemas/ErrorEnvelopeDto' };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      operation.responses['400'] ??= {
        description: 'Invalid request (`invalid_request`)',
        content: { 'application/json': { schema: envelope } },
      };
      const params = (operation.parameters ??= []);
      if (
        (method === 'post' || method === 'patch') &&
        operation.security?.length &&
        !params.some((p) => 'name' in p && p.name === 'Idempotency-Key')
      ) {
        params.push({
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Optional here: a retry with the same key replays the stored response instead of running again.',
          schema: { type: 'string' },
        });
      }
      operation.responses['500'] ??= {
        description: 'Server error (`server_error`); details carry the request id, also in X-Correlation-Id',
        content: { 'application/json': { schema: envelope } },
      };
    }
  }
}

/** Swagger UI is served under `/docs/`, the document at `/docs-json` and `/docs-yaml`. */
export const DOCS_PATH = 'docs';

/** The Swagger UI page and its assets (they get the CSP that lets Swagger UI run, see security-headers.ts). */
export function isSwaggerUiPath(path: string): boolean {
  return path === `/${DOCS_PATH}` || path.startsWith(`/${DOCS_PATH}/`);
}

export function setupSwagger(app: INestApplication, config: AppConfig): OpenAPIObject {
  const document = buildOpenApiDocument(app, config);
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'Wallets API',
    swaggerOptions: {
      // Keeps a pasted `id.secret` or token in the browser's localStorage across reloads: a devnet convenience only.
      persistAuthorization: config.isDevnet,
      displayRequestDuration: true,
      showExtensions: true,
      tryItOutEnabled: true,
      requestInterceptor,
      responseInterceptor,
    },
  });
  return document;
}
