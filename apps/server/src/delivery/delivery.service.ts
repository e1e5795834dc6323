import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChannelEntity } from '../channel/channel.entity.js';
import { ConversationState } from '../conversation/conversation-state.service.js';
import { ConversationEntity } from '../conversation/conversation.entity.js';
import { MessageEntity } from '../conversation/message.entity.js';
import { toMessageDto } from '../conversation/message.dto.js';
import { EventPublisher } from '../realtime/event-publisher.service.js';
import { CHANNEL_ADAPTER, type ChannelAdapter } from './channel-adapter.js';
import { DeliveryQueue } from '../queue/delivery.queue.js';

/** Sends one queued reply through its channel and records the outcome. Runs in the worker. */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CHANNEL_ADAPTER) private readonly adapter: ChannelAdapter,
    private readonly queue: DeliveryQueue,
    private readonly events: EventPublisher,
    private readonly state: ConversationState,
  ) {}

  /** Throws to let BullMQ retry; `finalAttempt` turns the failure into status `failed`. */
  async deliver(messageId: string, finalAttempt: boolean): Promise<void> {
    const message = await this.db.getRepository(MessageEntity).findOneBy({ id: messageId });
    // Already delivered (a retried job after a crash) or not a reply: nothing to send.
    if (!message || message.direction !== 'outbound' || message.deliveryStatus !== 'queued') return;
    const conv = await this.db.getRepository(ConversationEntity).findOne({ where: { id: message.conversationId }, relations: { customer: true } });
    const channel = await this.db.getRepository(ChannelEntity).findOneBy({ id: message.channelId });
    if (!conv || !channel) return;
    await this.state.deliveryAttempted(messageId);
    try {
      const { externalId } = await this.adapter.send({
        messageId,
        channelId: channel.id,
        channelKind: channel.kind,
        storeId: message.storeId,
        conversationId: conv.id,
        customerExternalId: conv.customer!.externalId,
        body: message.body,
      });
      await this.finish(messageId, { deliveryStatus: 'delivered', externalId, deliveredAt: new Date(), deliveryError: null });
    } catch (err) {
      const reason = (err as Error).message?.slice(0, 500) || 'delivery failed';
      if (finalAttempt) {
        this.logger.warn(`message ${messageId} failed for good: ${reason}`);
        await this.finish(messageId, { deliveryStatus: 'failed', deliveryError: reason });
        return;
      }
      await this.state.deliveryFailedOnce(messageId, reason);
      throw err;
    }
  }

  /** Re-enqueues replies left `queued` (Redis lost, api stopped between commit and enqueue, PostgreSQL down while one was sent). */
  async requeueStranded(): Promise<number> {
    const stranded = await this.db
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select('m.id')
      .where(`m.deliveryStatus = 'queued'`)
      .orderBy('m.createdAt', 'ASC')
      .limit(5000)
      .getMany();
    for (const m of stranded) await this.queue.requeue(m.id);
    return stranded.length;
  }

  private async finish(messageId: string, changes: Parameters<ConversationState['deliveryFinished']>[1]): Promise<void> {
    const updated = await this.state.deliveryFinished(messageId, changes);
    if (updated) this.events.toStore('message.updated', toMessageDto(updated));
  }
}
