import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, JobPayloads, QueueName, type SlaEscalation } from '@kefu/contracts';
import type { ConversationEntity } from '../conversation/conversation.entity.js';
import type { SlaTimerEntity } from './sla-timer.entity.js';

/** What a store asked to happen when one of its conversations breaches. */
@Injectable()
export class SlaEscalationService {
  constructor(@InjectQueue(QueueName.Alerts) private readonly alerts: Queue) {}

  async onBreach(timer: SlaTimerEntity, _conv: ConversationEntity, settings: SlaEscalation): Promise<void> {
    const url = settings?.webhookUrl;
    if (url) {
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
}
