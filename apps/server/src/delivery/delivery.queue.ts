import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Puts replies on the delivery queue. The job id is the message id, so enqueuing twice is harmless. */
@Injectable()
export class DeliveryQueue {
  constructor(
    @InjectQueue(QueueName.Delivery) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(messageId: string): Promise<void> {
    const payload: JobPayloads[typeof JobName.DeliverMessage] = { messageId };
    await this.queue.add(JobName.DeliverMessage, payload, {
      jobId: messageId,
      attempts: this.config.deliveryAttempts,
      backoff: { type: 'exponential', delay: this.config.deliveryBackoffMs },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600 },
    });
  }
}
