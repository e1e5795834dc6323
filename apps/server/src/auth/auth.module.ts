import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { DeskThrottlerGuard, throttlerOptions } from '../throttle/desk-throttler.guard.js';
import { RedisThrottlerStorage } from '../throttle/redis-throttler.storage.js';
import { AuthGuard } from './auth.guard.js';
import { loadJwtSecret } from './jwt-secret.js';
import { TokenService } from './token.service.js';

/** Runs in: api. Access tokens, the guard on every route (then the per-user rate limit) and the store scope it sets. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [DataSource, APP_CONFIG],
      useFactory: async (db: DataSource, cfg: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries it as a public
        // key and throws, on every request (a tenth of the api's time under load).
        secret: createSecretKey(Buffer.from(await loadJwtSecret(db, cfg))),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [REDIS, APP_CONFIG],
      useFactory: (redis: Redis, cfg: AppConfig) => throttlerOptions(cfg, new RedisThrottlerStorage(redis, cfg.redisPrefix, cfg.throttleTimeoutMs)),
    }),
  ],
  providers: [
    TokenService,
    { provide: APP_GUARD, useClass: AuthGuard },
    // After the AuthGuard: the per-user limit needs the caller.
    { provide: APP_GUARD, useClass: DeskThrottlerGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
