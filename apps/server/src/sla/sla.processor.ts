import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { SlaTimerService } from './sla-timer.service.js';

/** Wakes at a timer's warning and due instants; the timer row decides whether anything happens. */
@Processor(QueueName.Sla, { concurrency: 50 })
export class SlaProcessor extends WorkerHost {
  constructor(private readonly timers: SlaTimerService) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.SlaWarn]>): Promise<void> {
    if (job.name === JobName.SlaWarn) return this.timers.fireWarning(job.data.timerId);
    if (job.name === JobName.SlaBreach) return this.timers.fireBreach(job.data.timerId);
    throw new Error(`unknown job ${job.name}`);
  }
}
