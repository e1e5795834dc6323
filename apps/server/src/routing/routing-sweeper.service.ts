import { Injectable } from '@nestjs/common';
import { JobName } from '@kefu/contracts';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { PresenceService } from './presence.service.js';
import { RoutingService } from './routing.service.js';

/**
 * Worker safety net, a scheduled job every PRESENCE_HEARTBEAT_MS: agents whose consoles stopped
 * announcing (their api process died without a disconnect) start their grace period, and any
 * conversation still waiting while someone has room is assigned.
 */
@Injectable()
export class RoutingSweeper {
  constructor(
    private readonly presence: PresenceService,
    private readonly routing: RoutingService,
  ) {}

  /** One sweep, now (the scheduled job; tests call it directly). */
  @JobHandler(JobName.RoutingSweep)
  async runOnce(): Promise<void> {
    for (const userId of await this.presence.staleOnlineUsers()) await this.presence.scheduleOffline(userId, 0);
    await this.routing.drain(null);
  }
}
