// One fresh PostgreSQL database and one Redis key prefix per test run; dropped at the end.
import { migrate } from '../../apps/server/dist/database/migrate.js';

export default async function globalSetup() {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/kefu_test_${run}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `kefu-test-${run}`;
  process.env.NODE_ENV = 'test';
  await migrate(process.env.DATABASE_URL);
  globalThis.__kefuTestDb = { admin: base, name: `kefu_test_${run}` };
}
