import { DataSource } from 'typeorm';
import { buildDataSourceOptions, MIGRATIONS } from '@app/db';
import { createTestDatabase, databaseUrl, withClient } from '@app/testing';
import { createTestApp } from './support/app';

describe('migrations', () => {
  it('run once when two replicas boot on a fresh database at the same moment', async () => {
    const database = await createTestDatabase();
    const apps = await Promise.all([createTestApp({ database }), createTestApp({ database })]);
    try {
      const rows = await withClient(database, async (c) => (await c.query('SELECT name FROM typeorm_migrations')).rows);
      expect(rows).toHaveLength(MIGRATIONS.length);
      for (const app of apps) expect((await app.http.get('/health/ready')).status).toBe(200);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  });

  it('revert cleanly with their down() methods', async () => {
    const database = await createTestDatabase();
    const ds = await new DataSource(buildDataSourceOptions(databaseUrl(database), 2)).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      expect(tables).toEqual([{ tablename: 'typeorm_migrations' }]);
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  });
});
