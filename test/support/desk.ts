// Boots the real desk in the test process: the api (HTTP + socket.io) on a random port and the
// worker, both on the run's database and Redis prefix (see global-setup.js).
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApi, createWorker } from '../../apps/server/src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../apps/server/src/config/config.js';
import type { ChannelAdapter } from '../../apps/server/src/delivery/channel-adapter.js';
import { seedIfEmpty } from '../../apps/server/src/seed/seed.js';

/** Deletes every Redis key of this test run: what a FLUSHALL or a Redis restart does to the desk. */
export async function flushRunRedis(): Promise<number> {
  const redis = new Redis(process.env.REDIS_URL!);
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  return deleted;
}

/** A compiled server entry point (`worker.js`, `main.js`) as its own OS process, so a test can kill -9 it. */
export function spawnServer(entry: 'worker.js' | 'main.js', env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [join(import.meta.dirname, '../../apps/server/dist', entry)], {
    env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', ...FAST_RETRIES, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Retries of failed deliveries and webhook posts a test can wait for (the desk's defaults back off for minutes). */
const FAST_RETRIES = { DELIVERY_ATTEMPTS: '3', DELIVERY_BACKOFF_MS: '50', OUTBOUND_ATTEMPTS: '3', OUTBOUND_BACKOFF_MS: '50' };

export const spawnWorker = (env: Record<string, string> = {}) => spawnServer('worker.js', env);

export interface Desk {
  url: string;
  config: AppConfig;
  api: NestExpressApplication;
  worker: INestApplicationContext | null;
  db: DataSource;
  close(): Promise<void>;
}

export async function startDesk(opts: { worker?: boolean; channelAdapter?: ChannelAdapter; console?: boolean; env?: Record<string, string> } = {}): Promise<Desk> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...FAST_RETRIES,
    DEMO_HISTORY: 'false',
    // Tests poll the API every 25 ms (waitFor): far past a person's or a script's 1,200 a minute.
    // The rate-limit tests set their own limits.
    RATE_LIMIT_PER_USER: '1000000',
    CONSOLE_DIST: opts.console ? undefined : '',
    ...opts.env,
  });
  const api = await createApi(config);
  await api.listen(0, '127.0.0.1');
  const worker = opts.worker === false ? null : await createWorker(config, { channelAdapter: opts.channelAdapter });
  const db = api.get(DataSource);
  await seedIfEmpty(db, config);
  const address = api.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    config,
    api,
    worker,
    db,
    async close() {
      await worker?.close();
      await api.close();
    },
  };
}
