import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { SqlParams } from '@app/common';

/**
 * `INSERT INTO <table> (<columns>) SELECT <columns> FROM json_populate_recordset(NULL::<table>, <rows as JSON>)` for
 * entities of one class, with one parameter: one statement text per set of columns whatever the number of rows (so
 * it is prepared once), no ORM query building per call, and no array literal to escape per value. The columns are
 * those any row sets, with the columns' transformers and the driver's conversions applied (json/jsonb values go in
 * as they are); a column a row leaves unset is NULL for that row, so a column with a database default must be set in
 * all rows or in none (then the default applies). `where` makes the insert conditional (no rows at all when false);
 * `returning` is its RETURNING list.
 */
export function insertRows<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  params: SqlParams,
  options: { returning?: string; where?: string } = {},
): string {
  const source = db instanceof DataSource ? db : db.connection;
  const metadata = source.getMetadata(target);
  const driver = source.driver;
  const names: string[] = [];
  const records: Array<Record<string, unknown>> = rows.map(() => ({}));
  for (const column of metadata.columns) {
    const values = rows.map((row) => column.getEntityValue(row) as unknown);
    const set = values.filter((v) => v !== undefined).length;
    if (set === 0) continue;
    const hasDefault = column.default !== undefined || column.isCreateDate || column.isUpdateDate || column.isVersion || column.isGenerated;
    if (set !== rows.length && hasDefault) throw new Error(`insertRows: ${metadata.tableName}.${column.databaseName} has a default: set it in every row or in none`);
    const json = column.type === 'json' || column.type === 'jsonb';
    names.push(`"${column.databaseName}"`);
    values.forEach((v, i) => {
      // The driver applies the column's transformer and its own conversions, as TypeORM's own insert would.
      if (v !== undefined) records[i][column.databaseName] = json ? v : driver.preparePersistentValue(v, column);
    });
  }
  const columns = names.join(', ');
  const where = options.where ? ` WHERE ${options.where}` : '';
  const returning = options.returning ? ` RETURNING ${options.returning}` : '';
  return `INSERT INTO "${metadata.tableName}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${metadata.tableName}", ${params.add(JSON.stringify(records), 'json')})${where}${returning}`;
}
