// Checks that PostgreSQL and Redis answer before anything else starts, and says in one line what
// to do when they do not (no stack trace for a service that is simply down).
import { Redis } from 'ioredis';
import { ConfigError } from '../config/config.js';
import { redactUrl } from '../config/redact-url.util.js';
import { ensureDatabase } from '../database/ensure-database.js';

export class PreflightError extends Error {}

export async function checkDatabase(databaseUrl: string): Promise<void> {
  try {
    await ensureDatabase(databaseUrl);
  } catch (err) {
    throw new PreflightError(
      `Cannot reach PostgreSQL at ${redactUrl(databaseUrl)} (${(err as Error).message}). ` +
        `Start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL.`,
    );
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new PreflightError(
      `Cannot reach Redis at ${redactUrl(redisUrl)} (${(err as Error).message || 'connection refused'}). ` +
        `Start it (e.g. redis-server --daemonize yes --port 6379) or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}

export async function preflight(databaseUrl: string, redisUrl: string): Promise<void> {
  await checkDatabase(databaseUrl);
  await checkRedis(redisUrl);
}

/** Runs a process's main function; known start-up failures print one line and exit 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: Error) => {
    if (err instanceof PreflightError || err instanceof ConfigError) {
      console.error(`kefu: ${err.message}`);
    } else {
      console.error(err);
    }
    process.exit(1);
  });
}
