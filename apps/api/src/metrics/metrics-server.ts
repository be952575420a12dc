import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { ErrorCode, Metrics } from '@app/common';
import { AppConfig } from '@app/config';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="metrics"');
  res.end(JSON.stringify({ error: { code, message, details: {} } }));
}

/**
 * `GET /metrics` on a listener of its own (METRICS_HOST:METRICS_PORT, loopback by default), never on the API's port:
 * a load balancer in front of the API does not expose it, and nothing of the API (auth, rate limits, logs) is in
 * its way. With METRICS_TOKEN it answers only that bearer token. A port already taken is logged and the service
 * runs on without metrics (Prometheus then reports the target down), rather than failing to boot.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;
  private readonly tokenDigest?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {
    if (config.metrics?.token) this.tokenDigest = sha256(config.metrics.token);
  }

  /** The port it listens on (METRICS_PORT=0 picks one), or undefined when it does not listen. */
  get port(): number | undefined {
    const address = this.server?.listening ? this.server.address() : null;
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const options = this.config.metrics;
    if (!options) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => {
      server.once('error', (e: NodeJS.ErrnoException) => {
        this.logger.error(
          `metrics not served: cannot listen on ${options.host}:${options.port} (${e.code ?? e.message})`,
        );
        resolve();
      });
      server.listen(options.port, options.host, () => {
        this.server = server;
        resolve();
      });
    });
    if (this.server) this.logger.log(`metrics on http://${options.host}:${this.port}/metrics`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') return sendError(res, 404, ErrorCode.NotFound, 'Only /metrics is served here');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, ErrorCode.MethodNotAllowed, 'GET /metrics only');
    if (this.tokenDigest) {
      const match = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '');
      if (!match || !timingSafeEqual(sha256(match[1]), this.tokenDigest))
        return sendError(res, 401, ErrorCode.Unauthorized, 'A valid metrics bearer token is required');
    }
    try {
      const body = await this.metrics.scrape();
      res.setHeader('content-type', this.metrics.contentType);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      this.logger.error({ err: e }, 'metrics scrape failed');
      sendError(res, 500, ErrorCode.ServerError, 'The metrics could not be collected');
    }
  }
}
