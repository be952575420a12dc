import { createHash, createHmac, randomUUID } from 'node:crypto';

export interface Credentials {
  organizationId: string;
  apiKeyId: string;
  apiSecret: string;
}

export type Auth =
  | { kind: 'hmac'; creds: Credentials; timestamp?: number; requestId?: string; secretOverride?: string }
  | { kind: 'bearer'; token: string; csrf?: string }
  | { kind: 'api_key'; creds: Credentials }
  | { kind: 'none' };

export interface SendOptions {
  body?: unknown;
  /** Sent as is, instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
  auth?: Auth;
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** The client half of the HMAC scheme, written from the README's description (not from the server's code). */
export function signHeaders(
  creds: Credentials,
  method: string,
  pathWithQuery: string,
  body: string | Uint8Array,
  options: { timestamp?: number; requestId?: string; secret?: string } = {},
): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const requestId = options.requestId ?? randomUUID();
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const message = `${timestamp}\n${method.toUpperCase()}\n${pathWithQuery}\n${requestId}\n${bodyHash}`;
  return {
    'X-API-Key': creds.apiKeyId,
    'X-Timestamp': timestamp,
    'X-Request-ID': requestId,
    'X-Signature': createHmac('sha256', options.secret ?? creds.apiSecret)
      .update(message)
      .digest('hex'),
  };
}

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly defaultAuth: Auth = { kind: 'none' },
  ) {}

  as(auth: Auth): HttpClient {
    return new HttpClient(this.baseUrl, auth);
  }

  get<T = any>(path: string, options: SendOptions = {}): Promise<Reply<T>> {
    return this.send('GET', path, options);
  }

  post<T = any>(path: string, body?: unknown, options: SendOptions = {}): Promise<Reply<T>> {
    return this.send('POST', path, { ...options, body });
  }

  patch<T = any>(path: string, body?: unknown, options: SendOptions = {}): Promise<Reply<T>> {
    return this.send('PATCH', path, { ...options, body });
  }

  delete<T = any>(path: string, options: SendOptions = {}): Promise<Reply<T>> {
    return this.send('DELETE', path, options);
  }

  async send<T = any>(method: string, path: string, options: SendOptions = {}): Promise<Reply<T>> {
    const body = options.rawBody ?? (options.body === undefined ? '' : JSON.stringify(options.body));
    const headers: Record<string, string> = {};
    if (body && !options.rawBody) headers['Content-Type'] = 'application/json';
    const auth = options.auth ?? this.defaultAuth;
    switch (auth.kind) {
      case 'hmac':
        Object.assign(
          headers,
          signHeaders(auth.creds, method, path, body, {
            timestamp: auth.timestamp,
            requestId: auth.requestId,
            secret: auth.secretOverride,
          }),
        );
        break;
      case 'bearer':
        headers.Authorization = `Bearer ${auth.token}`;
        if (auth.csrf) headers['X-CSRF-Token'] = auth.csrf;
        break;
      case 'api_key':
        headers['X-API-Key'] = `${auth.creds.apiKeyId}.${auth.creds.apiSecret}`;
        break;
      case 'none':
        break;
    }
    Object.assign(headers, options.headers);
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === '' ? undefined : body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }
}
