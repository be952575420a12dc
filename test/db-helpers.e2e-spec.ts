import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '@app/common';
import { buildDataSourceOptions, insertRows, queryPrepared, usePreparedStatements, WalletTransaction } from '@app/db';
import { createOrganization, createTestApp, createTestDatabase, databaseUrl, TestApp } from '@app/testing';

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

  it('refuses to run for a transaction that has ended (never silently outside it)', async () => {
    let ended: EntityManager | undefined;
    await ds.transaction(async (m) => {
      ended = m;
      await Promise.resolve();
    });
    await expect(queryPrepared(ended!, 'SELECT 1 AS one', [])).rejects.toThrow(/transaction of this EntityManager has ended/);
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

describe('insertRows', () => {
  let t: TestApp;
  let org: string;
  let wallet: string;

  beforeAll(async () => {
    t = await createTestApp();
    const creds = await createOrganization(t);
    org = creds.organizationId;
    wallet = (await t.http.post('/v1/wallets', {}, { auth: { kind: 'hmac', creds } })).body.id;
  });
  afterAll(() => t.close());

  const row = (fields: Partial<WalletTransaction> = {}) =>
    Object.assign(new WalletTransaction(), {
      id: randomUUID(), organizationId: org, walletId: wallet, direction: 'outgoing', status: 'pending', network: 'ethereum:devnet', chain: 'ethereum',
      asset: 'ETH', amount: 2n ** 70n + 1n, requiredConfirmations: 1, createdAt: new Date(), updatedAt: new Date(), ...fields,
    } satisfies Partial<WalletTransaction>);

  it('writes rows through the columns transformers, NULL where a row leaves a column unset and the default where all do', async () => {
    const rows = [row({ note: 'first' }), row()];
    const sql = new SqlParams();
    const [a, b] = await queryPrepared<{ id: string }>(t.dataSource, insertRows(t.dataSource, WalletTransaction, rows, sql, { returning: 'id' }), sql.values);
    expect([a.id, b.id]).toEqual(rows.map((r) => r.id));
    const stored = await t.dataSource.query('SELECT id, amount::text AS amount, note, confirmations FROM wallet_transactions WHERE id = ANY($1::uuid[]) ORDER BY note NULLS LAST', [rows.map((r) => r.id)]);
    expect(stored).toEqual([
      { id: rows[0].id, amount: (2n ** 70n + 1n).toString(), note: 'first', confirmations: 0 },
      { id: rows[1].id, amount: (2n ** 70n + 1n).toString(), note: null, confirmations: 0 },
    ]);
  });

  it('builds one text whatever the number of rows, so it is prepared once', () => {
    const text = (n: number) => insertRows(t.dataSource, WalletTransaction, Array.from({ length: n }, () => row()), new SqlParams());
    expect(text(3)).toBe(text(1));
  });

  it('writes nothing when its condition is false', async () => {
    const sql = new SqlParams();
    const r = row();
    expect(await queryPrepared(t.dataSource, insertRows(t.dataSource, WalletTransaction, [r], sql, { returning: 'id', where: 'false' }), sql.values)).toEqual([]);
    expect(await t.dataSource.query('SELECT 1 FROM wallet_transactions WHERE id = $1', [r.id])).toEqual([]);
  });

  it('refuses a column with a database default that only some rows set (NULL would replace the default)', () => {
    expect(() => insertRows(t.dataSource, WalletTransaction, [row({ confirmations: 3 }), row()], new SqlParams())).toThrow(/confirmations has a default/);
  });
});
