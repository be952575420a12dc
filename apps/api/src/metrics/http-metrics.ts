import type { IncomingMessage, ServerResponse } from 'node:http';
import { Metrics } from '@app/common';

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/**
 * Counts every request by its route template (`/v1/wallets/:id`), never the raw path: ids would make a series per
 * wallet. A request no route matched (a 404, a body the parser refused, the Swagger UI's files) is `unmatched`.
 * Two in-memory increments per request; nothing here touches the database.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: RoutedRequest, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const path = req.route?.path;
      const route = typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
      const labels = {
        method: req.method ?? 'UNKNOWN',
        route,
        status: res.writableFinished ? String(res.statusCode) : 'aborted',
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
