import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '@kefu/contracts';
import { SlaAlertService } from './sla-alert.service.js';

@Processor(QueueName.Alerts, { concurrency: 10 })
export class SlaAlertProcessor extends WorkerHost {
  constructor(private readonly alerts: SlaAlertService) {
    super();
  }

  async process(job: Job<JobPayloads[typeof JobName.SlaAlert]>): Promise<void> {
    if (job.name !== JobName.SlaAlert) throw new Error(`unknown job ${job.name}`);
    await this.alerts.send(job.data.timerId, job.data.url);
  }
}
