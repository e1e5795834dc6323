import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { DeliveryService } from './delivery.service.js';

@Processor(QueueName.Delivery, { concurrency: 20 })
export class DeliveryProcessor extends WorkerHost {
  constructor(private readonly delivery: DeliveryService) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.DeliverMessage]>): Promise<void> {
    if (job.name !== JobName.DeliverMessage) throw new Error(`unknown job ${job.name}`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.delivery.deliver(job.data.messageId, finalAttempt);
  }
}
