import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language, TicketTemplateKey } from '@kefu/contracts';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { CustomerMessenger } from '../conversation/customer-messenger.service.js';
import type { MessageEntity } from '../conversation/message.entity.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { detectLanguage } from '../text/language.util.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import type { SlaTimerEntity } from '../sla/sla-timer.entity.js';
import type { StoreEntity } from '../store/store.entity.js';
import { renderTicketUpdate, RETURN_ADDRESS_FALLBACK, SHIPPING_NOTES, TICKET_TYPE_WORDS } from './customer-update-templates.js';
import { ticketNumber, toTicketDto } from './ticket.dto.js';
import { TicketEventEntity } from './ticket-event.entity.js';
import type { TicketEntity } from './ticket.entity.js';
import { deferred } from '../redis/redis-errors.js';

/** What a ticket change does once its transaction has committed: alarms, deliveries, live events. */
export class TicketChange {
  readonly messages: MessageEntity[] = [];
  readonly arm: SlaTimerEntity[] = [];
  readonly disarm: string[] = [];
}

/**
 * The parts every ticket change shares: the timeline line, the customer update (a templated reply
 * in the customer's language, delivered by the worker like any reply), and publishing afterwards.
 */
@Injectable()
export class TicketEffects {
  private readonly logger = new Logger(TicketEffects.name);

  constructor(
    private readonly messenger: CustomerMessenger,
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
    change.messages.push(await this.messenger.write(m, conv, body, { authorId: actorId, ticketId: ticket.id }));
  }

  /** After commit: arm/disarm clocks, queue the customer updates, tell the console. */
  async publish(ticket: TicketEntity, change: TicketChange, event: 'ticket.created' | 'ticket.updated'): Promise<void> {
    if (change.disarm.length) await this.alarms.disarm(change.disarm);
    if (change.arm.length) await this.alarms.arm(change.arm).catch(deferred(this.logger, 'resolution alarm not armed (the reconciler will)'));
    this.events.toStore(event, toTicketDto(ticket));
    await this.messenger.publish(change.messages);
  }
}
