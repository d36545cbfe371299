/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Generous: Neo4j suites load a dataset in their set-up, which took over a minute on a CI machine at load 17.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  // A real Neo4j for the Neo4j tier: one Maven-launched server per worker, or NEO4J_URI's (see test/README.md).
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  // The embedded engine is a native library; one worker per core keeps memory and file locks simple.
  maxWorkers: 2,
};
