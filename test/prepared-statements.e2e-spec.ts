import { DataSource } from 'typeorm';
import { buildDataSourceOptions, queryPrepared, usePreparedStatements } from '@app/db';
import { createTestDatabase, databaseUrl } from '@app/testing';

/** One pooled connection, so that pg_prepared_statements (per session) shows what that connection keeps. */
describe('queryPrepared', () => {
  let ds: DataSource;
  const prepared = async () =>
    (await ds.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'w\\_%' ORDER BY prepare_time`)).map((r: { statement: string }) => r.statement);

  beforeAll(async () => {
    ds = await new DataSource(buildDataSourceOptions(databaseUrl(await createTestDatabase()), 1)).initialize();
    await ds.query('CREATE TABLE notes (n int PRIMARY KEY)');
  });
  afterAll(() => ds.destroy());
  afterEach(() => usePreparedStatements(true));

  it('prepares a text once per connection and runs it with new values each time', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect(await queryPrepared(ds, text, [1])).toEqual([{ n: 2 }]);
    expect(await queryPrepared(ds.manager, text, [41])).toEqual([{ n: 42 }]);
    expect(await prepared()).toEqual([text]);
  });

  it('runs on the transaction connection inside a transaction, so a rollback undoes it', async () => {
    const insert = 'INSERT INTO notes (n) VALUES ($1) RETURNING n';
    await expect(
      ds.transaction(async (m) => {
        expect(await queryPrepared(m, insert, [7])).toEqual([{ n: 7 }]);
        expect(await m.query('SELECT n FROM notes')).toEqual([{ n: 7 }]); // the same transaction sees it
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ds.query('SELECT n FROM notes')).toEqual([]);
  });

  it('keeps the driver error (code and constraint) for the callers that map it', async () => {
    const insert = 'INSERT INTO notes (n) VALUES ($1)';
    await queryPrepared(ds, insert, [1]);
    await expect(queryPrepared(ds, insert, [1])).rejects.toMatchObject({ code: '23505', constraint: 'notes_pkey' });
  });

  it('runs unprepared when DATABASE_PREPARED_STATEMENTS is off', async () => {
    usePreparedStatements(false);
    const before = await prepared();
    expect(await queryPrepared(ds, 'SELECT $1::text AS s', ['x'])).toEqual([{ s: 'x' }]);
    expect(await prepared()).toEqual(before);
  });
});
