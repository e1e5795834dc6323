import pg from 'pg';
import { flushRunRedis } from '../support/desk.js';
import { migrate } from '../../apps/server/src/database/migrate.js';

/** A throwaway database and Redis prefix for one benchmark; `drop()` removes both. */
export async function benchEnvironment(name: string) {
  const run = `${name}_${Date.now().toString(36)}`;
  const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(admin);
  url.pathname = `/kefu_bench_${run}`;
  process.env.DATABASE_URL = url.toString();
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `kefu-bench-${run}`;
  process.env.NODE_ENV = 'test';
  await migrate(process.env.DATABASE_URL);
  return {
    databaseUrl: process.env.DATABASE_URL,
    redisPrefix: process.env.REDIS_PREFIX,
    async drop() {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "kefu_bench_${run}" WITH (FORCE)`);
      await client.end();
      await flushRunRedis();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
