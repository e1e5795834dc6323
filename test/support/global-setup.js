// One fresh PostgreSQL database and one Redis key prefix per test run; dropped at the end. The
// migrations are applied by the built migrate command, as a deployment does (global setup runs
// outside jest's transform, so it cannot import the TypeScript sources).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumOptions } from './chromium.js';

export default async function globalSetup() {
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/kefu_test_${run}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `kefu-test-${run}`;
  process.env.NODE_ENV = 'test';
  const migrated = spawnSync(process.execPath, [join(import.meta.dirname, '../../apps/server/dist/cli/migrate.js')], { env: { ...process.env, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(`migrations failed: ${migrated.stderr || migrated.stdout}`);
  globalThis.__kefuTestDb = { admin: base, name: `kefu_test_${run}` };
  // One Chromium for the run's browser tests (a launch costs seconds on a busy machine): support/browser.ts.
  const browser = await chromium.launchServer(chromiumOptions());
  globalThis.__kefuBrowser = browser;
  process.env.KEFU_BROWSER_WS = browser.wsEndpoint();
}
