import { createOrganization, createTestApp, TestApp } from './support/app';
import { ProbeModule } from './support/probe.module';

describe('the error envelope', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => t.close());

  const envelope = (code: string) => ({ error: { code, message: expect.any(String), details: expect.any(Object) } });

  it('answers unknown routes with 404 not_found', async () => {
    const res = await t.http.get('/v1/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(envelope('not_found'));
    expect((await t.http.get('/nothing/here')).body).toEqual(envelope('not_found'));
    // The benchmark's unauthenticated ceiling routes exist only with BENCH_ROUTES=true.
    expect((await t.http.get('/bench/constant')).status).toBe(404);
  });

  it('answers malformed JSON with 400 invalid_request', async () => {
    const res = await t.http.send('POST', '/v1/auth/token', {
      rawBody: '{"grant_type":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(envelope('invalid_request'));
    expect(res.body.error.message).toMatch(/^Malformed request: .*JSON/);
  });

  it('names each invalid field and refuses unknown fields', async () => {
    const creds = await createOrganization(t);
    const res = await t.http.post(
      '/v1/probe/write',
      { note: 'far too long for ten', extra: 1 },
      { auth: { kind: 'hmac', creds } },
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual(envelope('invalid_request'));
    const fields = (res.body.error.details.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['extra', 'note']);
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await t.http.post('/v1/auth/token', {
      grant_type: 'client_credentials',
      client_id: 'x'.repeat(300 * 1024),
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(envelope('payload_too_large'));
  });

  it('answers a crash with a bare 500 whose request id is in the log line and the response header', async () => {
    const res = await t.http.get('/v1/probe/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: {
        code: 'server_error',
        message: 'Internal server error',
        details: { request_id: expect.stringMatching(/^req_[0-9a-f]{32}$/) },
      },
    });
    expect(res.text).not.toMatch(/hunter2|10\.0\.0\.7|stack|Error:/);
    const requestId = res.body.error.details.request_id as string;
    expect(res.headers.get('x-correlation-id')).toBe(requestId);
    const line = t.logs.find((l) => l.request_id === requestId && l.level === 50);
    expect(line).toBeDefined();
    expect(JSON.stringify(line)).toContain('hunter2'); // the operator sees the cause, the caller does not
  });

  it('puts X-Correlation-Id on every response', async () => {
    const res = await t.http.get('/health/live');
    expect(res.headers.get('x-correlation-id')).toMatch(/^req_/);
  });
});
