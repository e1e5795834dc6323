import { isRedisUnavailable } from '../redis/redis-errors.js';

export type Dependency = 'database' | 'redis';

/** SQLSTATEs of a server that is gone, going or not yet back: connection exceptions (08…), shutdown, start-up, full. */
const PG_DOWN_STATES = /^(08...|57P0[123]|53300)$/;
/** What the pg driver says when it cannot reach the server or loses it mid-query. */
const PG_DOWN_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /^Client has encountered a connection error/];
const NET_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Which dependency an error says is unavailable (answered 503 with Retry-After: the client retries),
 * or null for a real fault. A network error counts as the database's only when it names the
 * database's host or port, so an outbound call that fails is not taken for one.
 */
export function unavailableDependency(err: unknown, databaseUrl: string): Dependency | null {
  if (isRedisUnavailable(err)) return 'redis';
  const e = err as { code?: unknown; message?: unknown; port?: unknown; hostname?: unknown; driverError?: unknown } | null;
  if (!e || typeof e !== 'object') return null;
  const driver = (e.driverError ?? e) as { code?: unknown; message?: unknown };
  if (typeof driver.code === 'string' && PG_DOWN_STATES.test(driver.code)) return 'database';
  if (typeof driver.message === 'string' && PG_DOWN_MESSAGES.some((re) => re.test(driver.message as string))) return 'database';
  if (typeof e.code === 'string' && NET_DOWN.has(e.code)) {
    const db = new URL(databaseUrl);
    if (e.port === Number(db.port || 5432) || e.hostname === db.hostname) return 'database';
  }
  return null;
}
