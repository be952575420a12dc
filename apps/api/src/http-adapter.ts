import { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

/**
 * A constructor that builds `base` objects whose prototype is `prototype`: `new Derived(...)` runs `base` on an
 * object that starts with that prototype. `base` must be a plain constructor function (Node's `IncomingMessage` and
 * `ServerResponse` are); `Reflect.construct` would also take a class, but V8 then builds each object the slow way.
 */
function constructorWithPrototype<T extends abstract new (...args: never[]) => object>(base: T, prototype: object): T {
  const run = base as unknown as (this: object, ...args: unknown[]) => void;
  // Named after `base`, so that stack traces still read IncomingMessage.emit, ServerResponse.end and so on.
  const derived = {
    [base.name]: function (this: object, ...args: unknown[]): void {
      run.apply(this, args);
    },
  }[base.name];
  derived.prototype = prototype;
  return derived as unknown as T;
}

/** Whether Node's request and response constructors are plain functions (callable on an object of our making). */
const plainConstructors = [IncomingMessage, ServerResponse].every(
  (c) => !Function.prototype.toString.call(c).startsWith('class'),
);

/**
 * Nest's Express adapter, with an HTTP server that builds each request and response on Express's own prototypes.
 *
 * Express gives every request and response its prototype as it arrives (`Object.setPrototypeOf(req, app.request)`,
 * the same for `res`). Changing an existing object's prototype is slow in V8, and it kept both objects (and all
 * that hangs on them) alive through two young-generation collections, so that they were copied twice and then
 * moved to the old generation: measured on this machine, a bare Express route answered 7,200 requests/s with about
 * 4 MB promoted per collection, against 20,000 requests/s and nothing promoted when Node builds the objects with
 * that prototype already (Express's call is then a no-op). The app behaves exactly the same: the objects have the
 * same prototypes, only from the start.
 */
export class ExpressHttpAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options?.httpsOptions || options?.forceCloseConnections || !plainConstructors)
      return super.initHttpServer(options);
    const app = this.getInstance<Express>();
    this.setHttpServer(
      createServer(
        {
          IncomingMessage: constructorWithPrototype(IncomingMessage, app.request),
          ServerResponse: constructorWithPrototype(ServerResponse, app.response) as unknown as typeof ServerResponse,
        },
        app,
      ),
    );
  }
}
