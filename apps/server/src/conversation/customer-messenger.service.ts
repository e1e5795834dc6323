import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { previewOf } from '@kefu/contracts';
import { ConversationEntity } from './conversation.entity.js';
import { toConversationDto } from './conversation.dto.js';
import { DeliveryQueue } from '../queue/delivery.queue.js';
import { MessageEntity } from './message.entity.js';
import { toMessageDto } from './message.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';

/**
 * Messages the desk itself sends a customer (ticket updates, satisfaction surveys): written in the
 * caller's transaction as outbound messages, then delivered by the worker like any agent reply.
 * They are not answers to what the customer asked, so response clocks keep running.
 */
@Injectable()
export class CustomerMessenger {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly delivery: DeliveryQueue,
    private readonly events: EventPublisher,
  ) {}

  async write(m: EntityManager, conv: Pick<ConversationEntity, 'id' | 'storeId' | 'channelId'>, body: string, opts: { authorId: string | null; ticketId?: string | null }): Promise<MessageEntity> {
    const message = await m.getRepository(MessageEntity).save({
      conversationId: conv.id,
      storeId: conv.storeId,
      channelId: conv.channelId,
      direction: 'outbound',
      body,
      authorId: opts.authorId,
      externalId: null,
      deliveryStatus: 'queued',
      ticketId: opts.ticketId ?? null,
    } as MessageEntity);
    await m.getRepository(ConversationEntity).update({ id: conv.id }, { lastMessageAt: message.createdAt, lastMessagePreview: previewOf(body) });
    return message;
  }

  /**
   * After commit: the console sees the messages and their conversation (`conversations: false` when
   * the caller announces the conversation itself); the worker sends them.
   */
  async publish(messages: MessageEntity[], opts: { conversations: boolean } = { conversations: true }): Promise<void> {
    for (const message of messages) {
      this.events.toStore('message.created', toMessageDto(message));
      await this.delivery.enqueue(message.id);
    }
    if (!opts.conversations) return;
    for (const conversationId of new Set(messages.map((msg) => msg.conversationId))) {
      const conv = await this.db.getRepository(ConversationEntity).findOne({ where: { id: conversationId }, relations: { customer: true } });
      if (conv) this.events.toStore('conversation.updated', toConversationDto(conv));
    }
  }
}
