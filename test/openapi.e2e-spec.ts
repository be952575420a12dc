import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const OPENAPI = join(root, 'openapi.json');
const TYPES = join(root, 'packages/client/src/generated/openapi.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, timeout: 240_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const check = (...args: string[]) => run(process.execPath, ['scripts/openapi.mjs', '--check', ...args]);
const spectral = (file: string) =>
  run(join(root, 'node_modules/.bin/spectral'), [
    'lint',
    file,
    '--ruleset',
    join(root, '.spectral.yaml'),
    '--format',
    'json',
    '--fail-severity',
    'error',
    '--quiet',
  ]);

describe('the committed OpenAPI document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  const document = () => JSON.parse(readFileSync(OPENAPI, 'utf8'));

  it('openapi:check passes on the committed copies and fails on an edited one, saying to run npm run openapi', async () => {
    const fresh = await check();
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('match the code');

    const edited = document();
    edited.paths['/v1/wallets'].post.summary = 'Edited by hand';
    const editedJson = join(dir, 'edited-openapi.json');
    writeFileSync(editedJson, JSON.stringify(edited, null, 2));
    const editedTypes = join(dir, 'edited-openapi.ts');
    writeFileSync(editedTypes, readFileSync(TYPES, 'utf8').replace('wallet_number: string;', 'wallet_number: number;'));
    const stale = await check('--openapi', editedJson, '--types', editedTypes);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('edited-openapi.json is stale: line');
    expect(stale.stderr).toContain('edited-openapi.ts is stale: line');
    expect(stale.stderr).toContain('run `npm run openapi`');

    const missing = await check('--openapi', join(dir, 'nothing.json'), '--types', TYPES);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nothing.json is stale: missing');
  }, 240_000);

  it('passes the Spectral ruleset, which refuses what the house rules forbid', async () => {
    const committed = await spectral(OPENAPI);
    expect(committed.code).toBe(0);
    // Errors fail the lint; warnings (rules to be raised to errors, see .spectral.yaml) do not.
    const errors = (JSON.parse(committed.stdout) as Array<{ severity: number }>).filter((r) => r.severity === 0);
    expect(errors).toEqual([]);

    const bad = document();
    const list = bad.paths['/v1/wallets'].get;
    delete list.operationId;
    bad.paths['/v1/networks'].get.operationId = 'createWallet';
    list.responses['404'] = { description: 'plain', content: { 'application/json': { schema: { type: 'object' } } } };
    bad.paths['/v1/wallets'].post.responses['409'] = { description: 'no body' };
    bad.components.schemas.ErrorBodyDto.properties.code.example = 42;
    bad.paths['/v1/fees'].get.responses['200'].content['application/json'].example = { bogus: true };
    delete bad.paths['/v1/auth/token'].post.description;
    delete bad.components.schemas.TokenResponseDto.properties.csrf_token.example;
    const scope = bad.components.schemas.TokenResponseDto.properties.scope;
    scope.examples = [scope.example];
    delete scope.example;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad, null, 2));

    const linted = await spectral(file);
    expect(linted.code).toBe(1);
    const results = JSON.parse(linted.stdout) as Array<{ code: string; path: string[]; severity: number }>;
    const found = (code: string, path: string) =>
      results.some((r) => r.code === code && r.path.join('.').startsWith(path));
    expect(found('operation-operationId', 'paths./v1/wallets.get')).toBe(true);
    expect(found('operation-operationId-unique', 'paths')).toBe(true);
    expect(found('error-responses-use-envelope', 'paths./v1/wallets.get.responses.404')).toBe(true);
    expect(found('error-responses-use-envelope', 'paths./v1/wallets.post.responses.409')).toBe(true);
    expect(found('oas3-valid-schema-example', 'components.schemas.ErrorBodyDto.properties.code')).toBe(true);
    expect(found('oas3-valid-media-example', 'paths./v1/fees.get.responses.200')).toBe(true);
    expect(found('operation-description', 'paths./v1/auth/token.post')).toBe(true);
    // Scalar properties need an example; `examples` also counts, and $ref, array and object properties are exempt.
    const missingExample = results.filter((r) => r.code === 'schema-properties-have-examples');
    expect(missingExample.map((r) => r.path.join('.'))).toEqual([
      'components.schemas.TokenResponseDto.properties.csrf_token',
    ]);
  }, 120_000);
});
