// With a real redis-server, started by the tests on a free loopback port (Debian's `redis-server`; run `npm run build` first).
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/redis'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 1,
  testTimeout: 30000,
  // No test reaches past loopback: see the file.
  setupFiles: ['<rootDir>/test/support/loopback-only.ts'],
};
