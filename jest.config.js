/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/docker/', '/test/redis/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // src/browser imports its siblings as './x.js', as browsers need; jest finds them as ./x.ts.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 20000,
  // No test reaches past loopback: see the file.
  setupFiles: ['<rootDir>/test/support/loopback-only.ts'],
  // Without Primer's OpenAPI file the contract tests are skipped: one line per run says how to get it.
  globalSetup: '<rootDir>/test/support/announce-missing-primer-openapi.ts',
};
