import base from '../jest.config.js';
import { SOURCES } from '../jest.config.js';

/** Benchmarks: plain jest files that print their figures (run by `npm run bench`, not by `npm test`). */
export default {
  ...base,
  rootDir: '..',
  moduleNameMapper: { ...base.moduleNameMapper, ...SOURCES },
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 30 * 60 * 1000,
  // @nestjs/throttler (CommonJS) in-process: see support/nest-cjs-resolver.cjs.
  resolver: '<rootDir>/support/nest-cjs-resolver.cjs',
  setupFiles: ['<rootDir>/support/nest-esm-instances.js'],
};
