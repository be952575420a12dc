import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createOrganization, createTestApp, TestApp } from './support/app';

/** The README's curl + openssl example is run as written, so the documented signing recipe cannot drift. */
describe('README HMAC example', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a wallet with the documented curl + openssl commands', async () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .find((b) => b.includes('openssl dgst -sha256 -hmac'));
    expect(block).toBeDefined();
    const lines = block!.split('\n').map((l) => l.replace(/^ {3}/, ''));
    expect(lines[0]).toMatch(/^KEY_ID=/);
    const creds = await createOrganization(t);
    const script = [`KEY_ID=${creds.apiKeyId}; SECRET=${creds.apiSecret}; BASE=${t.baseUrl}`, ...lines.slice(1)].join(
      '\n',
    );
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script]);
    const wallet = JSON.parse(stdout);
    expect(wallet).toMatchObject({ name: 'Player 12345', status: 'pending', company_id: creds.organizationId });
  });
});
