import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { PresenceService } from './presence.service.js';
import { RoutingService } from './routing.service.js';

@Processor(QueueName.Routing, { concurrency: 4 })
export class RoutingProcessor extends WorkerHost {
  constructor(
    private readonly routing: RoutingService,
    private readonly presence: PresenceService,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JobName.PresenceOffline: {
        const { userId } = job.data as JobPayloads[typeof JobName.PresenceOffline];
        await this.presence.markOfflineIfGone(userId);
        return;
      }
      case JobName.PresenceRebalance: {
        const { userId } = job.data as JobPayloads[typeof JobName.PresenceRebalance];
        if ((await this.presence.onlineUsers()).has(userId)) return;
        await this.routing.release(userId, { actorId: null, reason: 'agent offline' });
        return;
      }
      case JobName.RouteDrain:
        await this.routing.drain((job.data as JobPayloads[typeof JobName.RouteDrain]).storeIds);
        return;
      default:
        throw new Error(`unknown job ${job.name}`);
    }
  }
}
