import type { Logger } from '@nestjs/common';

/** Redis refused or did not answer in time: the caller gives up now, and its recovery happens later. */
export class RedisUnavailableError extends Error {
  constructor(message = 'Redis is unavailable') {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/** The errors ioredis gives a command while Redis is down or unreachable. */
const REDIS_DOWN = [/^Stream isn't writeable/, /^Connection is closed/, /^Command timed out/, /^Reached the max retries per request limit/];

export function isRedisUnavailable(err: unknown): boolean {
  if (err instanceof RedisUnavailableError) return true;
  const e = err as { name?: string; message?: string } | null;
  return e?.name === 'MaxRetriesPerRequestError' || REDIS_DOWN.some((re) => re.test(e?.message ?? ''));
}

/**
 * An `error` listener for a connection that retries by itself (ioredis client, BullMQ queue or
 * worker): one line when errors start, then at most one every 30 s with how many were left out,
 * instead of one per reconnect attempt (and no "Unhandled error event").
 */
export function connectionErrorLog(logger: Logger, source: string, everyMs = 30_000): (err: Error) => void {
  let last = 0;
  let skipped = 0;
  return (err: Error) => {
    const now = Date.now();
    if (now - last < everyMs) {
      skipped++;
      return;
    }
    logger.warn(`${source}: ${err.message || err.name}${skipped ? ` (${skipped} more since the last line)` : ''}`);
    last = now;
    skipped = 0;
  };
}

/**
 * A `.catch` for a side effect left to later recovery (the text says which): a warning, except
 * while Redis is down, when RedisStatus has said so once and each such failure is only a debug line.
 */
export const deferred =
  (logger: Logger, what: string) =>
  (err: Error): void => {
    if (isRedisUnavailable(err)) logger.debug(`${what}: ${err.message}`);
    else logger.warn(`${what}: ${err.message}`);
  };
