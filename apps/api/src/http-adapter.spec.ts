import type { Express, Request, Response } from 'express';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExpressHttpAdapter } from './http-adapter';

describe('ExpressHttpAdapter', () => {
  let adapter: ExpressHttpAdapter;
  let server: Server;
  let base: string;
  const seen: Array<{ req: object; res: object }> = [];

  beforeAll(async () => {
    adapter = new ExpressHttpAdapter();
    adapter.initHttpServer({});
    server = adapter.getHttpServer();
    const app = adapter.getInstance<Express>();
    // Runs before Express: the prototypes the objects were built with, before Express would set them.
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) =>
      seen.push({ req: Object.getPrototypeOf(req) as object, res: Object.getPrototypeOf(res) as object }),
    );
    app.post('/echo/:id', (req: Request, res: Response) => {
      res
        .status(207)
        .set('X-Test', 'yes')
        .json({ id: req.params.id, query: req.query, ip: req.ip, json: req.is('application/json') });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("builds each request and response on Express's prototypes from the start, and Express works as before", async () => {
    const app = adapter.getInstance<Express>();
    const res = await fetch(`${base}/echo/42?a=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(207);
    expect(res.headers.get('x-test')).toBe('yes');
    expect(await res.json()).toEqual({ id: '42', query: { a: '1' }, ip: '127.0.0.1', json: 'application/json' });
    expect(seen).toHaveLength(1);
    expect(seen[0].req).toBe(app.request);
    expect(seen[0].res).toBe(app.response);
    expect(app.request).toBeInstanceOf(IncomingMessage);
    expect(app.response).toBeInstanceOf(ServerResponse);
  });
});
