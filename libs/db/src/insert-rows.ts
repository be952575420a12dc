import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** What `SqlParams` (libs/common) offers: a placeholder per value. */
export interface Placeholders {
  add(value: unknown, type?: string): string;
}

/**
 * `INSERT INTO <table> (<columns>) SELECT * FROM unnest(<one typed array per column>)` for entities of one class,
 * with their values added to `params`: one statement text per set of columns whatever the number of rows (so it is
 * prepared once), and no ORM query building per call. The columns are those any row sets, with the
 * driver's conversions and the columns' transformers applied; a column a row leaves unset is NULL for that row, so a column with a database default must be
 * set in all rows or in none (then the default applies). Array columns are refused: unnest would flatten them.
 * `where` makes the insert conditional (no rows at all when false); `returning` is its RETURNING list.
 */
export function insertRows<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  params: Placeholders,
  options: { returning?: string; where?: string } = {},
): string {
  const source = db instanceof DataSource ? db : db.connection;
  const metadata = source.getMetadata(target);
  const driver = source.driver;
  const names: string[] = [];
  const arrays: string[] = [];
  for (const column of metadata.columns) {
    const values = rows.map((row) => column.getEntityValue(row) as unknown);
    const set = values.filter((v) => v !== undefined).length;
    if (set === 0) continue;
    const hasDefault = column.default !== undefined || column.isCreateDate || column.isUpdateDate || column.isVersion || column.isGenerated;
    if (set !== rows.length && hasDefault) throw new Error(`insertRows: ${metadata.tableName}.${column.databaseName} has a default: set it in every row or in none`);
    if (column.isArray) throw new Error(`insertRows: ${metadata.tableName}.${column.databaseName} is an array column`);
    names.push(`"${column.databaseName}"`);
    // The driver applies the column's transformer and its own conversions, as TypeORM's own insert would.
    arrays.push(params.add(values.map((v) => (v === undefined ? null : (driver.preparePersistentValue(v, column) as unknown) ?? null)), `${driver.normalizeType(column)}[]`));
  }
  const where = options.where ? ` WHERE ${options.where}` : '';
  const returning = options.returning ? ` RETURNING ${options.returning}` : '';
  return `INSERT INTO "${metadata.tableName}" (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})${where}${returning}`;
}
