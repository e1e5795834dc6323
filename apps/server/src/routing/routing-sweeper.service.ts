import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PresenceService } from '../presence/presence.service.js';
import { RoutingService } from './routing.service.js';

/**
 * Worker safety net, every PRESENCE_HEARTBEAT_MS: agents whose consoles stopped announcing (their
 * api process died without a disconnect) start their grace period, and any conversation still
 * waiting while someone has room is assigned.
 */
@Injectable()
export class RoutingSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RoutingSweeper.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly presence: PresenceService,
    private readonly routing: RoutingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.presenceHeartbeatMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      for (const userId of await this.presence.staleOnlineUsers()) await this.presence.scheduleOffline(userId, 0);
      await this.routing.drain(null);
    })()
      .catch((err: Error) => this.logger.error(`sweep failed: ${err.message}`))
      .finally(() => (this.running = null));
    await this.running;
  }
}
