// The committed OpenAPI document (openapi.json) and the client's types generated from it
// (packages/client/src/generated/openapi.ts), built from the compiled app: `nest build` runs the Swagger CLI plugin,
// so dist/ holds the DTO metadata that /docs-json serves.
//
//   node scripts/openapi.mjs            regenerate both files (`npm run openapi`)
//   node scripts/openapi.mjs --check    exit 1 when either committed file differs from what the code generates
//                                       (`npm run openapi:check`); --openapi FILE / --types FILE check other copies
//   node scripts/openapi.mjs --build    write the document of the code just built to dist/openapi.json, beside the
//                                       app it describes (`npm run build`); the committed files are left alone
//
// The app is created in Nest's preview mode: modules and routes are scanned, no provider is instantiated, so no
// PostgreSQL, node or key is needed. The configuration is a fixed devnet one (the sandbox routes are part of the
// document); nothing host-specific or time-dependent goes in, and maps whose order means nothing are sorted, so the
// output depends on the code alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    openapi: { type: 'string', default: join(root, 'openapi.json') },
    types: { type: 'string', default: join(root, 'packages/client/src/generated/openapi.ts') },
  },
});

/** A fixed configuration: the document must not depend on this machine's environment. */
const DOCUMENT_ENV = {
  NETWORK_ENV: 'devnet',
  // Never connected to in preview mode; set so that nothing falls back to an embedded server or a generated key.
  DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
  KEY_ENCRYPTION_KEY: '00'.repeat(32),
  DATA_DIR: join(root, '.tmp/openapi'),
  SWAGGER_ENABLED: 'true',
  BENCH_ROUTES: 'false',
  FAULT_INJECTION: 'false',
};

async function buildDocument() {
  process.chdir(root);
  await import('./ensure-built.mjs');
  const { NestFactory } = require('@nestjs/core');
  const { VersioningType } = require('@nestjs/common');
  const { loadConfig } = require(join(root, 'dist/libs/config/src'));
  const { AppModule } = require(join(root, 'dist/apps/api/src/app.module'));
  const { buildOpenApiDocument } = require(join(root, 'dist/apps/api/src/swagger/swagger'));
  const config = loadConfig(DOCUMENT_ENV, root);
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    // As bootstrap.ts does: the version is part of every path.
    app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
    return sortDocument(buildOpenApiDocument(app, config));
  } finally {
    await app.close();
  }
}

const byKey = (object) =>
  Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((k) => [k, object[k]]),
  );

/**
 * Enums, sorted (as strings): the Swagger plugin lists a union type's members in the order the TypeScript checker happened
 * to create them, which is not the source order and differs between compilations (nest build, ts-jest).
 */
function sortEnums(value) {
  if (Array.isArray(value)) return value.map(sortEnums);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const primitives = k === 'enum' && Array.isArray(v) && v.every((e) => e === null || typeof e !== 'object');
    out[k] = primitives ? [...v].sort() : sortEnums(v);
  }
  return out;
}

/**
 * Sorts the maps whose order carries no meaning, and enums; schema properties and parameter lists keep the
 * code's order.
 */
function sortDocument(unsorted) {
  const document = sortEnums(unsorted);
  const paths = byKey(document.paths);
  for (const [path, item] of Object.entries(paths)) {
    paths[path] = byKey(item);
    for (const operation of Object.values(paths[path])) {
      if (operation && typeof operation === 'object' && operation.responses) {
        operation.responses = byKey(operation.responses);
      }
    }
  }
  const components = byKey(document.components ?? {});
  for (const [name, map] of Object.entries(components)) components[name] = byKey(map);
  return { ...document, paths, components };
}

async function render() {
  const document = await buildDocument();
  const prettierConfig = (await prettier.resolveConfig(join(root, 'openapi.json'))) ?? {};
  const json = await prettier.format(JSON.stringify(document), { ...prettierConfig, parser: 'json' });
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)), { alphabetize: false });
  const header = '// Generated from openapi.json by `npm run openapi` (scripts/openapi.mjs): do not edit by hand.\n';
  const types = await prettier.format(header + astToString(ast), { ...prettierConfig, parser: 'typescript' });
  return { json, types };
}

const { json, types } = await render();
if (args.build) {
  writeFileSync(join(root, 'dist/openapi.json'), json);
  process.stdout.write('Wrote dist/openapi.json\n');
  process.exit(0);
}
const outputs = [
  [args.openapi, json],
  [args.types, types],
];
if (args.check) {
  const stale = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
  for (const [file, text] of stale) {
    process.stderr.write(`${relative(process.cwd(), file) || file} is stale: ${firstDifference(file, text)}\n`);
  }
  if (stale.length) {
    process.stderr.write('The committed OpenAPI document is out of date with the code: run `npm run openapi`.\n');
    process.exit(1);
  }
  process.stdout.write('openapi.json and the client types match the code.\n');
} else {
  for (const [file, text] of outputs) writeFileSync(file, text);
  process.stdout.write(`Wrote ${outputs.map(([file]) => relative(root, file)).join(', ')}\n`);
}

function firstDifference(file, expected) {
  if (!existsSync(file)) return 'missing';
  const actual = readFileSync(file, 'utf8').split('\n');
  const wanted = expected.split('\n');
  const line = wanted.findIndex((l, i) => l !== actual[i]);
  const at = line === -1 ? wanted.length : line;
  return `line ${at + 1} differs (committed: ${JSON.stringify(actual[at] ?? '<end>')}, generated: ${JSON.stringify(wanted[at] ?? '<end>')})`;
}
