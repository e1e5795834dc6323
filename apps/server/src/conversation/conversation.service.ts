import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AssignInput, Conversation, ConversationDetail, ConversationStatus, ListConversationsQuery, Page } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import { slaQueuePage, whereSearch } from './conversation-list.query.js';
import { ValidationError } from '../errors/validation.error.js';
import { MessageEntity } from './message.entity.js';
import { toMessageDto } from './message.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { UserEntity } from '../auth/user.entity.js';
import { TicketEntity } from '../ticket/ticket.entity.js';
import { toTicketDto } from '../ticket/ticket.dto.js';
import { StoreScope } from '../auth/store-scope.js';
import { ConversationHooks } from './conversation-hooks.js';
import { ConversationState } from './conversation-state.service.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { toSlaTimerDto } from '../sla/sla-timer.dto.js';
import { toConversationDto, toCustomerDto } from './conversation.dto.js';
import { CustomerMessenger } from './customer-messenger.service.js';
import { ConversationEntity } from './conversation.entity.js';
import { DeskError, notFound } from '../errors/desk-error.js';
import { isUniqueViolation } from '../errors/unique-violation.js';

@Injectable()
export class ConversationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    private readonly audit: AuditService,
    private readonly events: EventPublisher,
    private readonly sla: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly state: ConversationState,
    private readonly hooks: ConversationHooks,
    private readonly messenger: CustomerMessenger,
  ) {}

  /** The inbox (newest activity first) or the work queue (`sort=sla`), scoped to the caller's stores. */
  list(caller: Caller, q: ListConversationsQuery): Promise<Page<Conversation>> {
    const qb = caller.scope.apply(this.conversations.createQueryBuilder('c').leftJoinAndSelect('c.customer', 'cu'), 'c.storeId');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.storeId) qb.andWhere('c.storeId = :storeId', { storeId: q.storeId });
    if (q.assigneeId === 'none') qb.andWhere('c.assigneeId IS NULL');
    else if (q.assigneeId) qb.andWhere('c.assigneeId = :assigneeId', { assigneeId: q.assigneeId === 'me' ? caller.user.id : q.assigneeId });
    if (q.breached !== undefined) qb.andWhere(q.breached ? 'c.slaBreachedAt IS NOT NULL' : 'c.slaBreachedAt IS NULL');
    if (q.awaiting !== undefined) qb.andWhere(q.awaiting ? 'c.awaitingReplySince IS NOT NULL' : 'c.awaitingReplySince IS NULL');
    if (q.q) whereSearch(qb, q.q);
    if (q.sort === 'sla') return slaQueuePage(qb, { limit: q.limit, cursor: q.cursor, map: toConversationDto });
    return keysetPage(qb, {
      timeColumn: 'c.lastMessageAt',
      idColumn: 'c.id',
      limit: q.limit,
      cursor: q.cursor,
      timeOf: (c) => c.lastMessageAt,
      map: toConversationDto,
    });
  }

  /** A conversation in the caller's scope, or 404 whether it exists elsewhere or not at all. */
  async findVisible(caller: Caller | StoreScope, id: string): Promise<ConversationEntity> {
    const scope = caller instanceof StoreScope ? caller : caller.scope;
    const conv = await scope
      .apply(this.conversations.createQueryBuilder('c').leftJoinAndSelect('c.customer', 'cu'), 'c.storeId')
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!conv) throw notFound('Conversation');
    return conv;
  }

  async detail(caller: Caller, id: string): Promise<ConversationDetail> {
    const conv = await this.findVisible(caller, id);
    const messages = await this.db.getRepository(MessageEntity).find({ where: { conversationId: id }, order: { createdAt: 'ASC', id: 'ASC' } });
    const timers = await this.sla.timersOfConversation(id);
    const tickets = await this.db.getRepository(TicketEntity).find({ where: { conversationId: id }, order: { createdAt: 'ASC' } });
    return {
      ...toConversationDto(conv),
      customer: toCustomerDto(conv.customer!),
      messages: messages.map(toMessageDto),
      tickets: tickets.map(toTicketDto),
      slaTimers: timers.map(toSlaTimerDto),
    };
  }

  async assign(caller: Caller, id: string, { assigneeId }: AssignInput): Promise<Conversation> {
    const conv = await this.findVisible(caller, id);
    const isLead = caller.user.role === 'supervisor' || caller.user.role === 'admin';
    if (!isLead && assigneeId !== caller.user.id) throw new DeskError('ASSIGN_SELF_ONLY', 'Agents can only take a conversation themselves');
    if (assigneeId) {
      const assignee = await this.db.getRepository(UserEntity).findOneBy({ id: assigneeId, active: true });
      if (!assignee || !StoreScope.of(assignee).canSee(conv.storeId) || assignee.role === 'analyst' || assignee.role === 'client')
        throw new ValidationError({ assigneeId: 'is not an active agent of this store' });
    }
    const previous = conv.assigneeId;
    await this.db.transaction(async (m) => {
      await m.getRepository(ConversationEntity).update({ id }, { assigneeId, queuedAt: assigneeId ? null : new Date() });
      await this.audit.record(
        { actorId: caller.user.id, action: 'conversation.assigned', targetType: 'conversation', targetId: id, details: { from: previous, to: assigneeId } },
        m,
      );
    });
    const dto = (await this.state.publish(id, [previous, assigneeId]))!;
    // The previous agent has a free slot, or the conversation is back in the queue.
    if (previous || !assigneeId) await this.hooks.slotsFreed([conv.storeId]);
    return dto;
  }

  async setStatus(caller: Caller, id: string, status: ConversationStatus): Promise<Conversation> {
    const conv = await this.findVisible(caller, id);
    if (conv.status === status) return toConversationDto(conv);
    // A resolved conversation leaves the unique "one active per customer and channel" slot; reopening it
    // while the customer already started a new one would break that rule.
    let cancelled: string[];
    let surveys: MessageEntity[] = [];
    try {
      cancelled = await this.db.transaction(async (m) => {
        // Resolved: nothing waits for an answer any more, so nothing counts down either.
        await m.getRepository(ConversationEntity).update({ id }, { status, ...(status === 'resolved' && { awaitingReplySince: null, slaDueAt: null, slaWarnAt: null, slaBreachedAt: null }) });
        if (status !== 'resolved') return [];
        // The customer is asked how satisfied they are; nothing waits for an answer any more: the clock stops.
        surveys = await this.hooks.resolving(m, conv);
        return this.sla.cancelForConversation(m, id, new Date());
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw new DeskError('CONVERSATION_ALREADY_ACTIVE', 'Invalid status', { fields: { status: 'the customer already has another active conversation in this channel' } });
      throw err;
    }
    if (cancelled.length) await this.alarms.disarm(cancelled);
    if (surveys.length) await this.messenger.publish(surveys, { conversations: false });
    // Resolving or parking a chat frees its agent's slot for the next waiting customer.
    if (conv.assigneeId && conv.status === 'open') await this.hooks.slotsFreed([conv.storeId]);
    const updated = await this.findVisible(caller, id);
    this.events.toStore('conversation.updated', toConversationDto(updated));
    return toConversationDto(updated);
  }
}
