import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { StoreEntity } from '../store/store.entity.js';
import { UserEntity } from '../user/user.entity.js';
import { SlaTimerEntity } from './sla-timer.entity.js';

/**
 * Sends a breach to a store's outgoing webhook. The body is readable by the common group bots:
 * WeCom and DingTalk read `msgtype`/`text.content`, Feishu reads `msg_type`/`content.text`; other
 * endpoints get the structured `event` fields. A non-2xx answer is retried by the queue.
 */
@Injectable()
export class SlaAlertService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async send(timerId: string, url: string): Promise<void> {
    const timer = await this.db.getRepository(SlaTimerEntity).findOneBy({ id: timerId });
    if (!timer) return;
    const store = await this.db.getRepository(StoreEntity).findOneBy({ id: timer.storeId });
    const conv = timer.conversationId ? await this.db.getRepository(ConversationEntity).findOne({ where: { id: timer.conversationId }, relations: { customer: true } }) : null;
    const assignee = timer.breachAssigneeId ? await this.db.getRepository(UserEntity).findOneBy({ id: timer.breachAssigneeId }) : null;
    const minutes = Math.round(timer.targetSeconds / 60);
    const text =
      `【客服超时 SLA breached】${store?.name ?? timer.storeId}: ${conv?.customer?.name ?? '顾客'} 等待超过 ${minutes} 分钟未回复` +
      `${assignee ? `(负责人 ${assignee.name})` : '(未分配)'}。${conv?.lastMessagePreview ? `最后消息:「${conv.lastMessagePreview}」` : ''}`;
    const body = {
      msgtype: 'text',
      text: { content: text },
      msg_type: 'text',
      content: { text },
      event: 'sla.breached',
      timerId: timer.id,
      kind: timer.kind,
      storeId: timer.storeId,
      storeName: store?.name ?? null,
      conversationId: timer.conversationId,
      customerName: conv?.customer?.name ?? null,
      assigneeId: timer.breachAssigneeId,
      assigneeName: assignee?.name ?? null,
      startedAt: timer.startedAt.toISOString(),
      dueAt: timer.dueAt?.toISOString() ?? null,
      breachedAt: timer.breachedAt?.toISOString() ?? null,
    };
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`alert webhook answered ${res.status}`);
  }
}
