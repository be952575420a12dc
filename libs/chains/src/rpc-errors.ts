import { BaseError as ViemError } from 'viem';
import { redactUrls } from '@app/common';
import { BitcoinHttpError, BitcoinRpcError } from './bitcoin/bitcoin-rpc';

/**
 * What went wrong with a network's node, as anyone may be told: never the node's message, which quotes its URL (and
 * with it a provider key in the path, credentials or a key in the query).
 * - `rpc_unreachable`: no connection (refused, reset, unknown host);
 * - `timeout`: no answer in time;
 * - `rpc_error`: the node answered with an error or with something unreadable;
 * - `chain_mismatch`: the node serves another chain than the network's;
 * - `sync_failed`: the pass failed for another reason than the node (see the log).
 */
export const RPC_ERROR_CLASSES = ['rpc_unreachable', 'timeout', 'rpc_error', 'chain_mismatch', 'sync_failed'] as const;
export type RpcErrorClass = (typeof RPC_ERROR_CLASSES)[number];

export function isRpcErrorClass(value: string): value is RpcErrorClass {
  return (RPC_ERROR_CLASSES as readonly string[]).includes(value);
}

/** The node serves another chain than the network's: a wrong RPC URL. */
export class ChainMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainMismatchError';
  }
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
]);
const TIMEOUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The error, its causes and the errors it aggregates (fetch's happy eyeballs), depth first. */
function* chain(error: unknown, depth = 0): Generator<unknown> {
  if (error === undefined || error === null || depth > 8) return;
  yield error;
  if (typeof error !== 'object') return;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  yield* chain(cause, depth + 1);
  if (Array.isArray(errors)) for (const e of errors) yield* chain(e, depth + 1);
}

export function classifyRpcError(error: unknown): RpcErrorClass {
  let fromNode = false;
  for (const e of chain(error)) {
    if (e instanceof ChainMismatchError) return 'chain_mismatch';
    const { name, code } = (typeof e === 'object' ? e : {}) as { name?: unknown; code?: unknown };
    if (name === 'TimeoutError' || (typeof code === 'string' && TIMEOUT.has(code))) return 'timeout';
    if (typeof code === 'string' && UNREACHABLE.has(code)) return 'rpc_unreachable';
    if (e instanceof ViemError || e instanceof BitcoinRpcError || e instanceof BitcoinHttpError) fromNode = true;
  }
  return fromNode ? 'rpc_error' : 'sync_failed';
}

/** The error and its causes as one line for the operator's log, every URL in them redacted. */
export function describeRpcError(error: unknown): string {
  const parts = [...chain(error)].map((e) =>
    e instanceof Error ? `${e.name}: ${e.message}`.replace(/\s*\n\s*/g, ' | ') : String(e),
  );
  return redactUrls(parts.join(' <- ')).slice(0, 4000);
}
