import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Agent, IncomingHttpHeaders, OutgoingHttpHeaders, request } from 'node:http';
import { DataSource } from 'typeorm';
import { ErrorCode, httpStatusOf } from '@app/common';
import { Credentials, signHeaders } from '@app/testing';

// The machinery of test/fuzz.e2e-spec.ts: the operations of the app's own OpenAPI document, requests generated from
// their schemas and then mutated, a raw HTTP client that signs like a partner does, and a snapshot of the database.

/* ------------------------------------------------------------------------------------------------------------------
 * The OpenAPI document
 * ---------------------------------------------------------------------------------------------------------------- */

export type Schema = Record<string, any>;

export interface Param {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  id: string;
  method: string;
  /** The templated path, e.g. /v1/wallets/{walletId}. */
  path: string;
  params: Param[];
  body?: { schema: Schema; contentTypes: string[] };
  authenticated: boolean;
  /** x-required-scope */
  scope?: string;
  idempotencyRequired: boolean;
}

/** A schema with its `$ref` (or a one-element `allOf`, how the Swagger plugin wraps a documented ref) resolved. */
export function deref(doc: any, schema: Schema | undefined): Schema {
  let s: Schema = schema ?? {};
  for (let i = 0; i < 10; i++) {
    if (typeof s.$ref === 'string') {
      const name = s.$ref.replace('#/components/schemas/', '');
      s = { ...doc.components.schemas[name], 'x-name': name };
    } else if (Array.isArray(s.allOf) && s.allOf.length === 1) {
      const { allOf, ...rest } = s;
      s = { ...rest, ...deref(doc, allOf[0]) };
    } else return s;
  }
  throw new Error('schema references nest too deeply');
}

export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params: Param[] = (op.parameters ?? []).map((p: any) => ({
        in: p.in,
        name: p.name,
        required: p.required === true,
        schema: deref(doc, p.schema),
      }));
      const content = op.requestBody?.content ?? {};
      const contentTypes = Object.keys(content);
      ops.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        params,
        body: contentTypes.length ? { schema: deref(doc, content[contentTypes[0]].schema), contentTypes } : undefined,
        authenticated: Array.isArray(op.security) && op.security.length > 0,
        scope: op['x-required-scope'],
        idempotencyRequired: params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key' && p.required),
      });
    }
  }
  return ops;
}

/* ------------------------------------------------------------------------------------------------------------------
 * What the generators need to know of the deployment under test
 * ---------------------------------------------------------------------------------------------------------------- */

export type KeyName = 'main' | 'readonly' | 'disabled' | 'other';

export interface FuzzFixtures {
  keys: Record<KeyName, Credentials>;
  /** Bearer tokens (with their CSRF token) of keys that have one. */
  tokens: Partial<Record<KeyName, { token: string; csrf: string }>>;
  /** Path parameter name -> ids of the fuzzing organization (`main`). */
  ids: Record<string, string[]>;
  /** Ids that destructive requests may use up, per path parameter name. */
  expendable: Record<string, string[]>;
  /** The operations that take their ids from `expendable` (deletes, cancels, disabling a wallet). */
  expendableOps: string[];
  /** Path parameter name -> ids of another organization (`other`): must answer 404, never 403 or 200. */
  foreign: Record<string, string[]>;
  /** Addresses a body may name: receive addresses of our wallets, external addresses of every chain. */
  addresses: string[];
  externalIds: string[];
  eventIds: string[];
  cursors: string[];
}

/** Field values a schema cannot express (its strings are free-form), so that valid shapes reach business rules. */
function domainValue(field: string, owner: string, fx: FuzzFixtures): fc.Arbitrary<unknown> | undefined {
  const master = owner === 'CreateMasterWalletDto' || owner === 'getMasterWalletBalance';
  const sandbox = owner.startsWith('Sandbox');
  switch (field) {
    case 'asset':
    case 'token':
      return fc.constantFrom('ETH', 'USDC', 'USDT', 'BTC', 'usdc');
    case 'network':
      if (master) return fc.constantFrom('devnet', 'regtest', 'mainnet', 'sepolia');
      // A bitcoin snapshot id is a height: reverting bitcoin to 0x1 would take the faucet's coins away for the rest of
      // the run. Bitcoin reverts come from the templates, above the chain's head.
      if (owner === 'SandboxRevertDto') return fc.constantFrom('ethereum', 'polygon', 'tron');
      if (sandbox) return fc.constantFrom('ethereum', 'polygon', 'bitcoin', 'tron');
      return fc.constantFrom('ethereum', 'ethereum', 'polygon', 'bitcoin', 'tron', 'base');
    case 'chain':
      return fc.constantFrom('ethereum', 'polygon', 'bitcoin', 'tron', 'base', 'bsc', 'solana');
    case 'amount':
      return fc.constantFrom('0.000001', '0.001', '0.01', '0.5', '1', '125.50');
    case 'amount_raw':
      return fc.constantFrom('1', '546', '1000', '100000', '10000000');
    case 'address':
    case 'public_address':
    case 'destination_address':
      return fc.constantFrom(...fx.addresses);
    case 'token_address':
      return fc.constantFrom(...fx.addresses.slice(0, 2));
    case 'id':
    case 'wallet_id':
      return fc.constantFrom(...fx.ids.walletId, ...(fx.ids.externalAccountId ?? []));
    case 'external_id':
      return fc.oneof(fc.constantFrom(...fx.externalIds), fc.stringMatching(/^[a-z0-9-]{1,16}$/));
    case 'end_user_id':
    case 'umbrella_link_id':
      return fc.uuid({ version: 4 });
    case 'url':
      return fc.constantFrom('http://127.0.0.1:9/hook', 'https://example.com/webhooks/wallets');
    case 'since':
      return fc.constantFrom('2026-01-01T00:00:00Z', new Date(Date.now() - 3600_000).toISOString());
    case 'snapshot_id':
      return fc.constantFrom('0x1', '0x2', '0x7f');
    case 'blocks':
      return fc.integer({ min: 1, max: 2 });
    case 'client_id':
      return fc.constantFrom(fx.keys.main.apiKeyId, fx.keys.readonly.apiKeyId, 'ak_unknown');
    case 'client_secret':
      return fc.constantFrom(fx.keys.main.apiSecret, fx.keys.readonly.apiSecret, 'sk_wrong');
    case 'scope':
      return fc.constantFrom('read:wallets', 'read:wallets write:wallets', 'write:webhooks', 'admin');
    case 'after':
      return fc.constantFrom(...fx.eventIds);
    case 'cursor':
      return fc.constantFrom(...fx.cursors);
    default:
      return undefined;
  }
}

/** A value of `schema`; `owner` names the schema or operation it belongs to (for the domain values above). */
export function valueArb(doc: any, raw: Schema, field: string, owner: string, fx: FuzzFixtures): fc.Arbitrary<unknown> {
  const schema = deref(doc, raw);
  const arb = (() => {
    const domain = domainValue(field, owner, fx);
    if (domain) return domain;
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    if (schema.type === 'object' || schema.properties) {
      if (!schema.properties && schema.additionalProperties)
        return fc.dictionary(
          fc.stringMatching(/^[a-z]{1,8}$/),
          valueArb(doc, schema.additionalProperties, '', owner, fx),
          { maxKeys: 3 },
        );
      const required: string[] = schema.required ?? [];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {}))
        model[name] = valueArb(doc, prop, name, schema['x-name'] ?? owner, fx);
      return fc.record(model, { requiredKeys: required });
    }
    if (schema.type === 'array') {
      return fc.array(valueArb(doc, schema.items ?? {}, field, owner, fx), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    }
    if (schema.type === 'number' || schema.type === 'integer')
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    if (schema.type === 'boolean') return fc.boolean();
    if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern));
    if (schema.example !== undefined && typeof schema.example === 'string')
      return fc.oneof(fc.constant(schema.example), fc.string({ minLength: schema.minLength ?? 1, maxLength: 20 }));
    return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 20) });
  })();
  return schema.nullable ? fc.option(arb, { nil: null, freq: 6 }) : arb;
}

/* ------------------------------------------------------------------------------------------------------------------
 * Requests: a draft is what fast-check generates (and shrinks, and prints); the wire form is made at send time
 * ---------------------------------------------------------------------------------------------------------------- */

/** A piece of JSON text put into a body as is: numbers JSON.stringify cannot write (1e400, -0, 2^256), deep nesting. */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text.length > 60 ? `${this.text.slice(0, 30)}...(${this.text.length} chars)` : this.text;
  }
}

export type HmacTamper =
  | { kind: 'none' }
  | { kind: 'signature' | 'uppercase' | 'wrong-secret' | 'other-path' | 'other-body' | 'reuse-request-id' }
  | { kind: 'skew'; seconds: number }
  | { kind: 'drop'; header: string }
  | { kind: 'set'; header: string; value: string };

export type AuthPlan =
  | { kind: 'hmac'; key: KeyName; tamper: HmacTamper }
  | { kind: 'bearer'; key: KeyName; csrf: 'right' | 'none' | 'wrong' }
  | { kind: 'api_key'; key: KeyName }
  | { kind: 'none' }
  /** Authentication headers exactly as given (garbage Bearer tokens, broken plain keys, Basic). */
  | { kind: 'raw'; headers: Record<string, string> };

export interface Draft {
  op: string;
  /** `valid`, or what was done to a valid request. */
  mutation: string;
  method: string;
  /** Exactly as sent (already %-encoded). */
  path: string;
  /** Name/value pairs, %-encoded at send time; or a raw query string sent as is. */
  query: Array<[string, string]> | { raw: string };
  body?: unknown;
  /** Instead of `body`: the exact bytes, as latin1 (each char one byte) or UTF-8 text. */
  rawBody?: { text: string; encoding: 'utf8' | 'latin1' };
  /** `null`: no Content-Type header; undefined: application/json when there is a body. */
  contentType?: string | null;
  headers: Record<string, string | string[]>;
  auth: AuthPlan;
  idempotencyKey: 'fresh' | 'absent' | 'reuse' | { raw: string | string[] };
  /** Set by a mutation after which no answer but a 4xx is right (bad credentials, another organization's id...). */
  mustRefuse?: string;
  /** A GET whose path differs from `sameAs` in the letter case of an id: both must answer alike. */
  sameAs?: string;
}

export interface Wire {
  method: string;
  path: string;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

const RAW_MARK = /"@@raw:(\d+)@@"/g;

export function serializeBody(draft: Draft): Buffer | undefined {
  if (draft.rawBody) return Buffer.from(draft.rawBody.text, draft.rawBody.encoding);
  if (draft.body === undefined) return undefined;
  const raws: string[] = [];
  const text = JSON.stringify(draft.body, (_k, v: unknown) =>
    v instanceof RawJson ? `@@raw:${raws.push(v.text) - 1}@@` : v,
  );
  return Buffer.from(
    text.replace(RAW_MARK, (_m, i: string) => raws[Number(i)]),
    'utf8',
  );
}

export function queryString(draft: Draft): string {
  if (!Array.isArray(draft.query)) return draft.query.raw;
  return draft.query.map(([k, v]) => `${encodeWtf8(k)}=${encodeWtf8(v)}`).join('&');
}

/** encodeURIComponent, except that a lone surrogate is encoded as its (invalid) 3-byte UTF-8 form, not refused. */
export function encodeWtf8(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += `%${(0xe0 | (cp >> 12)).toString(16).toUpperCase()}%${(0x80 | ((cp >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (cp & 0x3f)).toString(16).toUpperCase()}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Per key, the X-Request-ID of the last request it made that was answered 2xx: what `reuse-request-id` sends again. */
export interface SendState {
  lastRequestId: Partial<Record<KeyName, string>>;
  /** The X-Request-ID of the request in flight, with its key. */
  pending?: { key: KeyName; requestId: string };
  lastIdempotencyKey?: string;
}

/** Remembers the X-Request-ID of the request just answered, if the server accepted (and so recorded) it. */
export function settle(state: SendState, status: number): void {
  if (state.pending && status >= 200 && status < 300) state.lastRequestId[state.pending.key] = state.pending.requestId;
  state.pending = undefined;
}

/** The request as it leaves: path and query joined, the body serialized, HMAC signed over exactly those bytes. */
export function toWire(draft: Draft, fx: FuzzFixtures, state: SendState): Wire {
  const qs = queryString(draft);
  const path = qs ? `${draft.path}?${qs}` : draft.path;
  const body = serializeBody(draft);
  const headers: OutgoingHttpHeaders = {};
  state.pending = undefined;
  if (body && draft.contentType !== null) headers['Content-Type'] = draft.contentType ?? 'application/json';
  else if (!body && draft.contentType) headers['Content-Type'] = draft.contentType;
  Object.assign(headers, authHeaders(draft, path, body ?? Buffer.alloc(0), fx, state));
  const key = draft.idempotencyKey;
  if (key === 'fresh') headers['Idempotency-Key'] = state.lastIdempotencyKey = `fuzz-${randomUUID()}`;
  else if (key === 'reuse') headers['Idempotency-Key'] = state.lastIdempotencyKey ?? 'fuzz-never-used';
  else if (key !== 'absent') headers['Idempotency-Key'] = key.raw;
  Object.assign(headers, draft.headers);
  return { method: draft.method, path, headers, body };
}

function authHeaders(
  draft: Draft,
  path: string,
  body: Buffer,
  fx: FuzzFixtures,
  state: SendState,
): Record<string, string | string[]> {
  const auth = draft.auth;
  switch (auth.kind) {
    case 'none':
      return {};
    case 'raw':
      return auth.headers;
    case 'api_key': {
      const creds = fx.keys[auth.key];
      return { 'X-API-Key': `${creds.apiKeyId}.${creds.apiSecret}` };
    }
    case 'bearer': {
      const token = fx.tokens[auth.key];
      if (!token) throw new Error(`no bearer token for key ${auth.key}`);
      const headers: Record<string, string> = { Authorization: `Bearer ${token.token}` };
      if (auth.csrf === 'right') headers['X-CSRF-Token'] = token.csrf;
      if (auth.csrf === 'wrong') headers['X-CSRF-Token'] = `${token.csrf.slice(0, -1)}x`;
      return headers;
    }
    case 'hmac': {
      const creds = fx.keys[auth.key];
      const t = auth.tamper;
      const reused = t.kind === 'reuse-request-id' ? state.lastRequestId[auth.key] : undefined;
      const signed = signHeaders(
        creds,
        draft.method,
        t.kind === 'other-path' ? `${path}x` : path,
        t.kind === 'other-body' ? Buffer.concat([body, Buffer.from(' ')]) : body,
        {
          timestamp: Math.floor(Date.now() / 1000) + (t.kind === 'skew' ? t.seconds : 0),
          requestId: reused,
          secret: t.kind === 'wrong-secret' ? `${creds.apiSecret}x` : undefined,
        },
      );
      state.pending = { key: auth.key, requestId: signed['X-Request-ID'] };
      const headers: Record<string, string> = { ...signed };
      switch (t.kind) {
        case 'signature':
          headers['X-Signature'] = flipHex(signed['X-Signature']);
          break;
        case 'uppercase':
          headers['X-Signature'] = signed['X-Signature'].toUpperCase();
          break;
        case 'drop':
          delete headers[t.header];
          break;
        case 'set':
          headers[t.header] = t.value;
          break;
        case 'none':
        case 'wrong-secret':
        case 'other-path':
        case 'other-body':
        case 'reuse-request-id':
        case 'skew':
          break;
      }
      return headers;
    }
  }
}

function flipHex(hex: string): string {
  return `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
}

// A fresh connection per request: a server may close a kept-alive connection after an answer it gave early (413 on a
// body it did not read), and the next request on that socket would then fail for no fault of its own.
const agent = new Agent({ keepAlive: false });

/** One request over node:http, so that paths, headers and bodies go out exactly as built (fetch would tidy them). */
export function send(baseUrl: string, wire: Wire, timeoutMs = 30_000): Promise<Answer> {
  const url = new URL(baseUrl);
  // Node frames a GET or DELETE body with neither Content-Length nor chunks unless told its length.
  const headers = wire.body ? { 'Content-Length': String(wire.body.length), ...wire.headers } : wire.headers;
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: wire.method, path: wire.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(wire.body);
  });
}

export function closeAgent(): void {
  agent.destroy();
}

/** A short, readable form of a request for failure messages. */
export function describeWire(draft: Draft, wire: Wire): string {
  const headers = Object.entries(wire.headers)
    .filter(([k]) => !/^x-(signature|timestamp)$/i.test(k))
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  const body = wire.body ? wire.body.toString('utf8') : '';
  return `${draft.op} [${draft.mutation}] ${wire.method} ${truncate(wire.path, 300)} {${headers}} auth=${JSON.stringify(
    draft.auth,
  )} body=${truncate(JSON.stringify(body), 400)}`;
}

export function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...(${s.length} chars)` : s;
}

/* ------------------------------------------------------------------------------------------------------------------
 * The error envelope
 * ---------------------------------------------------------------------------------------------------------------- */

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Why `answer` is not `{"error":{"code","message","details"}}` with a known code fitting its status, if it is not. */
export function envelopeProblem(answer: Answer): string | undefined {
  const type = String(answer.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) return `content-type ${JSON.stringify(type)} is not JSON`;
  const body = answer.json as any;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body is not a JSON object';
  if (Object.keys(body).join() !== 'error') return `top-level keys ${JSON.stringify(Object.keys(body))}`;
  const error = body.error;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return 'error is not an object';
  if (Object.keys(error).sort().join() !== 'code,details,message')
    return `error keys ${JSON.stringify(Object.keys(error))}`;
  if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code))
    return `unknown code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || !error.message) return 'message is not a non-empty string';
  if (!error.details || typeof error.details !== 'object' || Array.isArray(error.details))
    return 'details is not an object';
  const status = httpStatusOf(error.code as ErrorCode);
  if (status !== answer.status) return `code ${error.code} means ${status}, answered ${answer.status}`;
  return undefined;
}

/* ------------------------------------------------------------------------------------------------------------------
 * The database: what a refused request must leave exactly as it was
 * ---------------------------------------------------------------------------------------------------------------- */

/**
 * Written by requests that are then refused, by design, and invisible to partners: the X-Request-IDs already used
 * (replay protection) and the rate limiter's buckets, which every authenticated request writes; and the derivation
 * index blocks each process reserves ten at a time (DerivationIndexes), which a POST .../addresses may reserve before
 * it finds the wallet missing (the index goes back to the process; no address is made). Everything else must stay
 * exactly as it was after a 4xx.
 */
export const BOOKKEEPING_TABLES = ['auth_request_ids', 'rate_limit_buckets', 'derivation_counters'];

/**
 * Per table: the row count and the newest row version's transaction id (xmin). An insert or update writes a row
 * version with a newer xmin; a delete lowers the count (or, with an insert, moves xmin): any write shows.
 */
export type Snapshot = Record<string, [number, number | null]>;

/**
 * One statement over every base table of the schema (information_schema), bookkeeping aside. A 404 or 422 answered to
 * a request with an Idempotency-Key is stored for its replays (README, Idempotency): those rows are left out.
 */
export async function snapshotQuery(dataSource: DataSource): Promise<string> {
  const tables = await dataSource.query<Array<{ table_name: string }>>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables
    .map((t) => t.table_name)
    .filter((name) => !BOOKKEEPING_TABLES.includes(name))
    .map((name) => {
      const where =
        name === 'idempotency_keys' ? ' WHERE t.response_status IS NULL OR t.response_status NOT IN (404, 422)' : '';
      return `'${name}', (SELECT json_build_array(count(*), max(t.xmin::text::bigint)) FROM "${name}" t${where})`;
    });
  return `SELECT json_build_object(${parts.join(', ')}) AS s`;
}

export async function snapshot(dataSource: DataSource, sql: string): Promise<Snapshot> {
  const [row] = await dataSource.query<Array<{ s: Snapshot }>>(sql);
  return row.s;
}

/** The tables whose rows differ, with their counts before and after. */
export function snapshotDiff(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]))
    .map(
      (t) => `${t} (rows ${before[t]?.[0]} -> ${after[t]?.[0]}${before[t]?.[1] !== after[t]?.[1] ? ', written' : ''})`,
    );
}

/* ------------------------------------------------------------------------------------------------------------------
 * Valid shapes, from each operation's schema
 * ---------------------------------------------------------------------------------------------------------------- */

export interface FuzzInputs {
  doc: any;
  fx: FuzzFixtures;
  /** Bodies that pass every business rule (the schema cannot say that `asset` goes with `network`), per operation. */
  templates: Record<string, fc.Arbitrary<unknown>>;
  /** The same for query strings. */
  queryTemplates: Record<string, Array<Array<[string, string]>>>;
  /** Whole Authorization / X-API-Key header sets that must be refused. */
  badAuth: Array<Record<string, string>>;
  /** Authorization headers for POST /v1/auth/token that must be refused. */
  badBasic: string[];
}

function pathArb(op: Operation, fx: FuzzFixtures): fc.Arbitrary<string> {
  const names = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  if (!names.length) return fc.constant(op.path);
  const pools = names.map((name) => {
    const pool = (fx.expendableOps.includes(op.id) && fx.expendable[name]) || fx.ids[name];
    if (!pool?.length) throw new Error(`no fixture ids for {${name}} of ${op.id}`);
    return fc.constantFrom(...pool);
  });
  return fc.tuple(...pools).map((ids) => names.reduce((path, name, i) => path.replace(`{${name}}`, ids[i]), op.path));
}

function asQueryValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function queryArb(inputs: FuzzInputs, op: Operation): fc.Arbitrary<Array<[string, string]>> {
  const params = op.params.filter((p) => p.in === 'query');
  if (!params.length) return fc.constant([]);
  const generated = fc
    .tuple(
      ...params.map((p) => {
        const value = valueArb(inputs.doc, p.schema, p.name, op.id, inputs.fx).map(
          (v) => [p.name, asQueryValue(v)] as [string, string],
        );
        return p.required ? value : fc.option(value, { nil: undefined, freq: 2 });
      }),
    )
    .map((pairs) => pairs.filter((p): p is [string, string] => p !== undefined));
  const templates = inputs.queryTemplates[op.id] ?? [];
  return templates.length ? fc.oneof(generated, fc.constantFrom(...templates)) : generated;
}

function bodyArb(inputs: FuzzInputs, op: Operation): fc.Arbitrary<unknown> {
  if (!op.body) return fc.constant(undefined);
  const generated = valueArb(inputs.doc, op.body.schema, '', op.body.schema['x-name'] ?? op.id, inputs.fx);
  const template = inputs.templates[op.id];
  return template ? fc.oneof({ weight: 2, arbitrary: generated }, { weight: 3, arbitrary: template }) : generated;
}

function validAuthArb(op: Operation): fc.Arbitrary<AuthPlan> {
  if (!op.authenticated) return fc.constant({ kind: 'none' });
  const write = op.method !== 'GET';
  const hmacOnly = op.id === 'createMasterWallet';
  const plans: Array<fc.WeightedArbitrary<AuthPlan>> = [
    { weight: 6, arbitrary: fc.constant({ kind: 'hmac', key: 'main', tamper: { kind: 'none' } }) },
  ];
  if (!hmacOnly) plans.push({ weight: 2, arbitrary: fc.constant({ kind: 'bearer', key: 'main', csrf: 'right' }) });
  if (!write) plans.push({ weight: 1, arbitrary: fc.constant({ kind: 'api_key', key: 'main' }) });
  return fc.oneof(...plans);
}

/** A request the document describes, with values the fixtures make meaningful. */
export function validDraft(inputs: FuzzInputs, op: Operation): fc.Arbitrary<Draft> {
  const writes = op.method === 'POST' || op.method === 'PATCH';
  const form = op.body?.contentTypes.includes('application/x-www-form-urlencoded') === true;
  return fc
    .record({
      path: pathArb(op, inputs.fx),
      query: queryArb(inputs, op),
      body: bodyArb(inputs, op),
      form: form ? fc.boolean() : fc.constant(false),
      auth: validAuthArb(op),
      idempotencyKey:
        !writes || !op.authenticated
          ? fc.constant('absent' as const)
          : op.idempotencyRequired
            ? fc.constant('fresh' as const)
            : fc.constantFrom('fresh' as const, 'absent' as const),
    })
    .map(({ path, query, body, form: asForm, auth, idempotencyKey }): Draft => {
      const draft: Draft = {
        op: op.id,
        mutation: 'valid',
        method: op.method,
        path,
        query,
        headers: {},
        auth,
        idempotencyKey,
      };
      if (body !== undefined && asForm && body && typeof body === 'object') {
        draft.rawBody = { text: new URLSearchParams(body as Record<string, string>).toString(), encoding: 'utf8' };
        draft.contentType = 'application/x-www-form-urlencoded';
      } else if (body !== undefined) draft.body = body;
      return draft;
    });
}

/* ------------------------------------------------------------------------------------------------------------------
 * Mutations of a valid request
 * ---------------------------------------------------------------------------------------------------------------- */

type Loc = Array<string | number>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);
}

function locations(v: unknown, at: Loc = [], out: Loc[] = []): Loc[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => locations(x, [...at, i], out));
  else if (isPlainObject(v)) for (const k of Object.keys(v)) locations(v[k], [...at, k], out);
  return out;
}

function getAt(root: unknown, loc: Loc): unknown {
  return loc.reduce<any>((v, k) => v?.[k], root);
}

function defineKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment of "__proto__" would set the prototype; a partner's JSON can carry it as an ordinary key.
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) defineKey(out, k, clone(v[k]));
    return out;
  }
  return v;
}

/** A copy of `root` with the value at `loc` replaced (or removed when `value` is `REMOVE`). */
const REMOVE = Symbol('remove');
function withAt(root: unknown, loc: Loc, value: unknown): unknown {
  if (!loc.length) return value;
  const copy = clone(root);
  const parent = getAt(copy, loc.slice(0, -1)) as any;
  const key = loc[loc.length - 1];
  if (value === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (Array.isArray(parent)) parent[Number(key)] = value;
  else defineKey(parent, String(key), value);
  return copy;
}

const MAX_UINT256 = (1n << 256n) - 1n;
const nested = (depth: number, open: string, close: string) =>
  new RawJson(`${open.repeat(depth)}${close.repeat(depth)}`);

/** Numbers and numeric text at and past every limit: 2^256, 1e400, -0, NaN as text, digits of other scripts. */
export const NUMBER_EDGES: unknown[] = [
  new RawJson((MAX_UINT256 + 1n).toString()),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('-0'),
  new RawJson('1e-400'),
  -1,
  0,
  0.1,
  4294967296,
  new RawJson('9007199254740993'),
  'NaN',
  'Infinity',
  '-0',
  '-1',
  '0',
  '1e400',
  '1e-7',
  (MAX_UINT256 + 1n).toString(),
  MAX_UINT256.toString(),
  '0x1f',
  ' 1',
  '1 ',
  '1.',
  '.5',
  '01',
  '1,5',
  '1_000',
  '+1',
  '١٢٣',
  '１２３',
  '0.0000000000000000001',
  '9'.repeat(100),
];

/** Text a validator might not expect: lone surrogates, bidi controls, emoji, zero-width and combining characters. */
export const ODD_TEXT = [
  '\ud800',
  'a\udfffb',
  '\u202eevil\u202c',
  '\u200f',
  '😀',
  '👨‍👩‍👧‍👦',
  '\ufeff',
  '\uffff',
  'e\u0301\u0301\u0301',
  '\u2028',
  '\u00a0',
  'ＵＳＤＣ',
  'İ',
  '\u0085',
  '\u001b[31m',
];

const WRONG_TYPES: unknown[] = [0, -1, 1.5, true, false, null, [], {}, ['x'], { a: 'b' }, 'text', ''];

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof RawJson) return 'raw';
  return typeof v;
}

/** Bad ids for a path parameter: not UUIDs, UUIDs of nothing, of another kind, of another organization, upper case. */
function badIds(name: string, id: string, fx: FuzzFixtures): fc.Arbitrary<string> {
  const otherKind = Object.entries(fx.ids)
    .filter(([k]) => k !== name)
    .flatMap(([, v]) => v.slice(0, 1));
  const malformed = [
    'not-a-uuid',
    '1',
    '-1',
    'null',
    'undefined',
    '%00',
    '%ED%A0%80',
    '%zz',
    '%',
    '%2e%2e',
    '..',
    'x'.repeat(300),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    randomUUIDv1Like(id),
    `{${id}}`,
    `urn:uuid:${id}`,
    id.replace(/-/g, ''),
    `${id}%20`,
    `${id}%0A`,
    `${id}x`,
    id.slice(0, -1),
  ];
  // Three kinds, equally likely: malformed ids, this id in other letter cases, ids of nothing of ours.
  return fc.oneof(
    fc.constantFrom(...malformed),
    fc.constantFrom(
      id.toUpperCase(),
      id.replace(/[a-f]/, (c) => c.toUpperCase()),
    ),
    fc.constantFrom(...(fx.foreign[name] ?? []), ...otherKind, '7a1c2e4d-0b3f-4c5e-8d6a-9f0e1d2c3b4a'),
  );
}

const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_AN_ID = /^(not-a-uuid|1|-1|null|undefined)$/;

/** The same id with a version nibble other than 4 (a v1-shaped UUID). */
function randomUUIDv1Like(id: string): string {
  return `${id.slice(0, 14)}1${id.slice(15)}`;
}

/** Why a request of `op` with these credentials must be refused, if it must. */
function authRefusal(auth: AuthPlan, op: Operation): string | undefined {
  // What the guard calls a write: a route that needs a write scope (POST /v1/wallets/balances is a read).
  const write = op.scope?.startsWith('write:') === true;
  switch (auth.kind) {
    case 'none':
      return 'no credentials';
    case 'raw':
      return 'broken credentials';
    case 'api_key':
      return write ? 'a write with a plain key' : undefined;
    case 'bearer':
      if (op.id === 'createMasterWallet') return 'a bearer token on an HMAC-only route';
      if (write && auth.csrf !== 'right') return 'a bearer write without its CSRF token';
      return write && auth.key !== 'main'
        ? 'a write with a read-only key or of an organization without wallets'
        : undefined;
    case 'hmac':
      if (auth.key === 'other') return undefined; // its own resources are fine; ours are checked by path.id
      if (auth.tamper.kind !== 'none' && auth.tamper.kind !== 'uppercase')
        return `a bad signature (${auth.tamper.kind})`;
      return write && auth.key !== 'main'
        ? 'a write with a read-only key or of an organization without wallets'
        : undefined;
  }
}

export type Mutator = (inputs: FuzzInputs, op: Operation, d: Draft) => fc.Arbitrary<Draft> | undefined;

const named = (d: Draft, mutation: string, patch: Partial<Draft>): Draft => ({ ...d, ...patch, mutation });

function bodyLocations(d: Draft, filter: (v: unknown, loc: Loc) => boolean): Loc[] {
  if (d.body === undefined || d.rawBody) return [];
  return locations(d.body).filter((loc) => filter(getAt(d.body, loc), loc));
}

function pickLocation(locs: Loc[]): fc.Arbitrary<Loc> | undefined {
  return locs.length ? fc.constantFrom(...locs) : undefined;
}

const at = (loc: Loc) => (loc.length ? loc.join('.') : '(body)');

export const MUTATORS: Record<string, Mutator> = {
  'body.type': (_i, _op, d) =>
    pickLocation(bodyLocations(d, () => true))?.chain((loc) => {
      const kind = kindOf(getAt(d.body, loc));
      return fc
        .constantFrom(...WRONG_TYPES.filter((v) => kindOf(v) !== kind))
        .map((v) => named(d, `body.type ${at(loc)}=${JSON.stringify(v)}`, { body: withAt(d.body, loc, v) }));
    }),
  'body.missing': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (_v, loc) => loc.length > 0))?.map((loc) =>
      named(d, `body.missing ${at(loc)}`, { body: withAt(d.body, loc, REMOVE) }),
    ),
  'body.unknown': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (v) => isPlainObject(v)))?.chain((loc) =>
      fc
        .tuple(
          fc.constantFrom('unknown_field', '__proto__', 'constructor', 'organization_id', 'id', 'status', ''),
          fc.constantFrom<unknown>('x', 1, { admin: true }, null),
        )
        .map(([key, value]) => {
          const target = clone(getAt(d.body, loc)) as Record<string, unknown>;
          defineKey(target, key, value);
          return named(d, `body.unknown ${at(loc)}.${key}`, { body: withAt(d.body, loc, target) });
        }),
    ),
  'body.huge': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (v) => typeof v === 'string'))?.chain((loc) =>
      fc
        .constantFrom(201, 501, 2049, 20_000, 300_000)
        .map((n) => named(d, `body.huge ${at(loc)} x${n}`, { body: withAt(d.body, loc, 'x'.repeat(n)) })),
    ),
  'body.number': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (v, loc) => loc.length > 0 && !isPlainObject(v) && !Array.isArray(v)))?.chain((loc) =>
      fc
        .constantFrom(...NUMBER_EDGES)
        .map((v) => named(d, `body.number ${at(loc)}=${String(v)}`, { body: withAt(d.body, loc, v) })),
    ),
  'body.amounts': (_i, _op, d) => {
    // Every amount of the body at once, and an array of them grown to ten items: each amount may pass on its own
    // where their sum does not (a batch's total; 2^256-1 nine times overflows numeric(78,0)).
    const amounts = bodyLocations(d, (_v, loc) => /^amount(_raw)?$/.test(String(loc[loc.length - 1])));
    if (!amounts.length) return undefined;
    return fc
      .oneof(fc.constant(MAX_UINT256.toString()), fc.constantFrom(...NUMBER_EDGES.filter((v) => typeof v === 'string')))
      .map((v) => {
        let body = amounts.reduce((b, loc) => withAt(b, loc, v), d.body);
        const item = amounts[0].map((k) => typeof k).lastIndexOf('number');
        if (item >= 0) {
          const array = amounts[0].slice(0, item);
          const items = getAt(body, array) as unknown[];
          body = withAt(
            body,
            array,
            Array.from({ length: 10 }, (_x, i) => clone(items[i % items.length])),
          );
        }
        return named(d, `body.amounts all=${truncate(String(v), 40)}`, { body });
      });
  },
  'body.foreign': (i, _op, d) => {
    // An id of ours in the body (a destination wallet, an external account, a wallet to look up) replaced by the
    // same kind of id of another organization: it must be refused as unknown, and nothing of either may move.
    const kinds = Object.keys(i.fx.foreign);
    const ownKind = (v: unknown) =>
      typeof v === 'string'
        ? kinds.find((k) => [...(i.fx.ids[k] ?? []), ...(i.fx.expendable[k] ?? [])].includes(v.toLowerCase()))
        : undefined;
    return pickLocation(bodyLocations(d, (v) => ownKind(v) !== undefined))?.chain((loc) =>
      fc.constantFrom(...i.fx.foreign[ownKind(getAt(d.body, loc))!]).map((foreign) =>
        named(d, `body.foreign ${at(loc)}`, {
          body: withAt(d.body, loc, foreign),
          mustRefuse: "another organization's id in the body",
        }),
      ),
    );
  },
  'body.nested': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (_v, loc) => loc.length > 0))?.chain((loc) =>
      fc.tuple(fc.constantFrom(40, 200, 5000), fc.boolean()).map(([depth, arrays]) =>
        named(d, `body.nested ${at(loc)} depth ${depth} ${arrays ? 'arrays' : 'objects'}`, {
          body: withAt(d.body, loc, arrays ? nested(depth, '[', ']') : nested(depth, '{"a":', '}')),
        }),
      ),
    ),
  'body.nul': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (v) => typeof v === 'string' || isPlainObject(v)))?.chain((loc) => {
      const v = getAt(d.body, loc);
      if (typeof v === 'string')
        return fc
          .constantFrom('\u0000', `${v}\u0000`, `\u0000${v}`)
          .map((s) => named(d, `body.nul ${at(loc)}`, { body: withAt(d.body, loc, s) }));
      const target = clone(v) as Record<string, unknown>;
      defineKey(target, 'k\u0000', 'v');
      return fc.constant(named(d, `body.nul key in ${at(loc)}`, { body: withAt(d.body, loc, target) }));
    }),
  'body.unicode': (_i, _op, d) =>
    pickLocation(bodyLocations(d, (v) => typeof v === 'string'))?.chain((loc) => {
      const v = getAt(d.body, loc) as string;
      return fc.tuple(fc.constantFrom(...ODD_TEXT), fc.boolean()).map(([odd, replace]) =>
        named(d, `body.unicode ${at(loc)}=${JSON.stringify(replace ? odd : v + odd)}`, {
          body: withAt(d.body, loc, replace ? odd : v + odd),
        }),
      );
    }),
  'body.shape': (_i, op, d) =>
    op.method === 'GET' || op.method === 'DELETE'
      ? undefined
      : fc
          .constantFrom<Draft['rawBody']>(
            { text: '', encoding: 'utf8' },
            { text: 'null', encoding: 'utf8' },
            { text: '[]', encoding: 'utf8' },
            { text: '"text"', encoding: 'utf8' },
            { text: '123', encoding: 'utf8' },
            { text: '{', encoding: 'utf8' },
            { text: '{"a":1,"a":2}', encoding: 'utf8' },
            { text: '{"__proto__":{"admin":true}}', encoding: 'utf8' },
            { text: '{"constructor":{"prototype":{"admin":true}}}', encoding: 'utf8' },
            { text: '\ufeff{}', encoding: 'utf8' },
            { text: '{} trailing', encoding: 'utf8' },
            { text: '{/* comment */}', encoding: 'utf8' },
            { text: '{"name":"\u00ff\u00fe"}', encoding: 'latin1' },
            { text: '\u00ff\u00fe{\u0000}', encoding: 'latin1' },
          )
          .map((rawBody) => named(d, `body.shape ${JSON.stringify(rawBody!.text)}`, { rawBody, body: undefined })),
  'content-type': (_i, op, d) =>
    op.method === 'GET' || op.method === 'DELETE'
      ? undefined
      : fc
          .constantFrom<string | null>(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'multipart/form-data',
            'application/xml',
            'application/json;;',
            '*/*',
            null,
          )
          .map((contentType) =>
            named(d, `content-type ${String(contentType)}`, { contentType, body: (d.body ?? d.rawBody) ? d.body : {} }),
          ),
  'query.repeat': (i, op, d) => {
    const names = [...op.params.filter((p) => p.in === 'query').map((p) => p.name)];
    if (!names.length || !Array.isArray(d.query)) return undefined;
    return fc
      .tuple(fc.constantFrom(...names), fc.constantFrom('a', 'true', '1', 'ethereum', 'active'), fc.nat(2))
      .map(([name, value, times]) =>
        named(d, `query.repeat ${name}`, {
          query: [
            ...(d.query as Array<[string, string]>),
            ...Array.from({ length: times + 2 }, () => [name, value] as [string, string]),
          ],
        }),
      );
  },
  'query.raw': (_i, op, d) => {
    const names = op.params.filter((p) => p.in === 'query').map((p) => p.name);
    const name = names[0] ?? 'limit';
    const base = Array.isArray(d.query) ? queryString(d) : d.query.raw;
    return fc
      .constantFrom(
        `${name}[]=x`,
        `${name}[0]=x&${name}[1]=y`,
        `${name}[a]=b`,
        `${name}=`,
        name,
        '=',
        '&&&',
        'unknown=1',
        '__proto__=x',
        '__proto__[admin]=1',
        'constructor[prototype][admin]=1',
        `${name}=%zz`,
        `${name}=%`,
        `${name}=%E0%A4%A`,
        `${name}=%ED%A0%80`,
        `${name}=%FF`,
        `${name}=%00`,
        `${name}=a%00b`,
        `${name}=+`,
        `${name}=${'x'.repeat(10_000)}`,
        `${name}=${encodeWtf8('\u202e😀')}`,
        'limit=-1',
        'limit=0',
        'limit=1e400',
        'limit=NaN',
        'limit=101',
        'limit=1.5',
        `limit=${(MAX_UINT256 + 1n).toString()}`,
        'cursor=x',
        `cursor=${Buffer.from('{"id":"x"}').toString('base64url')}`,
        `cursor=${Buffer.from('{"id":{"$ne":null}}').toString('base64url')}`,
        'include_balances=TRUE',
        'include_balances=1',
        'include_balances=',
      )
      .map((extra) =>
        named(d, `query.raw ${truncate(extra, 40)}`, { query: { raw: base ? `${base}&${extra}` : extra } }),
      );
  },
  'path.id': (_i, op, d) => {
    const pathParams = op.params.filter((p) => p.in === 'path').map((p) => p.name);
    if (!pathParams.length) return undefined;
    return fc.constantFrom(...pathParams).chain((name) => {
      const segments = op.path.split('/');
      const index = segments.indexOf(`{${name}}`);
      const id = d.path.split('/')[index];
      return badIds(name, id, _i.fx).map((bad) => {
        const parts = d.path.split('/');
        parts[index] = bad;
        const mutated = named(d, `path.id ${name}=${truncate(bad, 40)}`, { path: parts.join('/') });
        if (bad.toLowerCase() === id && op.method === 'GET') mutated.sameAs = d.path;
        const own = [...(_i.fx.ids[name] ?? []), ...(_i.fx.expendable[name] ?? [])];
        if ((_i.fx.foreign[name] ?? []).includes(bad)) mutated.mustRefuse = "another organization's id";
        else if (NOT_AN_ID.test(bad) || (UUID_FORM.test(bad) && !own.includes(bad)))
          mutated.mustRefuse = 'not the id of anything of this kind';
        return mutated;
      });
    });
  },
  auth: (inputs, op, d) => {
    if (op.id === 'issueToken')
      return fc.constantFrom(...inputs.badBasic).map((value) =>
        named(d, `auth.basic ${truncate(value, 40)}`, {
          auth: { kind: 'raw', headers: { Authorization: value } },
          body: { grant_type: 'client_credentials' },
          rawBody: undefined,
          contentType: undefined,
          mustRefuse: 'malformed or wrong HTTP Basic credentials',
        }),
      );
    if (!op.authenticated) return undefined;
    const tampers: HmacTamper[] = [
      { kind: 'signature' },
      { kind: 'uppercase' },
      { kind: 'wrong-secret' },
      { kind: 'other-path' },
      { kind: 'other-body' },
      { kind: 'reuse-request-id' },
      { kind: 'skew', seconds: 400 },
      { kind: 'skew', seconds: -400 },
      { kind: 'skew', seconds: 10 ** 9 },
      ...['X-API-Key', 'X-Timestamp', 'X-Request-ID', 'X-Signature'].map((header): HmacTamper => ({
        kind: 'drop',
        header,
      })),
      ...['abc', '1e9', '-1', '0', '9'.repeat(20), ' 1700000000', ''].map((value): HmacTamper => ({
        kind: 'set',
        header: 'X-Timestamp',
        value,
      })),
      ...['short', 'x'.repeat(129), 'bad id with spaces', '\u00e9'.repeat(10)].map((value): HmacTamper => ({
        kind: 'set',
        header: 'X-Request-ID',
        value,
      })),
      ...['ak_unknown', '', 'ak_x.y', '\u00e9'].map((value): HmacTamper => ({
        kind: 'set',
        header: 'X-API-Key',
        value,
      })),
      ...['zz', 'a'.repeat(64), '', 'g'.repeat(64)].map((value): HmacTamper => ({
        kind: 'set',
        header: 'X-Signature',
        value,
      })),
    ];
    return fc
      .oneof(
        fc.constantFrom(...tampers).map((tamper): AuthPlan => ({ kind: 'hmac', key: 'main', tamper })),
        fc
          .constantFrom<KeyName>('readonly', 'disabled', 'other')
          .map((key): AuthPlan => ({ kind: 'hmac', key, tamper: { kind: 'none' } })),
        fc
          .constantFrom<'none' | 'wrong'>('none', 'wrong')
          .map((csrf): AuthPlan => ({ kind: 'bearer', key: 'main', csrf })),
        fc
          .constantFrom<KeyName>('readonly', 'disabled')
          .map((key): AuthPlan => ({ kind: 'bearer', key, csrf: 'right' })),
        fc.constant<AuthPlan>({ kind: 'api_key', key: 'main' }),
        fc.constant<AuthPlan>({ kind: 'none' }),
        fc.constantFrom(...inputs.badAuth).map((headers): AuthPlan => ({ kind: 'raw', headers })),
      )
      .map((auth) =>
        named(d, `auth ${truncate(JSON.stringify(auth), 80)}`, { auth, mustRefuse: authRefusal(auth, op) }),
      );
  },
  idempotency: (_i, op, d) =>
    op.authenticated && (op.method === 'POST' || op.method === 'PATCH')
      ? fc
          .constantFrom<Draft['idempotencyKey']>(
            'absent',
            'reuse',
            { raw: 'a,b' },
            { raw: 'x'.repeat(256) },
            { raw: ' ' },
            { raw: '\u00e9' },
            { raw: ['k1', 'k2'] },
            { raw: '"quoted"' },
            { raw: '' },
          )
          .map((idempotencyKey) =>
            named(d, `idempotency ${JSON.stringify(idempotencyKey)}`, {
              idempotencyKey,
              mustRefuse:
                idempotencyKey === 'reuse' || (typeof idempotencyKey === 'object' && idempotencyKey.raw === '"quoted"')
                  ? undefined
                  : idempotencyKey === 'absent'
                    ? op.idempotencyRequired
                      ? 'no Idempotency-Key where it is required'
                      : undefined
                    : 'a malformed Idempotency-Key',
            }),
          )
      : undefined,
  method: (inputs, op, d) =>
    fc
      .constantFrom(
        // Methods the path does not have (a documented one would be another operation, with other ids at stake).
        ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'].filter(
          (m) => !Object.keys(inputs.doc.paths[op.path]).includes(m.toLowerCase()),
        ),
      )
      .map((method) => named(d, `method ${method}`, { method, body: method === 'GET' ? undefined : d.body })),
};

/** A valid request of `op`, then one mutation (of those that apply to it). */
export function mutatedDraft(inputs: FuzzInputs, op: Operation): fc.Arbitrary<Draft> {
  return validDraft(inputs, op).chain((d) => {
    const arbs = Object.entries(MUTATORS)
      .map(([name, m]) => ({ arbitrary: m(inputs, op, d), weight: name === 'method' ? 1 : 3 }))
      .filter((a): a is { arbitrary: fc.Arbitrary<Draft>; weight: number } => a.arbitrary !== undefined);
    return fc.oneof(...arbs);
  });
}

/** Money moves here: these operations come up three times as often as a read, other writes twice. */
const MONEY_OPS = ['createTransfer', 'createBatch', 'sandboxDeposit'];

/** Any operation of the document: valid (30%) or mutated (70%). */
export function requestArb(inputs: FuzzInputs, ops: Operation[]): fc.Arbitrary<Draft> {
  return fc
    .oneof(
      ...ops.map((op) => ({
        weight: MONEY_OPS.includes(op.id) ? 3 : op.method === 'GET' ? 1 : 2,
        arbitrary: fc.constant(op),
      })),
    )
    .chain((op) =>
      fc.oneof({ weight: 3, arbitrary: validDraft(inputs, op) }, { weight: 7, arbitrary: mutatedDraft(inputs, op) }),
    );
}
