import { Injectable } from '@nestjs/common';
import { JobId, JobName, type SlaEscalation } from '@kefu/contracts';
import { OutboundWebhooks } from '../outbound/outbound-webhooks.js';
import type { SlaTimerEntity } from './sla-timer.entity.js';

/**
 * The store's webhook when one of its conversations breaches (retried by the outbound queue). Moving
 * the conversation to another agent is the routing module's part (it registers a breach hook).
 */
@Injectable()
export class SlaEscalationService {
  constructor(private readonly webhooks: OutboundWebhooks) {}

  async onBreach(timer: SlaTimerEntity, settings: SlaEscalation | undefined): Promise<void> {
    const url = settings?.webhookUrl;
    if (url) await this.webhooks.enqueue(JobName.SlaAlert, { timerId: timer.id, url }, JobId.slaAlert(timer.id));
  }
}
