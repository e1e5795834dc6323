import { previewOf, type Conversation, type Message } from '@kefu/contracts';

/** The SLA fields of a conversation once an agent has replied. */
export const ANSWERED = { slaDueAt: null, slaWarnAt: null, slaBreachedAt: null } as const;

/**
 * An agent's own reply. The automatic customer updates of a ticket (`ticketId` set) are outbound
 * too, but whether they answer the customer is the server's call: its conversation.updated tells.
 */
export const isAgentReply = (m: Pick<Message, 'direction' | 'ticketId'>): boolean => m.direction === 'outbound' && !m.ticketId;


/** Newest activity first, as the API orders the inbox. */
export function byActivity(a: Conversation, b: Conversation): number {
  const d = Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt);
  return d !== 0 ? d : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Inserts, updates and re-sorts one conversation; drops it when it no longer matches the filters. */
export function applyConversation(items: Conversation[], incoming: Conversation, visible: boolean): Conversation[] {
  const index = items.findIndex((c) => c.id === incoming.id);
  if (!visible) return index === -1 ? items : items.filter((c) => c.id !== incoming.id);
  const previous = index === -1 ? undefined : items[index];
  const merged: Conversation = {
    ...incoming,
    customer: incoming.customer ?? previous?.customer,
    // An event can overtake another: the activity time and preview never go back.
    ...(previous && Date.parse(previous.lastMessageAt) > Date.parse(incoming.lastMessageAt)
      ? { lastMessageAt: previous.lastMessageAt, lastMessagePreview: previous.lastMessagePreview }
      : {}),
  };
  const rest = index === -1 ? items : items.filter((c) => c.id !== incoming.id);
  return [...rest, merged].sort(byActivity);
}

/** A new customer message or reply moves its row up with a fresh preview (notes are not activity). */
export function applyMessage(items: Conversation[], message: Message): Conversation[] {
  if (message.direction === 'note') return items;
  const row = items.find((c) => c.id === message.conversationId);
  if (!row || Date.parse(message.createdAt) < Date.parse(row.lastMessageAt)) return items;
  const updated: Conversation = {
    ...row,
    lastMessageAt: message.createdAt,
    lastMessagePreview: previewOf(message.body),
    awaitingReplySince: isAgentReply(message) ? null : message.direction === 'outbound' ? row.awaitingReplySince : (row.awaitingReplySince ?? message.createdAt),
    // A reply meets the response clock (the server's conversation.updated confirms it).
    ...(isAgentReply(message) && ANSWERED),
  };
  return items.map((c) => (c.id === row.id ? updated : c)).sort(byActivity);
}

/** Appends a further page, skipping rows already shown (live rows can overlap a page). */
export function appendPage(items: Conversation[], more: Conversation[]): Conversation[] {
  const known = new Set(items.map((c) => c.id));
  return [...items, ...more.filter((c) => !known.has(c.id))].sort(byActivity);
}
