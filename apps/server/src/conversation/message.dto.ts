import type { Message } from '@kefu/contracts';
import type { MessageEntity } from './message.entity.js';

export const toMessageDto = (m: MessageEntity): Message => ({
  id: m.id,
  conversationId: m.conversationId,
  storeId: m.storeId,
  direction: m.direction,
  body: m.body,
  authorId: m.authorId,
  externalId: m.externalId,
  deliveryStatus: m.deliveryStatus,
  deliveryError: m.deliveryError,
  ticketId: m.ticketId ?? null,
  createdAt: m.createdAt.toISOString(),
});
