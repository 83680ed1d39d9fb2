/** Three tiers, told apart by folder: unit beside the code, integration and e2e under test/. */
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] }, astTransformers: { before: ['<rootDir>/test/helpers/swagger-transformer.js'] } },
  ],
  // Nest 12 and a few of its dependencies ship ES modules only; Node 20's require(esm) is not
  // available inside Jest's module system, so they are compiled to CommonJS for tests.
  '^.+\\.[mc]?js$': ['babel-jest', { plugins: [require.resolve('./test/helpers/babel-import-meta.js'), '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'], babelrc: false, configFile: false }],
};
// PGlite's CommonJS build loads Node built-ins with import(), which Jest's VM rejects without a flag.
const ESM_ONLY = ['@nestjs', '@electric-sql', '@fastify/static', '@fastify/cookie', 'content-disposition', 'cookie', 'file-type', 'load-esm', 'strtok3', 'token-types', 'peek-readable', 'uint8array-extras', '@tokenizer', 'fractional-indexing'];
const common = {
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'off' },
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

if (!process.env.DATABASE_URL) {
  console.log('DATABASE_URL is not set: integration and e2e tests run on embedded PGlite only (CI runs them on PostgreSQL too).');
}

module.exports = {
  // Integration and e2e files start a database (and a server) seeded per file; hooks need time for that.
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
