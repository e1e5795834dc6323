import { z } from 'zod';
import { ConversationStatus, DeliveryStatus, MessageDirection } from './domain.js';
import { SlaTimer } from './sla.js';
import { Ticket } from './ticket.js';

export const Customer = z.object({
  id: z.string(),
  storeId: z.string(),
  externalId: z.string(),
  name: z.string(),
});
export type Customer = z.infer<typeof Customer>;

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  storeId: z.string(),
  direction: MessageDirection,
  body: z.string(),
  authorId: z.string().nullable(),
  externalId: z.string().nullable(),
  deliveryStatus: DeliveryStatus.nullable(),
  deliveryError: z.string().nullable(),
  /** Set on the automatic customer updates of an after-sales ticket. */
  ticketId: z.string().nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof Message>;

export const Conversation = z.object({
  id: z.string(),
  storeId: z.string(),
  channelId: z.string(),
  customerId: z.string(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  awaitingReplySince: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  lastMessageAt: z.string(),
  lastMessagePreview: z.string(),
  orderRef: z.string().nullable(),
  /** zh or en, detected from the customer's first message. */
  language: z.string().nullable(),
  /** Since when it waits in its store's queue for an agent (null when assigned). */
  queuedAt: z.string().nullable(),
  /** Due time of the running response timer (business time), for the countdown. */
  slaDueAt: z.string().nullable(),
  slaWarnAt: z.string().nullable(),
  /** Set when the response SLA breached; cleared by the next reply. */
  slaBreachedAt: z.string().nullable(),
  createdAt: z.string(),
  customer: Customer.optional(),
});
export type Conversation = z.infer<typeof Conversation>;

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
  /** Customer name, any message of the conversation, or an order number of the conversation, its tickets or the customer. */
  q: z.string().trim().max(200).optional(),
  /**
   * `activity` (default): newest activity first. `sla`: the work queue: breached first, then by response due time, then
   * conversations without a running clock, newest activity first.
   */
  sort: ConversationSort.default('activity'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListConversationsQuery = z.infer<typeof ListConversationsQuery>;

export const PostMessageInput = z.object({
  body: z.string().trim().min(1, 'must not be empty').max(10_000),
  kind: z.enum(['reply', 'note']).default('reply'),
  /** Reply although another agent is assigned, taking the conversation over (audited). */
  takeover: z.boolean().default(false),
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
  conversationId: z.string(),
  storeId: z.string(),
  userId: z.string(),
  userName: z.string(),
  state: ActivityState,
});
export type ConversationActivityEvent = z.infer<typeof ConversationActivityEvent>;
/** Client → server: `conversation.activity` with `{conversationId, state}`. */
export const ActivityInput = z.object({ conversationId: z.uuid(), state: ActivityState });
export type ActivityInput = z.infer<typeof ActivityInput>;
