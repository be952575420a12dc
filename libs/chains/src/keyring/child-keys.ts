import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

type Job = [xpub: string, index: number];
/** One derived key (or the reason there is none) for the job numbered `id`. */
interface Reply {
  id: number;
  key?: Uint8Array;
  error?: string;
}
interface Call {
  /** The worker the job went to (once sent). */
  worker?: Worker;
  resolve: (key: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Compressed public keys of non-hardened children of extended public keys, derived on a worker thread
 * (child-keys.worker.cjs). A child key costs two point decompressions, a scalar multiplication and a point addition
 * in JavaScript: about half a millisecond, most of an address request's CPU when done on the event loop. The jobs of
 * one turn of the event loop go to the worker as one message; each key comes back as soon as it is derived. If the
 * worker dies, its pending calls fail and the next call starts a new one.
 */
export class ChildKeys {
  private worker?: Worker;
  private nextId = 0;
  private readonly calls = new Map<number, Call>();
  /** Jobs not sent yet; their ids follow on from `queueFirst`. */
  private queue: Job[] = [];
  private queueFirst = 0;

  derive(xpub: string, index: number): Promise<Uint8Array> {
    const id = this.nextId++;
    if (this.queue.length === 0) {
      this.queueFirst = id;
      setImmediate(() => this.post());
    }
    this.queue.push([xpub, index]);
    return new Promise<Uint8Array>((resolve, reject) => this.calls.set(id, { resolve, reject }));
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private post(): void {
    const jobs = this.queue;
    const first = this.queueFirst;
    this.queue = [];
    const worker = this.start();
    for (let id = first; id < first + jobs.length; id++) {
      const call = this.calls.get(id);
      if (call) call.worker = worker;
    }
    worker.postMessage({ first, jobs });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(join(__dirname, 'child-keys.worker.cjs'));
    // A pending derivation does not keep a finished CLI command alive; a server is kept alive by its sockets.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const call = this.calls.get(reply.id);
      if (!call) return;
      this.calls.delete(reply.id);
      if (reply.key) call.resolve(reply.key);
      else call.reject(new Error(`child key derivation failed: ${reply.error}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, call] of this.calls) {
        if (call.worker !== worker) continue;
        this.calls.delete(id);
        call.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`child key worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
