import { Processor } from '@nestjs/bullmq';
import { JobName, QueueName } from '@kefu/contracts';
import { JobHandler, type JobOf } from '../queue/job-handler.decorator.js';
import { JobHost } from '../queue/job-host.js';
import { PresenceService } from './presence.service.js';
import { RoutingService } from './routing.service.js';

@Processor(QueueName.Routing, { concurrency: 4 })
export class RoutingProcessor extends JobHost {
  constructor(
    private readonly routing: RoutingService,
    private readonly presence: PresenceService,
  ) {
    super();
  }

  @JobHandler(JobName.PresenceOffline)
  async offline(job: JobOf<typeof JobName.PresenceOffline>): Promise<void> {
    await this.presence.markOfflineIfGone(job.data.userId);
  }

  @JobHandler(JobName.PresenceRebalance)
  async rebalance(job: JobOf<typeof JobName.PresenceRebalance>): Promise<void> {
    const { userId } = job.data;
    if ((await this.presence.onlineUsers()).has(userId)) return;
    await this.routing.release(userId, { actorId: null, reason: 'agent offline' });
  }

  @JobHandler(JobName.RouteDrain)
  async drain(job: JobOf<typeof JobName.RouteDrain>): Promise<void> {
    await this.routing.drain(job.data.storeIds);
  }
}
