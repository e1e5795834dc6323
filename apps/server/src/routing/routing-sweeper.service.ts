import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicTask } from '../common/periodic-task.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PresenceService } from './presence.service.js';
import { RoutingService } from './routing.service.js';

/**
 * Worker safety net, every PRESENCE_HEARTBEAT_MS: agents whose consoles stopped announcing (their
 * api process died without a disconnect) start their grace period, and any conversation still
 * waiting while someone has room is assigned.
 */
@Injectable()
export class RoutingSweeper extends PeriodicTask {
  protected readonly logger = new Logger(RoutingSweeper.name);

  constructor(
    private readonly presence: PresenceService,
    private readonly routing: RoutingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.presenceHeartbeatMs;
  }

  protected async runOnce(): Promise<void> {
    for (const userId of await this.presence.staleOnlineUsers()) await this.presence.scheduleOffline(userId, 0);
    await this.routing.drain(null);
  }
}
