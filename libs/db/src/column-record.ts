import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity as a record of its table's columns (database names, the columns' transformers and the driver's
 * conversions applied; bigints become decimal strings), ready for `jsonb_populate_record(set)`, which leaves any
 * column missing from the record NULL. So a column the entity leaves unset gets its default here: a literal default
 * as it is, a creation or update date (or a `now()` default) the current time. An unset column with any other
 * default is a bug in the caller and throws.
 */
export function columnRecord<T extends ObjectLiteral>(
  source: DataSource,
  target: EntityTarget<T>,
  entity: T,
  now = new Date(),
): Record<string, unknown> {
  const metadata = source.getMetadata(target);
  const record: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    let value = column.getEntityValue(entity) as unknown;
    if (value === undefined) {
      if (column.isCreateDate || column.isUpdateDate) value = now;
      else if (typeof column.default === 'function' && String(column.default()) === 'now()') value = now;
      else if (column.default !== undefined && typeof column.default !== 'function') value = column.default;
      else if (column.default !== undefined || column.isGenerated)
        throw new Error(`columnRecord: set ${metadata.tableName}.${column.databaseName}`);
      else continue;
    }
    const json = column.type === 'json' || column.type === 'jsonb';
    const prepared = json ? value : (source.driver.preparePersistentValue(value, column) as unknown);
    record[column.databaseName] = typeof prepared === 'bigint' ? prepared.toString() : prepared;
  }
  return record;
}
