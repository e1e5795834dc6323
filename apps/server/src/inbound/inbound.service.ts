import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InboundMessageInput, orderRefIn } from '@kefu/contracts';
import { ChannelEntity } from '../channel/channel.entity.js';
import { ConversationState } from '../conversation/conversation-state.service.js';
import { toConversationDto } from '../conversation/conversation.dto.js';
import { CustomerEntity } from '../customer/customer.entity.js';
import { toMessageDto } from '../conversation/message.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import { PresenceService } from '../routing/presence.service.js';
import { RoutingService } from '../routing/routing.service.js';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { SignedWebhook } from './signed-webhook.service.js';
import { CsatService } from '../csat/csat.service.js';
import { deferred } from '../redis/redis-errors.js';

export interface InboundResult {
  messageId: string;
  conversationId: string;
  duplicate: boolean;
}

@Injectable()
export class InboundService {
  private readonly logger = new Logger(InboundService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventPublisher,
    private readonly state: ConversationState,
    private readonly alarms: SlaAlarms,
    private readonly routing: RoutingService,
    private readonly presence: PresenceService,
    private readonly csat: CsatService,
    private readonly webhook: SignedWebhook,
  ) {}

  /** Verifies, parses and stores one platform message; a redelivery is accepted and stored once. */
  async receive(channelId: string, rawBody: Buffer | undefined, signature: string | undefined): Promise<InboundResult> {
    const { channel, payload } = await this.webhook.verify(channelId, rawBody, signature, InboundMessageInput);
    return this.store(channel, payload);
  }

  private async store(channel: ChannelEntity, given: InboundMessageInput): Promise<InboundResult> {
    // An order number in the customer's words links the order, as one the platform sent would.
    const input = { ...given, orderRef: given.orderRef ?? orderRefIn(given.text) ?? undefined };
    // Who could take a new conversation (Redis); without presence it waits in its queue, which the
    // worker drains (RoutingSweeper) once Redis answers again. Stored is acknowledged either way.
    const online = await this.presence.onlineUsers().then(
      (ids) => [...ids],
      (err: Error) => (deferred(this.logger, 'presence unknown: new conversations wait in their queues')(err), [] as string[]),
    );
    const outcome = await this.db.transaction(async (m) => {
      const customer = await this.upsertCustomer(m, channel.storeId, input.customer);
      const rating = await this.csat.recordAnswer(m, channel.id, customer.id, input);
      if (rating?.duplicate) return { kind: 'duplicate' as const, messageId: rating.message.id, conversationId: rating.conversation.id };
      if (rating) return { kind: 'rating' as const, messageId: rating.message.id, conversationId: rating.conversation.id, message: rating.message };
      const recorded = await this.state.recordInbound(m, channel, customer.id, input);
      if (recorded.kind !== 'stored') return recorded;
      const conv = recorded.conversation;
      // Routed in the same transaction, which holds the conversation's lock: one commit, and one event
      // that says the conversation and who has it.
      const routed = !conv.assigneeId && conv.status === 'open' && online.length ? await this.routing.assignWithin(m, conv, online) : null;
      return { ...recorded, routed, conversation: { ...conv, customer } };
    });
    if (outcome.kind === 'duplicate') return { duplicate: true, messageId: outcome.messageId, conversationId: outcome.conversationId };
    if (outcome.kind === 'rating') {
      // A satisfaction answer joins its resolved conversation: shown, but nothing to route or time.
      this.events.toStore('message.created', toMessageDto(outcome.message));
      return { duplicate: false, messageId: outcome.messageId, conversationId: outcome.conversationId };
    }
    if (outcome.timer) await this.alarms.arm([outcome.timer]).catch(deferred(this.logger, 'SLA alarm not armed (the reconciler will)'));
    const stored = toConversationDto(outcome.conversation);
    // The agent chosen filled up between choice and assignment (another process): routing chooses again.
    const assigneeId =
      outcome.routed === 'full'
        ? await this.routing.assign(stored.id, { available: online, announce: false }).catch(deferred(this.logger, `conversation ${stored.id} left in the queue (not routed now)`))
        : outcome.routed;
    const conv = assigneeId ? { ...stored, assigneeId, queuedAt: null } : stored;
    // To those who work the conversation (everyone of the store while nobody has it); the store's other agents get it batched.
    if (outcome.created || outcome.changed || assigneeId) {
      this.events.toConversation(outcome.created ? 'conversation.created' : 'conversation.updated', conv, conv);
      this.events.toConversation('message.created', toMessageDto(outcome.message), conv);
    } else {
      // A follow-up that changed nothing but the last activity: one event, carrying the conversation as it now is.
      this.events.toConversation('message.created', { ...toMessageDto(outcome.message), conversation: conv }, conv);
    }
    return { duplicate: false, messageId: outcome.message.id, conversationId: conv.id };
  }

  private async upsertCustomer(m: EntityManager, storeId: string, c: InboundMessageInput['customer']): Promise<CustomerEntity> {
    // A name given by the platform refreshes the stored one; without one, the customer is left as is.
    const [row] = await m.query(
      `INSERT INTO customers (store_id, external_id, name) VALUES ($1, $2, $3)
       ON CONFLICT (store_id, external_id) DO UPDATE SET name = CASE WHEN $4 THEN EXCLUDED.name ELSE customers.name END
       RETURNING *`,
      [storeId, c.externalId, c.name || c.externalId, !!c.name],
    );
    return entityFromRow<CustomerEntity>(m.connection.getMetadata(CustomerEntity), row);
  }
}
