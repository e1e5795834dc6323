import { z } from 'zod';
import { text } from './input.js';
import { ConversationStatus, DeliveryStatus, MessageDirection } from './domain.js';
import { SlaTimer } from './sla.js';
import { Ticket } from './ticket.js';

export const Customer = z.object({
  id: text(),
  storeId: text(),
  externalId: text(),
  name: text(),
});
export type Customer = z.infer<typeof Customer>;

export const Message = z.object({
  id: text(),
  conversationId: text(),
  storeId: text(),
  direction: MessageDirection,
  body: text(),
  authorId: text().nullable(),
  externalId: text().nullable(),
  deliveryStatus: DeliveryStatus.nullable(),
  deliveryError: text().nullable(),
  /** Set on the automatic customer updates of an after-sales ticket. */
  ticketId: text().nullable(),
  createdAt: text(),
});
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: text(),
  storeId: text(),
  channelId: text(),
  customerId: text(),
  status: ConversationStatus,
  assigneeId: text().nullable(),
  awaitingReplySince: text().nullable(),
  firstResponseAt: text().nullable(),
  lastMessageAt: text(),
  lastMessagePreview: text(),
  orderRef: text().nullable(),
  /** zh or en, detected from the customer's first message. */
  language: text().nullable(),
  /** Since when it waits in its store's queue for an agent (null when assigned). */
  queuedAt: text().nullable(),
  /** Due time of the running response timer (business time), for the countdown. */
  slaDueAt: text().nullable(),
  slaWarnAt: text().nullable(),
  /** Set when the response SLA breached; cleared by the next reply. */
  slaBreachedAt: text().nullable(),
  createdAt: text(),
  customer: Customer.optional(),
});
export type Conversation = z.infer<typeof Conversation>;

/**
 * `message.created`: the message; a customer's message that changes nothing of its conversation but its last
 * activity also carries the conversation as it now is, instead of a second event (`conversation.updated`) for
 * the same fact — a console applies it as that event.
 */
export const MessageCreatedEvent = Message.extend({ conversation: Conversation.optional() });
export type MessageCreatedEvent = z.infer<typeof MessageCreatedEvent>;

/**
 * `conversations.changed`: a store's conversations that changed in the last moment (`INBOX_BATCH_MS`), each as it
 * now is, to the store's agents who do not work them — what their inbox lists need of others' chats, in one event
 * instead of one per customer message. A console applies each item as a `conversation.updated`.
 */
export const ConversationsChangedEvent = z.object({ storeId: text(), items: z.array(Conversation) });
export type ConversationsChangedEvent = z.infer<typeof ConversationsChangedEvent>;

export const ConversationDetail = Conversation.extend({
  customer: Customer,
  messages: z.array(Message),
  tickets: z.array(Ticket),
  slaTimers: z.array(SlaTimer),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CONVERSATION_SORTS = ['activity', 'sla'] as const;
export const ConversationSort = z.enum(CONVERSATION_SORTS);
export type ConversationSort = z.infer<typeof ConversationSort>;

export const ListConversationsQuery = z.object({
  status: ConversationStatus.optional(),
  storeId: z.uuid().optional(),
  assigneeId: z.union([z.uuid(), z.literal('none'), z.literal('me')]).optional(),
  breached: booleanString.optional(),
  /** Whether the customer waits for a reply (`awaitingReplySince` set): `awaiting=true&assigneeId=me&limit=1` counts my waiting chats in `total`. */
  awaiting: booleanString.optional(),
  /** Customer name, any message of the conversation, or an order number of the conversation, its tickets or the customer. */
  q: text().trim().max(200).optional(),
  /**
   * `activity` (default): newest activity first. `sla`: the work queue: breached first, then by response due time, then
   * conversations without a running clock, newest activity first.
   */
  sort: ConversationSort.default('activity'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

export const PostMessageInput = z.object({
  body: text().trim().min(1, 'must not be empty').max(10_000),
  kind: z.enum(['reply', 'note']).default('reply'),
  /** Reply although another agent is assigned, taking the conversation over (audited). */
  takeover: z.boolean().default(false),
  /** Send a reply that breaks only warn rules of the reply guard, with the agent's reason (audited). */
  confirm: z.object({ reason: text().trim().min(1, 'must not be empty').max(500) }).strict().optional(),
});
export type PostMessageInput = z.infer<typeof PostMessageInput>;

export const AssignInput = z.object({ assigneeId: z.uuid().nullable() });
export type AssignInput = z.infer<typeof AssignInput>;

export const StatusInput = z.object({ status: ConversationStatus });
export type StatusInput = z.infer<typeof StatusInput>;

/** `conversation.activity`: who is looking at or typing in a conversation (the collision guard). */
export const ActivityState = z.enum(['viewing', 'typing', 'left']);
export type ActivityState = z.infer<typeof ActivityState>;
export const ConversationActivityEvent = z.object({
  conversationId: text(),
  storeId: text(),
  userId: text(),
  userName: text(),
  state: ActivityState,
});
export type ConversationActivityEvent = z.infer<typeof ConversationActivityEvent>;
/** Client → server: `conversation.activity` with `{conversationId, state}`. */
export const ActivityInput = z.object({ conversationId: z.uuid(), state: ActivityState });
export type ActivityInput = z.infer<typeof ActivityInput>;
