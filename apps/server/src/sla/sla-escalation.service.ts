import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, JobPayloads, QueueName, type SlaEscalation } from '@kefu/contracts';
import type { SlaTimerEntity } from './sla-timer.entity.js';

/**
 * The store's webhook when one of its conversations breaches (retried by the alerts queue). Moving
 * the conversation to another agent is the routing module's part (it registers a breach hook).
 */
@Injectable()
export class SlaEscalationService {
  constructor(@InjectQueue(QueueName.Alerts) private readonly alerts: Queue) {}

  async onBreach(timer: SlaTimerEntity, settings: SlaEscalation | undefined): Promise<void> {
    const url = settings?.webhookUrl;
    if (!url) return;
    const payload: JobPayloads[typeof JobName.SlaAlert] = { timerId: timer.id, url };
    await this.alerts.add(JobName.SlaAlert, payload, {
      jobId: `alert-${timer.id}`,
      attempts: 6,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }
}
