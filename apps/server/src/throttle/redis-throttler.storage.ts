import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

// One round trip per check, atomic across every api process. KEYS: hits, block; ARGV: ttl ms, limit, block ms.
// Returns hits, ms until the window ends, blocked (0/1), ms until the block ends.
const HIT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {tonumber(redis.call('GET', KEYS[1]) or ARGV[2]), redis.call('PTTL', KEYS[1]), 1, blocked} end
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
if hits <= tonumber(ARGV[2]) then return {hits, ttl, 0, 0} end
local block = tonumber(ARGV[3])
if block <= 0 then return {hits, ttl, 1, ttl} end
redis.call('SET', KEYS[2], '1', 'PX', block)
return {hits, ttl, 1, block}`;

// Counters that only grow when told to (failed logins). KEYS: counters; ARGV: window ms, then one limit per key.
// PEEK returns the ms until every counter over its limit has expired (0: none is).
const PEEK = `
local wait = 0
for i, key in ipairs(KEYS) do
  local n = tonumber(redis.call('GET', key) or '0')
  if n >= tonumber(ARGV[i + 1]) then wait = math.max(wait, redis.call('PTTL', key)) end
end
return wait`;
const COUNT = `
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0`;

const WARN_EVERY_MS = 10_000;

/**
 * Rate-limit counters in Redis over the desk's ioredis client, shared by every api process.
 * Fails open: when Redis is not connected, errs, or has not answered within `timeoutMs`, the
 * request goes through (a webhook must keep storing messages while Redis is down).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttler');
  private lastWarnAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {}

  /** ThrottlerStorage: counts one request against `limit` per `ttl` ms (the guard's API and webhook limits). */
  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const k = this.key(`${throttlerName}:${key}`);
    const open: ThrottlerStorageRecord = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    const answer = await this.run(null, () => this.redis.eval(HIT, 2, k, `${k}:blocked`, ttl, limit, blockDuration) as Promise<number[]>);
    if (!answer) return open;
    const [totalHits, ttlMs, blocked, blockMs] = answer.map(Number) as [number, number, number, number];
    return { totalHits, timeToExpire: Math.ceil(ttlMs / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(blockMs / 1000) };
  }

  /** Milliseconds until none of `counters` is at its limit any more (0: go ahead). Counts nothing. */
  async blockedFor(counters: { key: string; limit: number }[]): Promise<number> {
    const keys = counters.map((c) => this.key(c.key));
    return Number(await this.run(0, () => this.redis.eval(PEEK, keys.length, ...keys, 0, ...counters.map((c) => c.limit)) as Promise<number>));
  }

  /** Adds one to each counter; a counter's window starts at its first count. */
  async count(keys: string[], windowMs: number): Promise<void> {
    const full = keys.map((k) => this.key(k));
    await this.run(0, () => this.redis.eval(COUNT, full.length, ...full, windowMs) as Promise<number>);
  }

  private key(k: string): string {
    return `${this.prefix}:throttle:${k}`;
  }

  private async run<T>(fallback: T, call: () => Promise<T>): Promise<T> {
    if (this.redis.status !== 'ready') return this.failOpen(fallback, `redis ${this.redis.status}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(this.failOpen(fallback, `no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([call().catch((err: Error) => this.failOpen(fallback, err.message)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private failOpen<T>(fallback: T, why: string): T {
    if (Date.now() - this.lastWarnAt > WARN_EVERY_MS) {
      this.lastWarnAt = Date.now();
      this.logger.warn(`rate limits not checked (${why}): letting requests through`);
    }
    return fallback;
  }
}
