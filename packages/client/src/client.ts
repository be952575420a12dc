import createClient, { type Client, type HeadersOptions } from 'openapi-fetch';
import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { unwrap, WalletsApiError } from './errors';
import type { paths } from './generated/openapi';
import { HmacSigner } from './hmac';

/**
 * The API's paths as the client takes them: `Idempotency-Key` is optional on every write, because the client sends a
 * fresh one when the caller gives none.
 */
export type WalletsPaths = {
  [P in keyof paths]: { [M in keyof paths[P]]: M extends 'post' | 'patch' ? OptionalKey<paths[P][M]> : paths[P][M] };
};

type OptionalKey<Operation> = Operation extends {
  parameters: { header: { 'Idempotency-Key': string } };
}
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'header'> & {
        header?: Omit<Operation['parameters']['header'], 'Idempotency-Key'> & { 'Idempotency-Key'?: string };
      };
    }
  : Operation;

/** Server to server (recommended): every request signed with the key's secret. */
export interface HmacAuth {
  type: 'hmac';
  apiKeyId: string;
  apiSecret: string;
}

/** OAuth 2.0 client credentials: a bearer token from `POST /v1/auth/token`, refreshed before it expires. */
export interface TokenAuth {
  type: 'token';
  clientId: string;
  clientSecret: string;
  /** Narrows the token (`read:wallets`, ...); default every scope of the key. */
  scope?: string | readonly string[];
  /** A token is replaced this long before it expires; default 60 s. */
  refreshMarginSeconds?: number;
}

/** `X-API-Key: <id>.<secret>`: reads only. */
export interface PlainKeyAuth {
  type: 'key';
  apiKeyId: string;
  apiSecret: string;
}

export type WalletsAuth = HmacAuth | TokenAuth | PlainKeyAuth;

export interface RetryOptions {
  /** Attempts in all, the first included; default 3. */
  attempts?: number;
  /** Backoff before the second attempt, doubled each time; default 200 ms. */
  minDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included; default 10 s. */
  maxDelayMs?: number;
}

export interface WalletsClientOptions {
  /** Where the API is, e.g. `https://wallets.example.com` (the paths carry `/v1`). */
  baseUrl: string;
  auth: WalletsAuth;
  /** The transport; default `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Retries of a request that did not get an answer (network error) or got 429, 502, 503, 504 or 409
   * `idempotency_key_in_use`: reads, and writes with their `Idempotency-Key` (the same key on every attempt, so a
   * write runs once). `false` turns retries off.
   */
  retry?: RetryOptions | false;
  /** Makes the `Idempotency-Key` of a write sent without one; default a random UUID. */
  idempotencyKey?: () => string;
  /** Milliseconds since the epoch (HMAC timestamps, token expiry); default `Date.now`. */
  clock?: () => number;
  /** Headers sent on every request. */
  headers?: HeadersOptions;
}

/** The routes that answer `{data, next_cursor}` and take `?cursor`. */
export type ListPath = {
  [P in PathsWithMethod<paths, 'get'>]: paths[P]['get'] extends {
    responses: { 200: { content: { 'application/json': { data: unknown[]; next_cursor: string | null } } } };
  }
    ? P
    : never;
}[PathsWithMethod<paths, 'get'>];

type ListOperation<P extends ListPath> = paths[P]['get'];

/** One element of a list route's `data`. */
export type ListItem<P extends ListPath> =
  ListOperation<P>['responses'][200]['content']['application/json']['data'][number];

/** What a list is asked for: the route's path parameters and filters; the cursor is the iterator's business. */
export type ListInit<P extends ListPath> = {
  params: Omit<ListOperation<P>['parameters'], 'query'> & {
    query?: Omit<NonNullable<ListOperation<P>['parameters']['query']>, 'cursor'>;
  };
  headers?: HeadersOptions;
};

type ListArgs<P extends ListPath> = ListOperation<P>['parameters'] extends { path: Record<string, unknown> }
  ? [init: ListInit<P>]
  : [init?: ListInit<P>];

export interface WalletsClient extends Client<WalletsPaths> {
  /**
   * Every item of a list route, page after page (`?cursor=<next_cursor>` until it is null), fetched as the loop
   * asks for them: `for await (const wallet of client.paginate('/v1/wallets', { params: { query: { limit: 100 } } }))`.
   */
  paginate<P extends ListPath>(path: P, ...init: ListArgs<P>): AsyncIterableIterator<ListItem<P>>;
  /** The bearer token in use (fetched or refreshed first when needed); only with `auth.type: 'token'`. */
  accessToken(): Promise<string>;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The server takes an Idempotency-Key on these. */
const KEYED = new Set(['POST', 'PATCH']);
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const TOKEN_PATH = '/v1/auth/token';

interface TokenState {
  accessToken: string;
  csrfToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Fetches and caches bearer tokens; one request at a time however many calls need a token. */
class TokenSession {
  private current?: TokenState;
  private pending?: Promise<TokenState>;

  constructor(
    private readonly auth: TokenAuth,
    private readonly tokenUrl: string,
    private readonly transport: (request: Request) => Promise<Response>,
    private readonly clock: () => number,
  ) {}

  async get(): Promise<TokenState> {
    const margin = (this.auth.refreshMarginSeconds ?? 60) * 1000;
    if (this.current && this.clock() < this.current.expiresAt - margin) return this.current;
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forgets the token (the server refused it): the next request fetches another. */
  invalidate(token: TokenState): void {
    if (this.current === token) this.current = undefined;
  }

  private async fetch(): Promise<TokenState> {
    const requestedAt = this.clock();
    const scope = typeof this.auth.scope === 'string' ? this.auth.scope : this.auth.scope?.join(' ');
    const response = await this.transport(
      new Request(this.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: this.auth.clientId,
          client_secret: this.auth.clientSecret,
          ...(scope ? { scope } : {}),
        }),
      }),
    );
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw WalletsApiError.from(response, body);
    const token = body as { access_token: string; csrf_token: string; expires_in: number };
    // Counted from when it was asked for: the server's clock started no earlier.
    this.current = {
      accessToken: token.access_token,
      csrfToken: token.csrf_token,
      expiresAt: requestedAt + token.expires_in * 1000,
    };
    return this.current;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds of a `Retry-After` header (delta-seconds form), in milliseconds. */
function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

async function isKeyInUse(response: Response): Promise<boolean> {
  if (response.status !== 409) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
  return body?.error?.code === 'idempotency_key_in_use';
}

/** The client: openapi-fetch's typed `GET`/`POST`/... plus authentication, idempotency, retries and pagination. */
export function createWalletsClient(options: WalletsClientOptions): WalletsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const transport = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const clock = options.clock ?? Date.now;
  const newKey = options.idempotencyKey ?? (() => crypto.randomUUID());
  const retry = options.retry === false ? { attempts: 1 } : (options.retry ?? {});
  const attempts = Math.max(1, retry.attempts ?? 3);
  const minDelay = retry.minDelayMs ?? 200;
  const maxDelay = retry.maxDelayMs ?? 10_000;
  const { auth } = options;
  const signer = auth.type === 'hmac' ? new HmacSigner(auth, clock) : undefined;
  const tokens = auth.type === 'token' ? new TokenSession(auth, baseUrl + TOKEN_PATH, transport, clock) : undefined;

  /** Sets this attempt's credentials; returns the token used, if any. */
  async function authenticate(
    method: string,
    url: string,
    body: Uint8Array | undefined,
    headers: Headers,
  ): Promise<TokenState | undefined> {
    switch (auth.type) {
      case 'hmac':
        for (const [name, value] of Object.entries<string>({ ...(await signer!.sign({ method, url, body })) }))
          headers.set(name, value);
        return undefined;
      case 'token': {
        const token = await tokens!.get();
        headers.set('Authorization', `Bearer ${token.accessToken}`);
        if (WRITES.has(method)) headers.set('X-CSRF-Token', token.csrfToken);
        return token;
      }
      case 'key':
        headers.set('X-API-Key', `${auth.apiKeyId}.${auth.apiSecret}`);
        return undefined;
    }
  }

  async function send(request: Request): Promise<Response> {
    const method = request.method.toUpperCase();
    const url = request.url;
    const headers = new Headers(request.headers);
    if (KEYED.has(method) && !headers.has('idempotency-key') && new URL(url).pathname !== TOKEN_PATH) {
      headers.set('Idempotency-Key', newKey());
    }
    const bytes = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
    const body = bytes?.length ? bytes : undefined;
    // A write without a key may have run although its answer was lost: only the key makes a second attempt safe.
    const retriable = !KEYED.has(method) || headers.has('idempotency-key');
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const attemptHeaders = new Headers(headers);
      const token = await authenticate(method, url, body, attemptHeaders);
      let response: Response;
      try {
        response = await transport(new Request(url, { method, headers: attemptHeaders, body, signal: request.signal }));
      } catch (e) {
        if (!retriable || attempt >= attempts || request.signal.aborted) throw e;
        await sleep(Math.min(maxDelay, minDelay * 2 ** (attempt - 1)));
        continue;
      }
      if (response.status === 401 && token && !refreshed) {
        // Expired early or revoked: one new token, then the server's word stands. Not counted as an attempt.
        tokens!.invalidate(token);
        refreshed = true;
        attempt--;
        await response.body?.cancel();
        continue;
      }
      if (retriable && attempt < attempts && (RETRY_STATUSES.has(response.status) || (await isKeyInUse(response)))) {
        const wait = Math.min(maxDelay, retryAfterMs(response) ?? minDelay * 2 ** (attempt - 1));
        await response.body?.cancel();
        await sleep(wait);
        continue;
      }
      return response;
    }
  }

  const client = createClient<WalletsPaths>({ baseUrl, fetch: send, headers: options.headers });

  async function* paginate<P extends ListPath>(path: P, ...[init]: ListArgs<P>): AsyncIterableIterator<ListItem<P>> {
    let cursor: string | null = null;
    do {
      const query = { ...init?.params?.query, ...(cursor === null ? {} : { cursor }) };
      // The path is one of the list routes, which openapi-fetch's types cannot follow through a generic.
      const get = client.GET as unknown as (
        path: string,
        init: object,
      ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
      const page = unwrap(await get(path, { ...init, params: { ...init?.params, query } })) as {
        data: ListItem<P>[];
        next_cursor: string | null;
      };
      yield* page.data;
      cursor = page.next_cursor ?? null;
    } while (cursor !== null);
  }

  return Object.assign(client, {
    paginate,
    accessToken: async () => {
      if (!tokens) throw new Error('accessToken() needs auth.type "token"');
      return (await tokens.get()).accessToken;
    },
  });
}
