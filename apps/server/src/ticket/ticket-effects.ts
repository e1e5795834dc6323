import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { previewOf, type Language, type TicketTemplateKey } from '@kefu/contracts';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { toConversationDto } from '../conversation/conversation.dto.js';
import { DeliveryQueue } from '../delivery/delivery.queue.js';
import { MessageEntity } from '../message/message.entity.js';
import { toMessageDto } from '../message/message.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { detectLanguage } from '../routing/language.util.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import type { SlaTimerEntity } from '../sla/sla-timer.entity.js';
import type { StoreEntity } from '../store/store.entity.js';
import { renderTicketUpdate, RETURN_ADDRESS_FALLBACK, SHIPPING_NOTES, TICKET_TYPE_WORDS } from './customer-update-templates.js';
import { ticketNumber, toTicketDto } from './ticket.dto.js';
import { TicketEventEntity } from './ticket-event.entity.js';
import type { TicketEntity } from './ticket.entity.js';

/** What a ticket change does once its transaction has committed: alarms, deliveries, live events. */
export class TicketChange {
  readonly messages: MessageEntity[] = [];
  readonly arm: SlaTimerEntity[] = [];
  readonly disarm: string[] = [];
  conversationTouched = false;
}

/**
 * The parts every ticket change shares: the timeline line, the customer update (a templated reply
 * in the customer's language, delivered by the worker like any reply), and publishing afterwards.
 */
@Injectable()
export class TicketEffects {
  private readonly logger = new Logger(TicketEffects.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: DeliveryQueue,
    private readonly alarms: SlaAlarms,
    private readonly events: EventPublisher,
  ) {}

  record(m: EntityManager, e: Pick<TicketEventEntity, 'ticketId' | 'actorId' | 'kind'> & Partial<Pick<TicketEventEntity, 'fromStatus' | 'toStatus' | 'details'>>, at = new Date()): Promise<unknown> {
    const { details, ...rest } = e;
    return m.getRepository(TicketEventEntity).insert({ fromStatus: null, toStatus: null, ...rest, details: (details ?? {}) as never, at });
  }

  /** Writes the customer update of a step in the ticket's transaction; sent after commit. */
  async tellCustomer(m: EntityManager, change: TicketChange, ticket: TicketEntity, store: StoreEntity, key: TicketTemplateKey, actorId: string | null, vars: Record<string, string | number | null | undefined> = {}): Promise<void> {
    const conv = await m.getRepository(ConversationEntity).findOne({ where: { id: ticket.conversationId }, relations: { customer: true } });
    if (!conv) return;
    const lang: Language = conv.language ?? detectLanguage(ticket.customerReason);
    const body = renderTicketUpdate(key, lang, store.ticketTemplates, {
      customerName: conv.customer?.name,
      ticketNumber: ticketNumber(ticket.seq),
      ticketType: TICKET_TYPE_WORDS[lang][ticket.type],
      storeName: store.name,
      shippingNote: SHIPPING_NOTES[lang][ticket.policyDecision.returnShippingPaidBy],
      returnAddress: ticket.returnAddress ?? RETURN_ADDRESS_FALLBACK[lang],
      ...vars,
    });
    const message = await m.getRepository(MessageEntity).save({
      conversationId: conv.id,
      storeId: conv.storeId,
      channelId: conv.channelId,
      direction: 'outbound',
      body,
      authorId: actorId,
      externalId: null,
      deliveryStatus: 'queued',
      ticketId: ticket.id,
    } as MessageEntity);
    // An update is not an answer to what the customer asked: the response clock keeps running.
    await m.getRepository(ConversationEntity).update({ id: conv.id }, { lastMessageAt: message.createdAt, lastMessagePreview: previewOf(body) });
    change.messages.push(message);
    change.conversationTouched = true;
  }

  /** After commit: arm/disarm clocks, queue the customer updates, tell the console. */
  async publish(ticket: TicketEntity, change: TicketChange, event: 'ticket.created' | 'ticket.updated'): Promise<void> {
    if (change.disarm.length) await this.alarms.disarm(change.disarm);
    if (change.arm.length) await this.alarms.arm(change.arm).catch((err: Error) => this.logger.warn(`resolution alarm not armed (the reconciler will): ${err.message}`));
    this.events.toStore(event, toTicketDto(ticket));
    for (const message of change.messages) {
      this.events.toStore('message.created', toMessageDto(message));
      await this.delivery.enqueue(message.id);
    }
    if (change.conversationTouched) {
      const conv = await this.db.getRepository(ConversationEntity).findOne({ where: { id: ticket.conversationId }, relations: { customer: true } });
      if (conv) this.events.toStore('conversation.updated', toConversationDto(conv));
    }
  }
}
