import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import type { ChannelAdapter, OutboundMessage } from './channel-adapter.js';

/** Redis channel on which the simulated platform hands replies to its customers (the simulator). */
export const simulatedOutboxChannel = (config: AppConfig) => `${config.redisPrefix}:sim:outbox`;

/**
 * The simulated sales platform: "delivers" a reply by publishing it where the customer simulator
 * listens, and gives it a platform message id, as a real platform API would.
 */
@Injectable()
export class SimulatedPlatformAdapter implements ChannelAdapter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(message: OutboundMessage): Promise<{ externalId: string }> {
    const externalId = `sim-out-${message.messageId}`;
    await this.redis.publish(simulatedOutboxChannel(this.config), JSON.stringify({ ...message, externalId, sentAt: new Date().toISOString() }));
    return { externalId };
  }
}
