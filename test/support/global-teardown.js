import pg from 'pg';
import { Redis } from 'ioredis';

export default async function globalTeardown() {
  await globalThis.__kefuBrowser?.close();
  const { admin, name } = globalThis.__kefuTestDb ?? {};
  if (name && !process.env.KEEP_TEST_DB) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
  const redis = new Redis(process.env.REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.REDIS_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
