/**
 * HMAC request signing, as the server checks it:
 *
 *   X-Signature = lowercase hex HMAC-SHA256(api_secret, string_to_sign), where string_to_sign is five lines joined by
 *   "\n" (no trailing newline): X-Timestamp (Unix seconds), the HTTP method in upper case, the path with its query
 *   string exactly as sent, X-Request-ID, and the lowercase hex SHA-256 of the raw body bytes (of the empty string
 *   when there is no body).
 *
 * Web Crypto only, so that the same code runs in Node.js 20+, Deno, Bun and browsers.
 */

export interface HmacCredentials {
  /** The key id, `ak_...`. */
  apiKeyId: string;
  /** The key secret, `sk_...`. */
  apiSecret: string;
}

export interface SignableRequest {
  method: string;
  /** The absolute URL the request goes to; its path and query string are signed as they will be sent. */
  url: string;
  /** The raw body bytes; none for a request without a body. */
  body?: Uint8Array | string;
}

export interface SignOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** 8-128 characters of A-Z a-z 0-9 . _ : -, never reused with the same key; default a random UUID. */
  requestId?: string;
}

/** The four headers of a signed request. */
export interface HmacHeaders {
  'X-API-Key': string;
  'X-Timestamp': string;
  'X-Request-ID': string;
  'X-Signature': string;
}

const encoder = new TextEncoder();

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

const bytesOf = (data: Uint8Array | string): Uint8Array<ArrayBuffer> =>
  typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytesOf(data)));
}

/** The string a request's signature covers. */
export function signingString(
  timestamp: string,
  method: string,
  pathWithQuery: string,
  requestId: string,
  bodySha256Hex: string,
): string {
  return [timestamp, method.toUpperCase(), pathWithQuery, requestId, bodySha256Hex].join('\n');
}

/** The path and query string of a URL as a request line carries them (`/v1/wallets?limit=10`). */
export function pathWithQuery(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Signs requests with one API key. The imported key is kept: one import per signer, not per request. */
export class HmacSigner {
  private key?: ReturnType<typeof crypto.subtle.importKey>;

  constructor(
    private readonly credentials: HmacCredentials,
    /** Milliseconds since the epoch; tests move it. */
    private readonly clock: () => number = Date.now,
  ) {}

  async sign(request: SignableRequest, options: SignOptions = {}): Promise<HmacHeaders> {
    const timestamp = String(options.timestamp ?? Math.floor(this.clock() / 1000));
    const requestId = options.requestId ?? crypto.randomUUID();
    const toSign = signingString(
      timestamp,
      request.method,
      pathWithQuery(request.url),
      requestId,
      await sha256Hex(request.body ?? ''),
    );
    this.key ??= crypto.subtle.importKey(
      'raw',
      encoder.encode(this.credentials.apiSecret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const signature = toHex(await crypto.subtle.sign('HMAC', await this.key, encoder.encode(toSign)));
    return {
      'X-API-Key': this.credentials.apiKeyId,
      'X-Timestamp': timestamp,
      'X-Request-ID': requestId,
      'X-Signature': signature,
    };
  }
}
