import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  buildDataSourceOptions,
  columnRecord,
  Event,
  queryPrepared,
  Transactions,
  usePreparedStatements,
  WalletTransaction,
} from '@app/db';
import { createTestDatabase, databaseUrl } from '@app/testing';
import { createOrganization, createTestApp, TestApp } from './support/app';

/** One pooled connection, so that pg_prepared_statements (per session) shows what that connection keeps. */
describe('queryPrepared', () => {
  let ds: DataSource;
  const prepared = async () =>
    (await ds.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'w\\_%' ORDER BY prepare_time`)).map(
      (r: { statement: string }) => r.statement,
    );

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
    await expect(queryPrepared(ended!, 'SELECT 1 AS one', [])).rejects.toThrow(
      /transaction of this EntityManager has ended/,
    );
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

describe('columnRecord', () => {
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
      id: randomUUID(),
      organizationId: org,
      walletId: wallet,
      direction: 'outgoing',
      status: 'pending',
      network: 'ethereum:devnet',
      chain: 'ethereum',
      asset: 'ETH',
      amount: 2n ** 70n + 1n,
      requiredConfirmations: 1,
      ...fields,
    } satisfies Partial<WalletTransaction>);

  it('turns entities into column records that jsonb_populate_recordset writes exactly: transformers applied, defaults filled in', async () => {
    const now = new Date('2026-01-02T03:04:05.678Z');
    const rows = [row({ note: 'first' }), row({ confirmations: 3 })];
    const records = rows.map((r) => columnRecord(t.dataSource, WalletTransaction, r, now));
    expect(records[0]).toMatchObject({
      amount: (2n ** 70n + 1n).toString(),
      confirmations: 0,
      created_at: now,
      updated_at: now,
      note: 'first',
    });
    expect(records[1]).not.toHaveProperty('note');
    await t.dataSource.query(
      'INSERT INTO wallet_transactions SELECT * FROM jsonb_populate_recordset(NULL::wallet_transactions, $1::jsonb)',
      [JSON.stringify(records)],
    );
    const stored = await t.dataSource.query(
      'SELECT amount::text AS amount, note, confirmations, created_at FROM wallet_transactions WHERE id = ANY($1::uuid[]) ORDER BY note NULLS LAST',
      [rows.map((r) => r.id)],
    );
    expect(stored).toEqual([
      { amount: (2n ** 70n + 1n).toString(), note: 'first', confirmations: 0, created_at: now },
      { amount: (2n ** 70n + 1n).toString(), note: null, confirmations: 3, created_at: now },
    ]);
  });

  it('refuses an unset column whose database default it cannot know', () => {
    const event = Object.assign(new Event(), {
      id: 'evt_x',
      organizationId: org,
      type: 'webhook.test',
      data: {},
      body: '{}',
    });
    expect(() => columnRecord(t.dataSource, Event, event)).toThrow(/set events.seq/);
  });
});

/** What counts what happened (metrics) runs once the transaction has committed, and never for a rolled-back one. */
describe('Transactions.afterCommit', () => {
  let ds: DataSource;
  let transactions: Transactions;

  beforeAll(async () => {
    ds = await new DataSource(buildDataSourceOptions(databaseUrl(await createTestDatabase()), 2)).initialize();
    await ds.query('CREATE TABLE counted (n int PRIMARY KEY)');
    transactions = new Transactions(ds);
  });
  afterAll(() => ds.destroy());

  it('runs a callback after the commit, with the change visible to others, never before', async () => {
    const seen: number[] = [];
    const value = await transactions.run(async (m) => {
      await m.query('INSERT INTO counted (n) VALUES (1)');
      transactions.afterCommit(m, () => seen.push(1));
      expect(seen).toEqual([]);
      return 'done';
    });
    expect(value).toBe('done');
    expect(seen).toEqual([1]);
    expect(await ds.query('SELECT n FROM counted')).toEqual([{ n: 1 }]);
  });

  it('never runs it when the transaction rolls back', async () => {
    const seen: number[] = [];
    await expect(
      transactions.run(async (m) => {
        await m.query('INSERT INTO counted (n) VALUES (2)');
        transactions.afterCommit(m, () => seen.push(2));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seen).toEqual([]);
    expect(await ds.query('SELECT n FROM counted WHERE n = 2')).toEqual([]);
  });

  it('keeps a committed transaction a success when a callback throws, and runs the others', async () => {
    const seen: number[] = [];
    const value = await transactions.run(async (m) => {
      await m.query('INSERT INTO counted (n) VALUES (3)');
      transactions.afterCommit(m, () => {
        throw new Error('a metric failed');
      });
      transactions.afterCommit(m, () => seen.push(3));
      return 3;
    });
    expect(value).toBe(3);
    expect(seen).toEqual([3]);
  });

  it('refuses a manager that run did not open (nothing is counted for a transaction it cannot see end)', async () => {
    await ds.transaction(async (m) => {
      await m.query('SELECT 1');
      expect(() => transactions.afterCommit(m, () => undefined)).toThrow(/not a transaction opened by/);
    });
  });
});
