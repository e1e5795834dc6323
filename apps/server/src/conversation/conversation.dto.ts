import type { Conversation, Customer } from '@kefu/contracts';
import type { CustomerEntity } from '../customer/customer.entity.js';
import type { ConversationEntity } from './conversation.entity.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toCustomerDto = (c: CustomerEntity): Customer => ({ id: c.id, storeId: c.storeId, externalId: c.externalId, name: c.name });

export const toConversationDto = (c: ConversationEntity): Conversation => ({
  id: c.id,
  storeId: c.storeId,
  channelId: c.channelId,
  customerId: c.customerId,
  status: c.status,
  assigneeId: c.assigneeId,
  awaitingReplySince: iso(c.awaitingReplySince),
  firstResponseAt: iso(c.firstResponseAt),
  lastMessageAt: c.lastMessageAt.toISOString(),
  lastMessagePreview: c.lastMessagePreview,
  orderRef: c.orderRef,
  language: c.language,
  queuedAt: iso(c.queuedAt),
  slaDueAt: iso(c.slaDueAt),
  slaWarnAt: iso(c.slaWarnAt),
  slaBreachedAt: iso(c.slaBreachedAt),
  createdAt: c.createdAt.toISOString(),
  ...(c.customer ? { customer: toCustomerDto(c.customer) } : {}),
});
