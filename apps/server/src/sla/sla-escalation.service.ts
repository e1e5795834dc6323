import { Injectable } from '@nestjs/common';
import { JobId, JobName, type SlaEscalation } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import { OutboundWebhooks } from '../outbound/outbound-webhooks.js';
import type { ConversationEntity } from '../conversation/conversation.entity.js';
import { RoutingService } from '../routing/routing.service.js';
import type { SlaTimerEntity } from './sla-timer.entity.js';

/** What a store asked to happen when one of its conversations breaches. */
@Injectable()
export class SlaEscalationService {
  constructor(
    private readonly webhooks: OutboundWebhooks,
    private readonly routing: RoutingService,
    private readonly audit: AuditService,
  ) {}

  async onBreach(timer: SlaTimerEntity, conv: ConversationEntity, settings: SlaEscalation): Promise<void> {
    if (settings?.reassign && conv.status === 'open') await this.reassign(conv);
    const url = settings?.webhookUrl;
    if (url) await this.webhooks.enqueue(JobName.SlaAlert, { timerId: timer.id, url }, JobId.slaAlert(timer.id));
  }

  /** To the least-loaded online agent of the store other than the current one (who keeps it when nobody can). */
  private async reassign(conv: ConversationEntity): Promise<void> {
    const to = await this.routing.assign(conv.id, conv.assigneeId ? { from: conv.assigneeId } : {});
    if (to)
      await this.audit.record({ actorId: null, action: 'conversation.assigned', targetType: 'conversation', targetId: conv.id, details: { from: conv.assigneeId, to, reason: 'sla breach escalation' } });
  }
}
