import base from '../jest.config.js';

/** The workspace packages a test imports, as sources. */
export const SOURCES = { '^@kefu/contracts$': '<rootDir>/../libs/contracts/src/index.ts' };

/**
 * Medium, integration and browser tests: the real desk on a fresh database, one file at a time.
 * What a test imports comes from the sources, @kefu/contracts included (so the desk in the test
 * process is the code as it is, transpiled by @swc/jest); the built output (dist/) is only run as
 * processes: the migrations (global-setup.js), workers and api processes a test kills or restarts.
 */
export default {
  ...base,
  rootDir: '.',
  moduleNameMapper: { ...base.moduleNameMapper, ...SOURCES },
  testMatch: ['<rootDir>/medium/**/*.spec.ts', '<rootDir>/integration/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.js',
  globalTeardown: '<rootDir>/support/global-teardown.js',
  // @nestjs/throttler (CommonJS) inside the in-process desk: see support/nest-cjs-resolver.cjs.
  resolver: '<rootDir>/support/nest-cjs-resolver.cjs',
  setupFiles: ['<rootDir>/support/nest-esm-instances.js'],
  testTimeout: 60000,
  // One test file at a time (`--maxWorkers=1`, in a worker process rather than in band) and a fresh
  // worker once it holds this much after a file: ESM test files' module graphs are not freed between
  // files, and without a restart each file ran slower than the one before (a late admin.spec took 72 s
  // for what takes 6 s early in the run).
  workerIdleMemoryLimit: '1200MB',
  // A desk that failed half-way through booting leaves sockets open; never let that hang CI.
  forceExit: true,
};
