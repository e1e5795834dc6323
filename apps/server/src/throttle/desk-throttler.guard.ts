import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Caller } from '../auth/caller.js';
import type { AppConfig } from '../config/config.js';
import { CHANNEL_THROTTLE } from './throttle.decorators.js';
import type { RedisThrottlerStorage } from './redis-throttler.storage.js';

type DeskRequest = Request & { caller?: Caller };

const isWebhook = (ctx: ExecutionContext) => Reflect.getMetadata(CHANNEL_THROTTLE, ctx.getHandler()) === true;

/**
 * The desk's two request limits (failed logins have their own, LoginThrottle): each signed-in user
 * per minute across the whole API, and each channel's webhooks per second. Public routes other
 * than webhooks (login, refresh, health) are not counted here.
 */
export function throttlerOptions(config: AppConfig, storage: RedisThrottlerStorage): ThrottlerModuleOptions {
  return {
    storage,
    throttlers: [
      {
        name: 'user',
        ttl: 60_000,
        limit: config.rateLimitPerUser,
        skipIf: (ctx) => !ctx.switchToHttp().getRequest<DeskRequest>().caller,
        getTracker: (req) => (req as DeskRequest).caller!.user.id,
        generateKey: (_ctx, tracker) => tracker,
      },
      {
        name: 'channel',
        ttl: 1000,
        limit: config.rateLimitPerChannel,
        skipIf: (ctx) => !isWebhook(ctx),
        getTracker: (req) => String((req as DeskRequest).params.channelId).slice(0, 64),
        generateKey: (ctx, tracker) => `${ctx.getHandler().name}:${tracker}`,
      },
    ],
    setHeaders: false,
  };
}

/** @nestjs/throttler's guard, for HTTP only, answering 429 with a plain `Retry-After`. Runs after the AuthGuard. */
@Injectable()
export class DeskThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(ctx: ExecutionContext): Promise<boolean> {
    return ctx.getType() !== 'http';
  }

  protected override async throwThrottlingException(ctx: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new ThrottlerException(`Too many requests: retry in ${seconds} s`);
  }
}
