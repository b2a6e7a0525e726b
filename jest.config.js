// Three tiers, one command: `npm test` runs unit, integration and e2e against real PostgreSQL and Redis.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true } }];
const moduleNameMapper = {
  '^@fuyi/(kernel|platform|deadlines|clocks|notifications|cases|mediation|liaison|documents|statistics|files)$': '<rootDir>/libs/$1/src/index.ts',
};
// A few dependencies ship ES modules only; Node 20.19 loads them with require(esm) at run time, Jest needs them compiled.
const ESM_ONLY = ['content-disposition', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer/inflate', '@borewit/text-codec'];
const base = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
};
module.exports = {
  maxWorkers: 2,
  // Real services on a 2-core machine: set-up (clone a database, boot the app, log in) can take seconds under load.
  // A global option: Jest does not apply it from the project entries.
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
    // Own PostgreSQL cluster and redis-server on free ports, started by the tests themselves (test/support/private-services.ts).
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' },
    // The web console in Debian's Chromium (playwright-core) against the real api + worker; built once per run (issue 13).
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'], globalSetup: '<rootDir>/test/browser/support/global-setup.ts', globalTeardown: '<rootDir>/test/browser/support/global-teardown.ts' },
  ],
};
