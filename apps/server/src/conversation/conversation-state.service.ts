import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { previewOf, rooms, type Conversation, type InboundMessageInput } from '@kefu/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { StoreScope } from '../auth/store-scope.js';
import type { ChannelEntity } from '../channel/channel.entity.js';
import { entityFromRow } from '../database/entity-from-row.util.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { detectLanguage } from '../text/language.util.js';
import type { SlaTimerEntity } from '../sla/sla-timer.entity.js';
import { SlaTimerService } from '../sla/sla-timer.service.js';
import { toConversationDto } from './conversation.dto.js';
import { ConversationEntity } from './conversation.entity.js';
import { MessageEntity } from './message.entity.js';

/** The fields of a conversation that lists, boards and filters follow (its last activity aside). */
const FOLLOWED = ['status', 'assigneeId', 'awaitingReplySince', 'queuedAt', 'slaDueAt', 'slaWarnAt', 'slaBreachedAt', 'orderRef', 'language'] as const;
const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

export type InboundRecord =
  | { kind: 'duplicate'; messageId: string; conversationId: string }
  | {
      kind: 'stored';
      message: MessageEntity;
      conversation: ConversationEntity;
      created: boolean;
      /** Something a list or a board follows changed beyond the last activity (status, waiting, timer, order, language). */
      changed: boolean;
      timer: SlaTimerEntity | null;
    };

/**
 * The state transitions of conversations and their messages that other modules ask for (inbound
 * messages, routing's assignments, survey answers, delivery outcomes). With ConversationService,
 * MessageService and CustomerMessenger beside it, the only code that writes `conversations` and
 * `messages` (`node scripts/table-owners.mjs` checks it in lint).
 */
@Injectable()
export class ConversationState {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sla: SlaTimerService,
    private readonly events: EventPublisher,
    private readonly audit: AuditService,
  ) {}

  /**
   * In the inbound transaction: the customer's message joins their unresolved conversation in this
   * channel (or a new one; unique index, no race), which is locked, and starts its response clock.
   * A redelivered message is recognised and stored once.
   */
  async recordInbound(m: EntityManager, channel: ChannelEntity, customerId: string, input: InboundMessageInput): Promise<InboundRecord> {
    const { conversation, created } = await this.activeConversation(m, channel, customerId, input);
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
      return { kind: 'duplicate', messageId: existing.id, conversationId: existing.conversationId };
    }
    const message = entityFromRow<MessageEntity>(m.connection.getMetadata(MessageEntity), row);
    // The clock starts with the first customer message that finds nothing unanswered.
    const timer = conversation.awaitingReplySince ? null : await this.sla.startResponse(m, conversation, channel.store!, message.createdAt, message.id);
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
    const fresh = entityFromRow<ConversationEntity>(m.connection.getMetadata(ConversationEntity), updated.raw[0]);
    return { kind: 'stored', message, conversation: fresh, created, changed: created || !!timer || FOLLOWED.some((k) => !same(conversation[k], fresh[k])), timer };
  }

  /**
   * The customer's unresolved conversation in this channel, locked, or a new one (locked as inserted): one
   * statement for a follow-up, two for a first message. The partial unique index (one unresolved
   * conversation per customer and channel) settles two first messages at once: the second inserts nothing
   * and locks the one the first opened.
   */
  private async activeConversation(m: EntityManager, channel: ChannelEntity, customerId: string, input: InboundMessageInput) {
    const locked = () =>
      m
        .getRepository(ConversationEntity)
        .createQueryBuilder('c')
        .where('c.channelId = :channelId AND c.customerId = :customerId AND c.status <> :resolved', { channelId: channel.id, customerId, resolved: 'resolved' })
        .setLock('pessimistic_write')
        .getOne();
    const existing = await locked();
    if (existing) return { conversation: existing, created: false };
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
      .orIgnore()
      .returning('*')
      .execute();
    const row = inserted.raw[0];
    if (row) return { conversation: entityFromRow<ConversationEntity>(m.connection.getMetadata(ConversationEntity), row), created: true };
    const opened = await locked();
    if (!opened) throw new Error(`conversation of customer ${customerId} in channel ${channel.id} neither found nor inserted`);
    return { conversation: opened, created: false };
  }

  /** A survey answer joins its resolved conversation as an inbound message (reopening nothing, starting no clock). */
  async recordAnswer(m: EntityManager, conversation: ConversationEntity, channelId: string, input: { text: string; externalMessageId: string }): Promise<MessageEntity> {
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(MessageEntity)
      .values({ conversationId: conversation.id, storeId: conversation.storeId, channelId, direction: 'inbound', body: input.text, externalId: input.externalMessageId })
      .orIgnore()
      .returning('*')
      .execute();
    return entityFromRow<MessageEntity>(m.connection.getMetadata(MessageEntity), inserted.raw[0]);
  }

  /** Locks the conversation if it is open and assigned to `assigneeId` (null: waiting in its queue); null otherwise. */
  async lockOpen(m: EntityManager, conversationId: string, assigneeId: string | null): Promise<ConversationEntity | null> {
    const [row] = await m.query(`SELECT * FROM conversations WHERE id = $1 AND status = 'open' AND assignee_id IS NOT DISTINCT FROM $2 FOR UPDATE`, [conversationId, assigneeId]);
    return row ? entityFromRow<ConversationEntity>(m.connection.getMetadata(ConversationEntity), row) : null;
  }

  /**
   * Routing's assignment, in the caller's transaction, which holds the conversation's and the agent's row
   * locks: made (true) only if the agent's load, recounted now that their row is locked, leaves room — every
   * assignment locks the agent's row first, so two processes can never both fill an agent's last slot.
   */
  async claimWithin(m: EntityManager, conversationId: string, agentId: string): Promise<boolean> {
    const [, count] = await m.query(
      `WITH agent AS (
         UPDATE users SET last_assigned_at = clock_timestamp()
          WHERE id = $2 AND (SELECT count(*) FROM conversations WHERE assignee_id = $2 AND status = 'open') < max_concurrent
          RETURNING id)
       UPDATE conversations SET assignee_id = agent.id, queued_at = NULL, routing_excluded_id = NULL, updated_at = now()
         FROM agent WHERE conversations.id = $1`,
      [conversationId, agentId],
    );
    return count === 1;
  }

  /**
   * Puts an agent's open conversations (those of `scope`'s stores) back in their stores' queues, or
   * gives them to `toUserId`. With `assigneeScope`, nothing moves (null) unless `toUserId` serves the
   * store of every one of them. Returns the moved conversations, announced.
   */
  async release(
    userId: string,
    opts: { actorId: string | null; toUserId?: string | null; reason: string; scope?: StoreScope; assigneeScope?: StoreScope },
  ): Promise<{ id: string; store_id: string }[] | null> {
    const moved: { id: string; store_id: string }[] | null = await this.db.transaction(async (m) => {
      const params: unknown[] = [userId];
      const inScope = opts.scope?.sql('store_id', params) ?? 'TRUE';
      const held: { id: string; store_id: string }[] = await m.query(`SELECT id, store_id FROM conversations WHERE assignee_id = $1 AND status IN ('open', 'pending') AND ${inScope} FOR UPDATE`, params);
      if (opts.assigneeScope && !held.every((c) => opts.assigneeScope!.canSee(c.store_id))) return null;
      const [rows] = await m.query(
        `UPDATE conversations SET assignee_id = $2, queued_at = CASE WHEN $2::uuid IS NULL THEN now() ELSE NULL END,
                routing_excluded_id = CASE WHEN $2::uuid IS NULL THEN $1::uuid ELSE NULL END, updated_at = now()
         WHERE id = ANY($3::uuid[]) RETURNING id, store_id`,
        [userId, opts.toUserId ?? null, held.map((c) => c.id)],
      );
      for (const r of rows as { id: string }[])
        await this.audit.record(
          { actorId: opts.actorId, action: 'conversation.assigned', targetType: 'conversation', targetId: r.id, details: { from: userId, to: opts.toUserId ?? null, reason: opts.reason } },
          m,
        );
      return rows;
    });
    if (!moved) return null;
    for (const r of moved) await this.publish(r.id, [userId, opts.toUserId ?? null]);
    return moved;
  }

  /** Announces an assignment change to the store and to the agents concerned; returns the conversation. */
  async publish(conversationId: string, userIds: (string | null)[]): Promise<Conversation | null> {
    const conv = await this.db.getRepository(ConversationEntity).findOne({ where: { id: conversationId }, relations: { customer: true } });
    if (!conv) return null;
    const dto = toConversationDto(conv);
    this.events.toStore('conversation.updated', dto, userIds.filter((u): u is string => !!u).map(rooms.user));
    return dto;
  }

  /** Delivery: one more attempt at sending a queued reply. */
  async deliveryAttempted(messageId: string): Promise<void> {
    await this.db.getRepository(MessageEntity).increment({ id: messageId }, 'deliveryAttempts', 1);
  }

  /** Delivery: why the last attempt failed (it is retried). */
  async deliveryFailedOnce(messageId: string, reason: string): Promise<void> {
    await this.db.getRepository(MessageEntity).update({ id: messageId }, { deliveryError: reason });
  }

  /** Delivery: the outcome of a queued reply (delivered or failed for good); the updated message, or null if it was no longer queued. */
  async deliveryFinished(messageId: string, changes: Pick<Partial<MessageEntity>, 'deliveryStatus' | 'externalId' | 'deliveredAt' | 'deliveryError'>): Promise<MessageEntity | null> {
    const messages = this.db.getRepository(MessageEntity);
    await messages.update({ id: messageId, deliveryStatus: 'queued' }, changes);
    return messages.findOneBy({ id: messageId });
  }
}
