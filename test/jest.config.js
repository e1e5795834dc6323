import base from '../jest.config.js';

/** Integration and browser tests: the real desk on a fresh database, one file at a time. */
export default {
  ...base,
  rootDir: '.',
  testMatch: ['<rootDir>/medium/**/*.spec.ts', '<rootDir>/integration/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.js',
  globalTeardown: '<rootDir>/support/global-teardown.js',
  // @nestjs/throttler (CommonJS) inside the in-process desk: see support/nest-cjs-resolver.cjs.
  resolver: '<rootDir>/support/nest-cjs-resolver.cjs',
  setupFiles: ['<rootDir>/support/nest-esm-instances.js'],
  testTimeout: 60000,
  // A desk that failed half-way through booting leaves sockets open; never let that hang CI.
  forceExit: true,
};
