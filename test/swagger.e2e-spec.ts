import SwaggerParser from '@apidevtools/swagger-parser';
import { createOrganization, createTestApp, TestApp } from './support/app';
import { requestInterceptor } from '../apps/api/src/swagger/playground';
import { ProbeModule } from './support/probe.module';

describe('Swagger playground and OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [ProbeModule] });
  });
  afterAll(() => t.close());

  it('serves the UI at /docs with the interceptors and persistent authorization', async () => {
    const page = await t.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    const init = await t.http.get('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('signForPlayground');
    expect(init.text).toContain('"persistAuthorization": true');
  });

  it('serves a valid OpenAPI 3 document at /docs-json', async () => {
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeDefined();
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(['ApiKey', 'Bearer', 'CsrfToken']);
  });

  it('documents security, scopes and the error envelope on authenticated routes', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const write = doc.paths['/v1/probe/write'].post;
    expect(write.security).toEqual([{ ApiKey: [] }, { Bearer: [], CsrfToken: [] }]);
    expect(write['x-required-scope']).toBe('write:wallets');
    expect(write.responses['401'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorEnvelopeDto',
    );
    expect(doc.paths['/v1/probe/read'].get.security).toEqual([{ ApiKey: [] }, { Bearer: [] }]);
    expect(doc.paths['/v1/probe/signed-only'].post.security).toEqual([{ ApiKey: [] }]);
    const token = doc.paths['/v1/auth/token'].post;
    expect(token.operationId).toBe('issueToken');
    expect(Object.keys(token.requestBody.content)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(doc.components.schemas.TokenRequestDto.properties.grant_type.example).toBe('client_credentials');
  });

  describe('the playground request interceptor', () => {
    const win = globalThis as unknown as { window?: unknown };
    beforeAll(() => {
      win.window = { location: { href: `${t.baseUrl}/docs` } };
    });
    afterAll(() => {
      delete win.window;
    });

    it('signs a write pasted as id.secret so that the server accepts it', async () => {
      const creds = await createOrganization(t);
      const req = (await requestInterceptor({
        url: `${t.baseUrl}/v1/probe/write?source=playground`,
        method: 'post',
        headers: { 'X-API-Key': `${creds.apiKeyId}.${creds.apiSecret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ note: 'signed' }),
      })) as { url: string; method: string; headers: Record<string, string>; body: string };
      expect(req.headers['X-API-Key']).toBe(creds.apiKeyId);
      expect(req.headers['X-Signature']).toMatch(/^[0-9a-f]{64}$/);
      const res = await fetch(req.url, { method: req.method.toUpperCase(), headers: req.headers, body: req.body });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ method: 'hmac', note: 'signed', organization_id: creds.organizationId });
    });

    it('leaves bearer requests alone and drops the API key header', async () => {
      const req = (await requestInterceptor({
        url: `${t.baseUrl}/v1/probe/read`,
        method: 'get',
        headers: { Authorization: 'Bearer abc', 'X-API-Key': 'a.b' },
      })) as {
        headers: Record<string, string>;
      };
      expect(req.headers).toEqual({ Authorization: 'Bearer abc' });
    });
  });
});
