import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobId, JobName, QueueName } from '@kefu/contracts';
import { deferred } from '../redis/redis-errors.js';

/**
 * Alarm clocks for rules saved ahead of their `effectiveAt`: one delayed job per instant (its id),
 * so many rules of one rule change share a job. Never throws: the worker's periodic sweep puts in
 * force whatever a lost job missed, and checks apply a rule from its instant regardless.
 */
@Injectable()
export class GuardActivationQueue {
  private readonly logger = new Logger(GuardActivationQueue.name);

  constructor(@InjectQueue(QueueName.Guard) private readonly queue: Queue) {}

  async armAt(at: Date): Promise<void> {
    const delay = at.getTime() - Date.now();
    if (delay <= 0) return;
    await this.queue
      .add(JobName.GuardActivate, {}, { jobId: JobId.guardActivation(at), delay, attempts: 5, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } })
      .catch(deferred(this.logger, `guard rules due at ${at.toISOString()} wait for the worker's sweep`));
  }
}
