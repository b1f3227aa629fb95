/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig's isolatedModules makes ts-jest transpile only; npm test runs tsc for the types.
  transform: { '^.+\\.ts$': 'ts-jest' },
  // natural and the HTTP tests take a moment to warm up on a 2-core machine
  testTimeout: 30000,
};
