// A health check for a process without HTTP (the worker's container): exits 0 when PostgreSQL and
// Redis both answer within a few seconds, 1 with one line naming the one that does not.
import pg from 'pg';
import { loadConfig } from '../config/config.js';
import { checkRedis, PreflightError, runMain } from './preflight.js';
import { redactUrl } from '../config/redact-url.util.js';

runMain(async () => {
  const config = loadConfig();
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new PreflightError(`Cannot reach PostgreSQL at ${redactUrl(config.databaseUrl)} (${(err as Error).message})`);
  } finally {
    await client.end().catch(() => undefined);
  }
  await checkRedis(config.redisUrl);
  process.exit(0);
});
