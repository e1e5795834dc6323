import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { failFastRedis } from './redis-options.js';
import { RedisStatus } from './redis-status.service.js';
import { REDIS } from './redis-token.js';

export { REDIS };

/**
 * One shared ioredis client for commands (presence, live events, health, alarm checks); BullMQ
 * opens its own. It fails fast while Redis is down (see redis-options.ts): callers decide what
 * waits for Redis's return.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new Redis(config.redisUrl, { ...failFastRedis, enableReadyCheck: true }),
    },
    RedisStatus,
  ],
  exports: [REDIS, RedisStatus],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
