import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Message, PostMessageInput } from '@kefu/contracts';
import type { Caller } from '../auth/caller.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { toConversationDto } from '../conversation/conversation.dto.js';
import { DeliveryQueue } from '../delivery/delivery.queue.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { toSlaTimerDto } from '../sla/sla-timer.dto.js';
import { MessageEntity } from './message.entity.js';
import { toMessageDto } from './message.dto.js';
import { previewOf } from './preview.util.js';

@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationService,
    private readonly delivery: DeliveryQueue,
    private readonly events: EventPublisher,
    private readonly sla: SlaTimerService,
    private readonly alarms: SlaAlarms,
  ) {}

  /** An agent's reply (stored, then delivered by the worker) or an internal note (never sent). */
  async post(caller: Caller, conversationId: string, input: PostMessageInput): Promise<Message> {
    if (caller.user.role === 'analyst') throw new ForbiddenException('Analysts cannot write in conversations');
    await this.conversations.findVisible(caller, conversationId);
    const isReply = input.kind === 'reply';
    const { message, conversation, met } = await this.db.transaction(async (m) => {
      const convRepo = m.getRepository(ConversationEntity);
      // Row lock: an inbound message and this reply update the same conversation fields.
      const conv = await convRepo.findOne({ where: { id: conversationId }, lock: { mode: 'pessimistic_write' } });
      const message = await m.getRepository(MessageEntity).save({
        conversationId,
        storeId: conv!.storeId,
        channelId: conv!.channelId,
        direction: isReply ? 'outbound' : 'note',
        body: input.body,
        authorId: caller.user.id,
        externalId: null,
        deliveryStatus: isReply ? 'queued' : null,
      } as MessageEntity);
      if (isReply) {
        await convRepo.update(
          { id: conversationId },
          {
            awaitingReplySince: null,
            firstResponseAt: conv!.firstResponseAt ?? message.createdAt,
            lastMessageAt: message.createdAt,
            lastMessagePreview: previewOf(input.body),
            // The first reply to an unassigned conversation takes it.
            assigneeId: conv!.assigneeId ?? (caller.user.role === 'agent' ? caller.user.id : null),
          },
        );
      }
      const met = isReply ? await this.sla.meetResponse(m, conversationId, caller.user.id, message.createdAt) : [];
      const conversation = await convRepo.findOne({ where: { id: conversationId }, relations: { customer: true } });
      return { message, conversation: conversation!, met };
    });
    const dto = toMessageDto(message);
    this.events.toStore('message.created', dto);
    if (isReply) {
      this.events.toStore('conversation.updated', toConversationDto(conversation));
      for (const t of met) this.events.toStore('sla.met', { ...toSlaTimerDto(t), conversationId, storeId: t.storeId, responseSeconds: t.responseSeconds! });
      await this.delivery.enqueue(message.id);
      if (met.length) await this.alarms.disarm(met.map((t) => t.id));
    }
    return dto;
  }
}
