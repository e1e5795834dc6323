import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  orderTotal,
  type CauseCode,
  type CreateTicketInput,
  type ListTicketsQuery,
  type OrderItem,
  type Page,
  type Ticket,
  type TicketDetail,
  type TicketDraft,
  type TicketDraftQuery,
} from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ClassifierService } from '../classifier/classifier.service.js';
import type { Caller } from '../auth/caller.js';
import { keysetPage } from '../common/keyset-page.util.js';
import type { ConversationEntity } from '../conversation/conversation.entity.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { ValidationError } from '../errors/validation.error.js';
import { MessageEntity } from '../conversation/message.entity.js';
import { OrderService } from '../order/order.service.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { StoreEntity } from '../store/store.entity.js';
import { returnPolicyOf, scheduleOf } from '../store/store-settings.js';
import { decidePolicy } from './return-policy.js';
import { SupplierCaseEntity } from './supplier-case.entity.js';
import { toSupplierCaseDto, toTicketDto, toTicketEventDto } from './ticket.dto.js';
import { TicketChange, TicketEffects } from './ticket-effects.js';
import { TicketEventEntity } from './ticket-event.entity.js';
import { TicketEntity } from './ticket.entity.js';
import { guessTicketType } from './ticket-type-guess.js';
import { notFound } from '../errors/desk-error.js';

interface OrderFacts {
  orderRef: string | null;
  orderedAt: Date | null;
  deliveredAt: Date | null;
  items: OrderItem[];
}

/** Opening, reading and classifying after-sales tickets; transitions are in TicketTransitionService. */
@Injectable()
export class TicketService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationService,
    private readonly orders: OrderService,
    private readonly sla: SlaTimerService,
    private readonly effects: TicketEffects,
    private readonly audit: AuditService,
    private readonly classifier: ClassifierService,
  ) {}

  /** A ticket in the caller's scope (locked for update inside a transaction), or 404. */
  async findVisible(caller: Caller, id: string, m: EntityManager = this.db.manager, lock = false): Promise<TicketEntity> {
    const qb = caller.scope.apply(m.getRepository(TicketEntity).createQueryBuilder('t'), 't.storeId').andWhere('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const ticket = await qb.getOne();
    if (!ticket) throw notFound('Ticket');
    return ticket;
  }

  /**
   * A ticket prefilled from an order and the customer's latest words, with the decision it would get: the order the agent
   * picked, else the conversation's, else the customer's most recent one in the store (the one the side panel shows).
   */
  async draft(caller: Caller, q: TicketDraftQuery): Promise<TicketDraft> {
    const conv = await this.conversations.findVisible(caller, q.conversationId);
    const store = await this.db.getRepository(StoreEntity).findOneByOrFail({ id: conv.storeId });
    const customerReason = await this.latestCustomerWords(conv.id);
    const type = q.type ?? guessTicketType(customerReason);
    const orderRef = q.orderRef ?? conv.orderRef ?? (await this.orders.ofCustomer(store, conv.customer!.externalId))[0]?.orderRef;
    const order = await this.orderFacts(store, conv, { orderRef });
    const auto = customerReason ? await this.classifier.classify(customerReason) : null;
    return {
      conversationId: conv.id,
      type,
      customerReason,
      orderRef: order.orderRef,
      orderedAt: order.orderedAt?.toISOString() ?? null,
      deliveredAt: order.deliveredAt?.toISOString() ?? null,
      items: order.items,
      suggestedCause: auto?.cause ?? null,
      causeConfidence: auto?.confidence ?? null,
      policyDecision: decidePolicy({ type, cause: auto?.cause ?? null, deliveredAt: order.deliveredAt, categories: order.items.map((i) => i.category), policy: returnPolicyOf(store), timezone: scheduleOf(store).timezone, now: new Date() }),
    };
  }

  async create(caller: Caller, input: CreateTicketInput): Promise<Ticket> {
    const conv = await this.conversations.findVisible(caller, input.conversationId);
    const store = await this.db.getRepository(StoreEntity).findOneByOrFail({ id: conv.storeId });
    const order = await this.orderFacts(store, conv, input);
    const now = new Date();
    // The agent's cause if they gave one; otherwise the classifier's reading, to be confirmed.
    const auto = input.cause ? null : await this.classifier.classify(input.customerReason);
    const cause: CauseCode | null = input.cause ?? auto?.cause ?? null;
    const policyDecision = decidePolicy({ type: input.type, cause, deliveredAt: order.deliveredAt, categories: order.items.map((i) => i.category), policy: returnPolicyOf(store), timezone: scheduleOf(store).timezone, now });
    const change = new TicketChange();
    const ticket = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(TicketEntity).save({
        storeId: conv.storeId,
        conversationId: conv.id,
        customerId: conv.customerId,
        type: input.type,
        status: 'requested',
        resumeStatus: null,
        ...order,
        totalPaid: orderTotal(order.items),
        refundedAmount: 0,
        customerReason: input.customerReason,
        cause,
        causeSource: input.cause ? 'agent' : auto ? 'auto' : null,
        causeConfidence: auto?.confidence ?? null,
        suggestedCause: auto?.cause ?? null,
        causeConfirmedById: input.cause ? caller.user.id : null,
        policyDecision,
        policyOverride: null,
        resolution: null,
        returnAddress: null,
        assigneeId: conv.assigneeId ?? (caller.user.role === 'agent' ? caller.user.id : null),
        createdById: caller.user.id,
        closedAt: null,
      } as Partial<TicketEntity> as TicketEntity);
      const timer = await this.sla.startResolution(m, saved, store, now);
      if (timer) {
        change.arm.push(timer);
        saved.resolutionDueAt = timer.dueAt;
        await m.getRepository(TicketEntity).update({ id: saved.id }, { resolutionDueAt: timer.dueAt });
      }
      await this.effects.record(m, { ticketId: saved.id, actorId: caller.user.id, kind: 'created', toStatus: 'requested', details: { type: input.type, policyDecision, ...(cause && { cause, causeSource: input.cause ? 'agent' : 'auto' }), ...(auto && { causeConfidence: auto.confidence, modelVersion: auto.modelVersion }) } }, now);
      await this.audit.record({ actorId: caller.user.id, action: 'ticket.created', targetType: 'ticket', targetId: saved.id, details: { type: input.type, storeId: conv.storeId } }, m);
      const created = await m.getRepository(TicketEntity).findOneByOrFail({ id: saved.id });
      await this.effects.tellCustomer(m, change, created, store, 'created', caller.user.id);
      return created;
    });
    await this.effects.publish(ticket, change, 'ticket.created');
    return toTicketDto(ticket);
  }

  list(caller: Caller, q: ListTicketsQuery): Promise<Page<Ticket>> {
    const qb = caller.scope.apply(this.db.getRepository(TicketEntity).createQueryBuilder('t'), 't.storeId');
    if (q.storeId) qb.andWhere('t.storeId = :storeId', { storeId: q.storeId });
    if (q.conversationId) qb.andWhere('t.conversationId = :conversationId', { conversationId: q.conversationId });
    if (q.type) qb.andWhere('t.type = :type', { type: q.type });
    if (q.status) qb.andWhere('t.status = ANY(:statuses)', { statuses: q.status });
    if (q.state) qb.andWhere(q.state === 'open' ? `t.status <> 'closed'` : `t.status = 'closed'`);
    if (q.cause === 'none') qb.andWhere('t.cause IS NULL');
    else if (q.cause) qb.andWhere('t.cause = :cause', { cause: q.cause });
    if (q.causeSource) qb.andWhere('t.causeSource = :causeSource', { causeSource: q.causeSource });
    if (q.overdue !== undefined) qb.andWhere(q.overdue ? 't.resolutionBreachedAt IS NOT NULL' : 't.resolutionBreachedAt IS NULL');
    if (q.from) qb.andWhere('t.createdAt >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('t.createdAt < :to', { to: new Date(q.to) });
    if (q.q) {
      const seq = /^T-?0*(\d{1,12})$/i.exec(q.q)?.[1];
      qb.andWhere(seq ? '(t.orderRef = :q OR t.seq = :seq)' : 't.orderRef = :q', { q: q.q, seq: seq ? Number(seq) : undefined });
    }
    return keysetPage(qb, { timeColumn: 't.createdAt', idColumn: 't.id', limit: q.limit, cursor: q.cursor, timeOf: (t) => t.createdAt, map: toTicketDto });
  }

  async detail(caller: Caller, id: string): Promise<TicketDetail> {
    const ticket = await this.findVisible(caller, id);
    const [timeline, cases] = await Promise.all([
      this.db.getRepository(TicketEventEntity).find({ where: { ticketId: id }, order: { at: 'ASC', id: 'ASC' } }),
      this.db.getRepository(SupplierCaseEntity).find({ where: { ticketId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { ...toTicketDto(ticket), timeline: timeline.map(toTicketEventDto), supplierCases: cases.map(toSupplierCaseDto) };
  }

  /** The agent confirms or corrects the root cause; the classifier's suggestion is kept for its report. */
  async setCause(caller: Caller, id: string, cause: CauseCode): Promise<Ticket> {
    const change = new TicketChange();
    const ticket = await this.db.transaction(async (m) => {
      const t = await this.findVisible(caller, id, m, true);
      if (t.status === 'closed' && t.cause === cause && t.causeSource === 'agent') return t;
      await this.confirmCause(m, t, cause, caller.user.id);
      return m.getRepository(TicketEntity).findOneByOrFail({ id });
    });
    await this.effects.publish(ticket, change, 'ticket.updated');
    return toTicketDto(ticket);
  }

  /** Sets the agent's cause on a locked ticket, with its timeline line. */
  async confirmCause(m: EntityManager, t: TicketEntity, cause: CauseCode, actorId: string): Promise<void> {
    await m.getRepository(TicketEntity).update({ id: t.id }, { cause, causeSource: 'agent', causeConfirmedById: actorId });
    await this.effects.record(m, { ticketId: t.id, actorId, kind: 'cause_set', details: { cause, previous: t.cause, previousSource: t.causeSource, confidence: t.causeConfidence } });
    Object.assign(t, { cause, causeSource: 'agent', causeConfirmedById: actorId });
  }

  /** The words the customer wrote since the last answer (at most three messages). */
  private async latestCustomerWords(conversationId: string): Promise<string> {
    const recent = await this.db.getRepository(MessageEntity).find({ where: { conversationId, direction: In(['inbound', 'outbound']) }, order: { createdAt: 'DESC' }, take: 10 });
    const words: string[] = [];
    for (const msg of recent) {
      if (msg.direction === 'outbound') {
        if (words.length) break;
        continue;
      }
      words.unshift(msg.body);
      if (words.length === 3) break;
    }
    return words.join('\n');
  }

  /** What the agent gave, completed from the platform's order (the one given, or the conversation's). */
  private async orderFacts(store: StoreEntity, conv: ConversationEntity, input: Partial<Pick<CreateTicketInput, 'orderRef' | 'orderedAt' | 'deliveredAt' | 'items'>>): Promise<OrderFacts> {
    const orderRef = input.orderRef ?? conv.orderRef ?? null;
    const complete = input.items && input.deliveredAt !== undefined && input.orderedAt !== undefined;
    const order = orderRef && !complete ? await this.orders.find(store, orderRef) : null;
    if (orderRef && !complete && !order && !input.items) throw new ValidationError({ orderRef: 'is not an order of this store on its platform' });
    return {
      orderRef,
      orderedAt: input.orderedAt ? new Date(input.orderedAt) : (order?.paidAt ?? null),
      deliveredAt: input.deliveredAt !== undefined ? (input.deliveredAt ? new Date(input.deliveredAt) : null) : (order?.deliveredAt ?? null),
      items: input.items ?? order?.items ?? [],
    };
  }
}
