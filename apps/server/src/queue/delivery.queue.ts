import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobId, JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { deferred } from '../redis/redis-errors.js';

/**
 * Puts replies on the delivery queue. The job id is the message id, so enqueuing twice is harmless.
 * Never throws: the message is stored `queued` first, and one Redis refused stays so until the
 * worker's reconciler enqueues it again (DeliveryService.requeueStranded).
 */
@Injectable()
export class DeliveryQueue {
  private readonly logger = new Logger(DeliveryQueue.name);

  constructor(
    @InjectQueue(QueueName.Delivery) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(messageId: string): Promise<void> {
    const payload: JobPayloads[typeof JobName.DeliverMessage] = { messageId };
    await this.queue
      .add(JobName.DeliverMessage, payload, {
        jobId: JobId.delivery(messageId),
        attempts: this.config.deliveryAttempts,
        backoff: { type: 'exponential', delay: this.config.deliveryBackoffMs },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 24 * 3600 },
      })
      .catch(deferred(this.logger, `message ${messageId} stays queued (sent once Redis is back)`));
  }

  /**
   * A reply still `queued` (the reconciler's DeliveryService.requeueStranded): enqueued again, or,
   * when its job failed for good because PostgreSQL was down while it ran (so the reply could not
   * even be marked failed), that job is retried with fresh attempts: an add with its id would be
   * ignored for as long as the failed job is kept.
   */
  async requeue(messageId: string): Promise<void> {
    const job = await this.queue.getJob(messageId);
    if (!job) return this.enqueue(messageId);
    if (await job.isFailed()) await job.retry('failed', { resetAttemptsMade: true });
  }
}
