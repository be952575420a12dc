import { createTestApp, TestApp } from './support/app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is live and ready with the database up', async () => {
    expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: 'up', ethereum: 'up', polygon: 'up', bitcoin: 'up' },
    });
  });

  it('is not ready when the database is gone', async () => {
    const other = await createTestApp({ database: t.database });
    await other.dataSource.destroy();
    const res = await other.http.get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('service_unavailable');
    expect((await other.http.get('/health/live')).status).toBe(200);
    await other.close().catch(() => undefined);
  });
});
