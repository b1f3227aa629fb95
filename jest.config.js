/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // tsconfig's isolatedModules makes ts-jest transpile only; npm test runs tsc for the types.
  // jose 6 (under the Agents SDK's jwks-rsa) ships ES modules only: Node 20 requires them natively,
  // Jest's module system does not, so its files are compiled to CommonJS for the tests.
  transform: {
    '^.+\\.ts$': 'ts-jest',
    '/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  // One worker per core (Jest's default leaves one core to its parent, which only waits): most suites spend their
  // time waiting on a browser, a child process or a socket, so two workers on two cores finish in ~95 s, not ~150 s.
  maxWorkers: '100%',
  // natural and the HTTP tests take a moment to warm up on a 2-core machine
  testTimeout: 30000,
};
