import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Message, PostMessageInput, previewOf } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { ConversationEntity } from './conversation.entity.js';
import { ConversationService } from './conversation.service.js';
import { toConversationDto } from './conversation.dto.js';
import { DeliveryQueue } from '../queue/delivery.queue.js';
import { ReplyGuard } from '../guard/reply-guard.service.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { toSlaTimerDto } from '../sla/sla-timer.dto.js';
import { MessageEntity } from './message.entity.js';
import { toMessageDto } from './message.dto.js';
import { DeskError } from '../errors/desk-error.js';

@Injectable()
export class MessageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationService,
    private readonly delivery: DeliveryQueue,
    private readonly events: EventPublisher,
    private readonly sla: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly audit: AuditService,
    private readonly replyGuard: ReplyGuard,
  ) {}

  /**
   * The collision guard: an agent replying in a conversation assigned to someone else must take it
   * over explicitly (409 otherwise); supervisors and admins may answer any conversation.
   * Returns whether this reply takes the conversation over.
   */
  private collides(caller: Caller, assigneeId: string | null, takeover: boolean): boolean {
    if (!assigneeId || assigneeId === caller.user.id) return false;
    if (takeover) return caller.user.role === 'agent';
    if (caller.user.role !== 'agent') return false;
    throw new DeskError('CONVERSATION_TAKEN', 'Another agent is assigned to this conversation; reply with takeover: true to take it over', { assigneeId });
  }

  /** An agent's reply (stored, then delivered by the worker) or an internal note (never sent). */
  async post(caller: Caller, conversationId: string, input: PostMessageInput): Promise<Message> {
    if (caller.user.role === 'analyst') throw new DeskError('CONVERSATION_READ_ONLY', 'Analysts cannot write in conversations');
    const current = await this.conversations.findVisible(caller, conversationId);
    const isReply = input.kind === 'reply';
    const takeover = isReply && this.collides(caller, current.assigneeId, input.takeover);
    await this.replyGuard.assertAllowed(caller, current, input);
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
            // The first reply to an unassigned conversation takes it; so does an agent's takeover.
            assigneeId: takeover ? caller.user.id : (conv!.assigneeId ?? (caller.user.role === 'agent' ? caller.user.id : null)),
            ...((takeover || (!conv!.assigneeId && caller.user.role === 'agent')) && { queuedAt: null }),
          },
        );
      }
      if (takeover)
        await this.audit.record(
          { actorId: caller.user.id, action: 'conversation.assigned', targetType: 'conversation', targetId: conversationId, details: { from: conv!.assigneeId, to: caller.user.id, reason: 'takeover' } },
          m,
        );
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
