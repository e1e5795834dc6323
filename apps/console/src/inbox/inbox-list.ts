import { conversationMatches, conversationOrder, previewOf, type Conversation, type ConversationFilter, type Message } from '@kefu/contracts';
import { Stale, type LiveReducer } from '../data/live-cache';
import { applyRow, type LiveList } from '../data/live-list';

/** The SLA fields of a conversation once an agent has replied. */
export const ANSWERED = { slaDueAt: null, slaWarnAt: null, slaBreachedAt: null } as const;

/**
 * An agent's own reply. The automatic customer updates of a ticket (`ticketId` set) are outbound
 * too, but whether they answer the customer is the server's call: its conversation.updated tells.
 */
export const isAgentReply = (m: Pick<Message, 'direction' | 'ticketId'>): boolean => m.direction === 'outbound' && !m.ticketId;

/** An event can overtake another: the activity time and preview never go back, a customer name once known stays. */
export function mergeConversationRow(previous: Conversation | undefined, incoming: Conversation): Conversation {
  return {
    ...incoming,
    customer: incoming.customer ?? previous?.customer,
    ...(previous && Date.parse(previous.lastMessageAt) > Date.parse(incoming.lastMessageAt)
      ? { lastMessageAt: previous.lastMessageAt, lastMessagePreview: previous.lastMessagePreview }
      : {}),
  };
}

/** A new customer message or reply moves its row with a fresh preview (notes are not activity). */
export function applyMessage(list: LiveList<Conversation>, message: Message, order: (a: Conversation, b: Conversation) => number): LiveList<Conversation> {
  if (message.direction === 'note') return list;
  const row = list.items.find((c) => c.id === message.conversationId);
  if (!row || Date.parse(message.createdAt) < Date.parse(row.lastMessageAt)) return list;
  const updated: Conversation = {
    ...row,
    lastMessageAt: message.createdAt,
    lastMessagePreview: previewOf(message.body),
    awaitingReplySince: isAgentReply(message) ? null : message.direction === 'outbound' ? row.awaitingReplySince : (row.awaitingReplySince ?? message.createdAt),
    // A reply meets the response clock (the server's conversation.updated confirms it).
    ...(isAgentReply(message) && ANSWERED),
  };
  return { ...list, items: list.items.map((c) => (c.id === row.id ? updated : c)).sort(order) };
}

/** The cache key of an inbox list: who asks (for "mine") and the filter the API answers. */
export type InboxKey = readonly [family: string, meId: string, filter: ConversationFilter];

/**
 * How an inbox list follows the live events: the contract's predicate says whether a row belongs; while searching (the
 * server looks at the whole history) a row already shown is updated and anything else is left to a refetch.
 */
export const inboxReducer: LiveReducer<LiveList<Conversation>> = (list, event, key) => {
  const [, meId, filter] = key as unknown as InboxKey;
  const order = conversationOrder(filter.sort);
  switch (event.name) {
    case 'conversation.created':
    case 'conversation.updated': {
      const c = event.payload;
      const visible = conversationMatches(c, filter, meId);
      if (visible === undefined && !list.items.some((r) => r.id === c.id)) return new Stale(1_000);
      return applyRow(list, c, visible ?? true, order, mergeConversationRow);
    }
    case 'message.created':
      return applyMessage(list, event.payload, order);
    default:
      return list;
  }
};
