/** An error answered by the node (`error` in a JSON-RPC reply), as opposed to a transport failure. */
export class BitcoinRpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method}: ${message} (${code})`);
  }
}

/** The node's HTTP reply was not a JSON-RPC answer (an HTTP error status, a proxy's page). */
export class BitcoinHttpError extends Error {
  constructor(
    readonly method: string,
    readonly status: number,
  ) {
    super(`${method}: HTTP ${status} from the Bitcoin node`);
    this.name = 'BitcoinHttpError';
  }
}

/**
 * Bitcoin Core's JSON-RPC over HTTP (bcoin serves the same protocol). The URL carries the credentials
 * (`http://user:password@host:port`); they are sent as Basic authentication and never appear in errors.
 */
export class BitcoinRpc {
  private readonly endpoint: string;
  private readonly authorization?: string;
  private id = 0;

  constructor(url: string) {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      const user = decodeURIComponent(parsed.username);
      const password = decodeURIComponent(parsed.password);
      this.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    }
    parsed.username = '';
    parsed.password = '';
    this.endpoint = parsed.toString();
  }

  async call<T>(method: string, params: unknown[] = [], timeoutMs = 30_000): Promise<T> {
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.authorization ? { authorization: this.authorization } : {}),
      },
      body: JSON.stringify({ jsonrpc: '1.0', id: ++this.id, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: { result?: T; error?: { code: number; message: string } | null };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new BitcoinHttpError(method, res.status);
    }
    if (body.error) throw new BitcoinRpcError(method, body.error.code, body.error.message);
    if (!res.ok) throw new BitcoinHttpError(method, res.status);
    return body.result as T;
  }
}
