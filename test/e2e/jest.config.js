// End-to-end: the built service and emulator as real processes, driven by Debian's Chromium (run `npm run build` first).
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  maxWorkers: 1,
  testTimeout: 60000,
  // No test reaches past loopback: see the file.
  setupFiles: ['<rootDir>/test/support/loopback-only.ts'],
};
