import { DataSource } from 'typeorm';

/** Fixed key of the advisory lock that serialises migrations between replicas booting together. */
const MIGRATION_LOCK_KEY = 7_340_001;

/** Runs pending migrations while holding a session advisory lock, so N replicas booting at once migrate once. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
