import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InboundMessageInput, orderRefIn, previewOf } from '@kefu/contracts';
import { ChannelEntity } from '../channel/channel.entity.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { toConversationDto } from '../conversation/conversation.dto.js';
import { CustomerEntity } from '../customer/customer.entity.js';
import { MessageEntity } from '../message/message.entity.js';
import { toMessageDto } from '../message/message.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { SlaAlarms } from '../sla/sla-alarms.service.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { detectLanguage } from '../routing/language.util.js';
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
    private readonly sla: SlaTimerService,
    private readonly alarms: SlaAlarms,
    private readonly routing: RoutingService,
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
    const outcome = await this.db.transaction(async (m) => {
      const customer = await this.upsertCustomer(m, channel.storeId, input.customer);
      const rating = await this.csat.recordAnswer(m, channel.id, customer.id, input);
      if (rating?.duplicate) return { kind: 'duplicate' as const, messageId: rating.message.id, conversationId: rating.conversation.id };
      if (rating) return { kind: 'rating' as const, messageId: rating.message.id, conversationId: rating.conversation.id, message: rating.message };
      const { conversation, created } = await this.activeConversation(m, channel, customer.id, input);
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(MessageEntity)
        .values({
          conversationId: conversation.id,
          storeId: channel.storeId,
          channelId: channel.id,
          direction: 'inbound',
          body: input.text,
          externalId: input.externalMessageId,
        })
        .orIgnore() // the partial unique index (channel, externalId) of inbound messages
        .returning('*')
        .execute();
      const row = inserted.raw[0];
      if (!row) {
        const existing = await m.getRepository(MessageEntity).findOneByOrFail({ channelId: channel.id, externalId: input.externalMessageId, direction: 'inbound' });
        return { kind: 'duplicate' as const, messageId: existing.id, conversationId: existing.conversationId };
      }
      const message = entityFromRow<MessageEntity>(m.connection.getMetadata(MessageEntity), row);
      // The clock starts with the first customer message that finds nothing unanswered.
      const timer = conversation.awaitingReplySince ? null : await this.sla.startResponse(m, conversation, channel.store!, message.createdAt);
      // Later customer messages keep the original waiting time; a customer answer reopens a pending chat.
      const updated = await m
        .createQueryBuilder()
        .update(ConversationEntity)
        .set({
          ...(timer && { slaDueAt: timer.dueAt, slaWarnAt: timer.warnAt, slaBreachedAt: null }),
          status: 'open',
          lastMessageAt: () => 'GREATEST(last_message_at, :at)',
          lastMessagePreview: previewOf(input.text),
          awaitingReplySince: () => 'COALESCE(awaiting_reply_since, :at)',
          language: () => 'COALESCE(language, :lang)',
          // Unassigned: waits in the store's queue from its first unanswered message.
          queuedAt: () => 'CASE WHEN assignee_id IS NULL THEN COALESCE(queued_at, :at) ELSE NULL END',
          ...(input.orderRef && { orderRef: input.orderRef }),
        })
        .setParameter('at', message.createdAt)
        .setParameter('lang', detectLanguage(input.text))
        .where('id = :id', { id: conversation.id })
        .returning('*')
        .execute();
      const fresh = { ...entityFromRow<ConversationEntity>(m.connection.getMetadata(ConversationEntity), updated.raw[0]), customer };
      return { kind: 'stored' as const, message, conversation: fresh, created, timer };
    });
    if (outcome.kind === 'duplicate') return { duplicate: true, messageId: outcome.messageId, conversationId: outcome.conversationId };
    if (outcome.kind === 'rating') {
      // A satisfaction answer joins its resolved conversation: shown, but nothing to route or time.
      this.events.toStore('message.created', toMessageDto(outcome.message));
      return { duplicate: false, messageId: outcome.messageId, conversationId: outcome.conversationId };
    }
    if (outcome.timer) await this.alarms.arm([outcome.timer]).catch(deferred(this.logger, 'SLA alarm not armed (the reconciler will)'));
    const conv = toConversationDto(outcome.conversation);
    this.events.toStore(outcome.created ? 'conversation.created' : 'conversation.updated', conv);
    this.events.toStore('message.created', toMessageDto(outcome.message));
    // Stored is acknowledged: a conversation routing cannot place now waits in its store's queue,
    // which the worker drains (RoutingSweeper) once presence (Redis) and the database answer again.
    if (!conv.assigneeId && conv.status === 'open')
      await this.routing.assign(conv.id).catch(deferred(this.logger, `conversation ${conv.id} left in the queue (not routed now)`));
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

  /** The customer's unresolved conversation in this channel, or a new one (unique index, no race). */
  private async activeConversation(m: EntityManager, channel: ChannelEntity, customerId: string, input: InboundMessageInput) {
    const repo = m.getRepository(ConversationEntity);
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(ConversationEntity)
      .values({
        storeId: channel.storeId,
        channelId: channel.id,
        customerId,
        status: 'open',
        lastMessageAt: new Date(),
        lastMessagePreview: previewOf(input.text),
        orderRef: input.orderRef ?? null,
      })
      .orIgnore() // the partial unique index: one unresolved conversation per customer and channel
      .returning('id')
      .execute();
    const createdId: string | undefined = inserted.raw[0]?.id;
    const conversation = await repo
      .createQueryBuilder('c')
      .where('c.channelId = :channelId AND c.customerId = :customerId AND c.status <> :resolved', { channelId: channel.id, customerId, resolved: 'resolved' })
      .setLock('pessimistic_write')
      .getOneOrFail();
    return { conversation, created: createdId === conversation.id };
  }
}
