import { createTestApp, TestApp } from './support/app';
import { freePort } from './support/processes';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is live and ready with the database and every node up', async () => {
    expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: 'up', ethereum: 'up', polygon: 'up', bitcoin: 'up' },
    });
  });

  it('names a node that does not answer, by network, without its URL, and stays ready for the API', async () => {
    const port = await freePort(); // nothing listens there
    const password = 'node-password-not-to-show';
    const other = await createTestApp({ env: { RPC_URL_BITCOIN: `http://wallets:${password}@127.0.0.1:${port}` } });
    try {
      const res = await other.http.get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'degraded',
        checks: { database: 'up', ethereum: 'up', polygon: 'up', bitcoin: 'down' },
      });
      for (const secret of [password, String(port), '127.0.0.1']) expect(res.text).not.toContain(secret);
    } finally {
      await other.close();
    }
  });

  it('is not ready when the database is gone, and says so', async () => {
    const other = await createTestApp({ database: t.database });
    await other.dataSource.destroy();
    const res = await other.http.get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('service_unavailable');
    expect(res.body.error.details).toMatchObject({ database: 'down', ethereum: 'up' });
    expect((await other.http.get('/health/live')).status).toBe(200);
    await other.close().catch(() => undefined);
  });
});
