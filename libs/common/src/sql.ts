/**
 * Placeholders for one SQL statement assembled from several parts (CTEs written by different services): each part
 * adds its values and gets `$n` back, so the numbering never collides.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** `$n`, or `$n::type` when the type cannot be inferred (unnest arrays, SELECT lists). */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}

/** A piece of SQL text standing for a value, where a part of a statement accepts either (e.g. a jsonb body). */
export class SqlExpression {
  constructor(readonly text: string) {}
}

/** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it, of a timestamptz expression. */
export function isoTimestampSql(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
