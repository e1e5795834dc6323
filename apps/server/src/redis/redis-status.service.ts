import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { connectionErrorLog, RedisUnavailableError } from './redis-errors.js';
import { REDIS_COMMAND_TIMEOUT_MS } from './redis-options.js';
import { REDIS } from './redis-token.js';

/**
 * Whether the desk's Redis answers, from the shared client's connection: one line when it goes away
 * and one when it is back, a bounded wait for it, and what to redo once it returns (it may come
 * back empty: alarms re-armed, schedules set again).
 */
@Injectable()
export class RedisStatus implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private downSince: number | null = null;
  private everReady = false;
  private stopping = false;
  private readonly onBack = new Set<() => void>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    redis.on('error', connectionErrorLog(this.logger, 'Redis'));
    redis.on('close', () => {
      if (this.stopping || !this.everReady || this.downSince !== null) return;
      this.downSince = Date.now();
      this.logger.warn('Redis connection lost: messages are still stored; live events, alarms and queued work resume when it is back');
    });
    redis.on('ready', () => {
      this.everReady = true;
      if (this.downSince === null) return;
      this.logger.log(`Redis is back after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s`);
      this.downSince = null;
      for (const fn of this.onBack) fn();
    });
  }

  get up(): boolean {
    return this.redis.status === 'ready';
  }

  /** Resolves as soon as Redis is connected; RedisUnavailableError after `ms`. */
  async whenUp(ms = REDIS_COMMAND_TIMEOUT_MS): Promise<void> {
    if (this.up) return;
    await new Promise<void>((resolve, reject) => {
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.redis.off('ready', ready);
        reject(new RedisUnavailableError());
      }, ms);
      this.redis.once('ready', ready);
    });
  }

  /** Runs `fn` each time Redis returns after an outage. */
  onRecovered(fn: () => void): void {
    this.onBack.add(fn);
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.onBack.clear();
  }
}
