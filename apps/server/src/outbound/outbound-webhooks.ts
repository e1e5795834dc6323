import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type WebhookJob = typeof JobName.SlaAlert | typeof JobName.SupplierReminder;

/**
 * The one retried queue of outgoing webhook posts (breach alerts, supplier reminders): each post is
 * a job with a deterministic id, tried OUTBOUND_ATTEMPTS times with exponential backoff. A handler
 * throws to be tried again, or an UnrecoverableError when trying again cannot help (a refused address).
 */
@Injectable()
export class OutboundWebhooks {
  constructor(
    @InjectQueue(QueueName.Alerts) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue<N extends WebhookJob>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    await this.queue.add(name, payload, {
      jobId,
      attempts: this.config.outboundAttempts,
      backoff: { type: 'exponential', delay: this.config.outboundBackoffMs },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}

/** Whether this run of a job is its last try. */
export const isFinalAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
