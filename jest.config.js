// Two tiers: unit specs beside the code, e2e specs in test/ against a real PostgreSQL (and, later, a real EVM node).
const swaggerPlugin = { path: '<rootDir>/libs/testing/src/swagger-transformer.js' };

const transform = {
  // The Swagger CLI plugin runs here too, so the OpenAPI document under test is the one `nest build` produces.
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', astTransformers: { before: [swaggerPlugin] } }],
};

const moduleNameMapper = {
  '^@app/(auth|chains|common|config|db|events|ledger|prices|testing)$': '<rootDir>/libs/$1/src',
  '^@app/(auth|chains|common|config|db|events|ledger|prices|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  // The client package (packages/client) is used from its source, as a partner would use the published build.
  '^@wallets-api/client$': '<rootDir>/packages/client/src',
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Per-test limit; e2e tests drive real nodes and real databases.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.mjs',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.mjs',
      testTimeout: 60_000,
    },
  ],
};
