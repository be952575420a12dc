import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Distinct statement texts this process names (each connection prepares those it runs); past it, a new text runs
 * unprepared.
 */
export const MAX_PREPARED_TEXTS = 512;

const names = new Map<string, string>();
let enabled = true;

/**
 * `DATABASE_PREPARED_STATEMENTS=false` turns named statements off, for a pooler that cannot keep them (PgBouncer in
 * transaction mode before 1.21); the statements then run as plain parameterised queries.
 */
export function usePreparedStatements(on: boolean): void {
  enabled = on;
}

/** A stable name per statement text: the same text is prepared once per connection, whatever built it. */
function nameOf(text: string): string | undefined {
  if (!enabled) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED_TEXTS) {
    name = `w_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement, so that each connection parses and plans its text once rather
 * than on every call (on the hot routes planning cost more than executing). Inside a transaction (a manager with
 * a query runner) it runs on that transaction's connection; otherwise on a pooled connection of the same pool
 * TypeORM uses, in autocommit. For fixed-shape statements whose values are all parameters: a text built from values
 * would only fill the bounded cache and then run unprepared. Errors are the driver's (code, constraint, detail).
 */
export async function queryPrepared<T extends QueryResultRow = Record<string, unknown>>(
  db: DataSource | EntityManager,
  text: string,
  values: unknown[],
  options: { prepare?: boolean } = {},
): Promise<T[]> {
  // `prepare: false` for a statement of many possible shapes (it would crowd the bounded name cache).
  const config = { name: options.prepare === false ? undefined : nameOf(text), text, values };
  const runner = db instanceof EntityManager ? db.queryRunner : undefined;
  if (runner) {
    // As TypeORM would: a statement meant for a finished transaction must not run outside it.
    if (runner.isReleased) throw new Error('queryPrepared: the transaction of this EntityManager has ended');
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<T>(config)).rows;
  }
  const source = db instanceof DataSource ? db : db.connection;
  const pool = (source.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>(config)).rows;
}
