import { Agent as HttpAgent, request as httpRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { AttemptErrorClass } from '@app/db';
import { isAllowedAddress, safeLookup, UrlPolicy } from './url-policy';

const RESPONSE_LIMIT = 4096;

export interface SendResult {
  statusCode: number | null;
  errorClass: AttemptErrorClass | null;
  errorMessage: string | null;
  /** The first 4 KiB of the response body. */
  responseBody: string | null;
  retryAfterSeconds: number | null;
  durationMs: number;
}

function classify(e: NodeJS.ErrnoException, timedOut: boolean): AttemptErrorClass {
  if (timedOut) return 'timeout';
  if (e.code === 'ESSRF') return 'ssrf_blocked';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'dns';
  if (e.code === 'ECONNREFUSED') return 'conn_refused';
  return 'network';
}

function retryAfter(res: IncomingMessage): number | null {
  const value = res.headers['retry-after'];
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * POSTs one webhook outside any database transaction: no redirects (a 3xx is a failure), a hard timeout, the
 * connect-time SSRF check (every resolved address, and literal IPs, must pass the policy), keep-alive sockets.
 */
export class WebhookSender {
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly policy: UrlPolicy,
    private readonly timeoutMs: number,
  ) {}

  send(rawUrl: string, body: string, headers: Record<string, string>): Promise<SendResult> {
    const started = Date.now();
    const done = (r: Omit<SendResult, 'durationMs'>): SendResult => ({ ...r, durationMs: Date.now() - started });
    const url = new URL(rawUrl);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (
      (isIP(host) && !isAllowedAddress(host, this.policy)) ||
      (this.policy.requireHttps && url.protocol !== 'https:')
    ) {
      return Promise.resolve(
        done({
          statusCode: null,
          errorClass: 'ssrf_blocked',
          errorMessage: `${host} is not allowed`,
          responseBody: null,
          retryAfterSeconds: null,
        }),
      );
    }
    return new Promise<SendResult>((resolve) => {
      let timedOut = false;
      let settled = false;
      const finish = (r: Omit<SendResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(done(r));
      };
      const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = request(url, {
        method: 'POST',
        agent: url.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
        lookup: safeLookup(this.policy) as never,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'WalletsAPI-Webhooks/1.0',
        },
      });
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new Error(`no response within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      req.on('error', (e: NodeJS.ErrnoException) =>
        finish({
          statusCode: null,
          errorClass: classify(e, timedOut),
          errorMessage: e.message.slice(0, 500).replaceAll('\u0000', '\ufffd'),
          responseBody: null,
          retryAfterSeconds: null,
        }),
      );
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < RESPONSE_LIMIT) chunks.push(c.subarray(0, RESPONSE_LIMIT - size));
          size += c.length;
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          finish({
            statusCode: status,
            errorClass: status >= 200 && status < 300 ? null : 'non_2xx',
            errorMessage: null,
            // PostgreSQL text cannot hold NUL: it shows as U+FFFD, as bytes that are not UTF-8 already do.
            responseBody: Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', '\ufffd'),
            retryAfterSeconds: retryAfter(res),
          });
        });
        res.on('error', () => undefined);
      });
      req.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
