import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { DeliveryService } from './delivery.service.js';

@Processor(QueueName.Delivery, { concurrency: 20 })
export class DeliveryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeliveryProcessor.name);

  constructor(private readonly delivery: DeliveryService) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const n = await this.delivery.requeueStranded();
    if (n) this.logger.log(`re-queued ${n} undelivered replies`);
  }

  async process(job: Job<JobPayloads[typeof JobName.DeliverMessage]>): Promise<void> {
    if (job.name !== JobName.DeliverMessage) throw new Error(`unknown job ${job.name}`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.delivery.deliver(job.data.messageId, finalAttempt);
  }
}
