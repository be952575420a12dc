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
