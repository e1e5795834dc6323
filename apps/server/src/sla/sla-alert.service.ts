import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { conversationHref, type SlaTimerKind } from '@kefu/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OutboundHttp } from '../outbound/outbound-http.js';
import { StoreEntity } from '../store/store.entity.js';
import { SlaTimerEntity } from './sla-timer.entity.js';

const KIND_TEXT: Record<SlaTimerKind, string> = { first_response: '首次响应 first response', next_response: '后续响应 next response', resolution: '解决 resolution' };

/**
 * Sends a breach to a store's outgoing webhook. The body is readable by the common group bots:
 * WeCom and DingTalk read `msgtype`/`text.content`, Feishu reads `msg_type`/`content.text`; other
 * endpoints get the structured `event` fields. It leaves the desk, so it carries ids, times and a
 * link into the console, never personal data (no customer name or words, no agent name). A failed
 * call is retried by the queue; a refused address is not.
 */
@Injectable()
export class SlaAlertService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbound: OutboundHttp,
  ) {}

  async send(timerId: string, url: string): Promise<void> {
    const timer = await this.db.getRepository(SlaTimerEntity).findOneBy({ id: timerId });
    if (!timer) return;
    const store = await this.db.getRepository(StoreEntity).findOneBy({ id: timer.storeId });
    const res = await this.outbound.postJson(url, slaAlertBody(timer, store?.name ?? null, this.config.publicUrl));
    if (res.sent) return;
    const why = `alert webhook ${res.failure}${res.status ? ` ${res.status}` : ''}`;
    throw res.failure === 'refused' ? new UnrecoverableError(why) : new Error(why);
  }
}

export function slaAlertBody(timer: SlaTimerEntity, storeName: string | null, publicUrl: string) {
  const link = timer.conversationId ? `${publicUrl}/${conversationHref(timer.conversationId, timer.ticketId)}` : `${publicUrl}/`;
  const minutes = Math.round(timer.targetSeconds / 60);
  const text =
    `【客服超时 SLA breached】${storeName ?? timer.storeId}: ${KIND_TEXT[timer.kind]} 超过 ${minutes} 分钟 (over ${minutes} min)` +
    `${timer.breachAssigneeId ? '' : ',未分配 unassigned'}。${link}`;
  return {
    msgtype: 'text',
    text: { content: text },
    msg_type: 'text',
    content: { text },
    event: 'sla.breached',
    timerId: timer.id,
    kind: timer.kind,
    storeId: timer.storeId,
    storeName,
    conversationId: timer.conversationId,
    assigneeId: timer.breachAssigneeId,
    targetSeconds: timer.targetSeconds,
    startedAt: timer.startedAt.toISOString(),
    dueAt: timer.dueAt?.toISOString() ?? null,
    breachedAt: timer.breachedAt?.toISOString() ?? null,
    link,
  };
}
