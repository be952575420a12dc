import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type Responder = (req: Received, res: ServerResponse) => void;

/** A real local HTTP receiver for webhook tests: records every request, answers as the test says. */
export class Receiver {
  readonly requests: Received[] = [];
  private server!: Server;
  responder: Responder = (_req, res) => res.writeHead(200).end('ok');

  static async start(): Promise<Receiver> {
    const r = new Receiver();
    r.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const received = { headers: req.headers, body, at: Date.now() };
        r.requests.push(received);
        r.responder(received, res);
      });
    });
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    const address = this.server.address() as { port: number };
    return `http://127.0.0.1:${address.port}/hook`;
  }

  byEventId(id: string): Received[] {
    return this.requests.filter((r) => r.headers['webhook-id'] === id);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
