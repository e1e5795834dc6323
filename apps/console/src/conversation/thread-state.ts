import type { Conversation, ConversationDetail, Message } from '@kefu/contracts';
import { ANSWERED, isAgentReply } from '../inbox/inbox-list';

const byTime = (a: Message, b: Message) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A delivery outcome is final: a late "queued" copy (the POST answer after the socket's update) never undoes it. */
function newerOf(current: Message, incoming: Message): Message {
  if (current.deliveryStatus && current.deliveryStatus !== 'queued' && incoming.deliveryStatus === 'queued') return current;
  return incoming;
}

/** Adds or updates one message, de-duplicated by id (POST answer and socket event carry the same message). */
export function upsertMessage(detail: ConversationDetail, message: Message): ConversationDetail {
  const index = detail.messages.findIndex((m) => m.id === message.id);
  let messages: Message[];
  if (index === -1) messages = [...detail.messages, message].sort(byTime);
  else {
    const next = newerOf(detail.messages[index], message);
    if (next === detail.messages[index]) return detail;
    messages = detail.messages.map((m, i) => (i === index ? next : m));
  }
  const isActivity = message.direction !== 'note' && Date.parse(message.createdAt) > Date.parse(detail.lastMessageAt);
  return {
    ...detail,
    messages,
    ...(isActivity && {
      lastMessageAt: message.createdAt,
      awaitingReplySince: isAgentReply(message) ? null : message.direction === 'outbound' ? detail.awaitingReplySince : (detail.awaitingReplySince ?? message.createdAt),
      ...(isAgentReply(message) && ANSWERED),
    }),
  };
}

/** Status, assignee and waiting time from a conversation event; the thread stays. */
export function mergeConversation(detail: ConversationDetail, c: Conversation): ConversationDetail {
  const keepActivity = Date.parse(detail.lastMessageAt) > Date.parse(c.lastMessageAt);
  return {
    ...detail,
    ...c,
    customer: c.customer ?? detail.customer,
    messages: detail.messages,
    tickets: detail.tickets,
    slaTimers: detail.slaTimers,
    ...(keepActivity && { lastMessageAt: detail.lastMessageAt, lastMessagePreview: detail.lastMessagePreview }),
  };
}
