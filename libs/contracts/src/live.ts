// What a console needs to keep lists live without asking the server again: the schema of each /desk event's
// payload, and the server's list filters and orders as predicates (held against the api by
// test/integration/live-contract.spec.ts, so they cannot drift from its WHERE and ORDER BY).
import type { z } from 'zod';
import { Conversation, ConversationActivityEvent, ConversationsChangedEvent, Message, MessageCreatedEvent, type ListConversationsQuery } from './conversation.js';
import type { DeskServerEvents } from './events.js';
import { SlaBreachedEvent, SlaMetEvent, SlaNudgeEvent, SlaWarningEvent } from './sla.js';
import { Ticket, type ListTicketsQuery } from './ticket.js';
import { KbQuestionUpdatedEvent, KbQuestionWithArticle } from './kb.js';
import { AgentPresenceEvent } from './user.js';
import { ReportComment } from './report.js';
import { RuleChangeAcknowledgedEvent, RuleChangePublishedEvent } from './guard.js';

/** Each live event of /desk with the schema of its payload. */
export const DESK_EVENT_SCHEMAS = {
  'conversation.created': Conversation,
  'conversation.updated': Conversation,
  'message.created': MessageCreatedEvent,
  'conversations.changed': ConversationsChangedEvent,
  'message.updated': Message,
  'ticket.created': Ticket,
  'ticket.updated': Ticket,
  'sla.warning': SlaWarningEvent,
  'sla.breached': SlaBreachedEvent,
  'sla.met': SlaMetEvent,
  'sla.nudge': SlaNudgeEvent,
  'agent.presence': AgentPresenceEvent,
  'conversation.activity': ConversationActivityEvent,
  'kb.question.proposed': KbQuestionWithArticle,
  'kb.question.updated': KbQuestionUpdatedEvent,
  'report.commented': ReportComment,
  'rule_change.published': RuleChangePublishedEvent,
  'rule_change.acknowledged': RuleChangeAcknowledgedEvent,
} as const satisfies { [E in keyof DeskServerEvents]: z.ZodType<Parameters<DeskServerEvents[E]>[0]> };

export type LiveEventName = keyof typeof DESK_EVENT_SCHEMAS;
export type LivePayload<E extends LiveEventName> = z.output<(typeof DESK_EVENT_SCHEMAS)[E]>;
export const isLiveEventName = (name: string): name is LiveEventName => Object.hasOwn(DESK_EVENT_SCHEMAS, name);

/** The filters of `GET /api/conversations` (paging aside). */
export type ConversationFilter = Partial<Pick<ListConversationsQuery, 'status' | 'storeId' | 'assigneeId' | 'breached' | 'awaiting' | 'q' | 'sort'>>;

/**
 * Whether the server's list for `filter` holds `c`, for a conversation that arrived live. `undefined` when only the
 * server can tell: a search looks at the whole history and the order numbers, which a live row does not carry.
 */
export function conversationMatches(c: Conversation, filter: ConversationFilter, meId: string): boolean | undefined {
  if (filter.status && c.status !== filter.status) return false;
  if (filter.storeId && c.storeId !== filter.storeId) return false;
  if (filter.assigneeId === 'none' ? c.assigneeId !== null : filter.assigneeId && c.assigneeId !== (filter.assigneeId === 'me' ? meId : filter.assigneeId)) return false;
  if (filter.breached !== undefined && (c.slaBreachedAt !== null) !== filter.breached) return false;
  if (filter.awaiting !== undefined && (c.awaitingReplySince !== null) !== filter.awaiting) return false;
  if (filter.q?.trim()) return undefined;
  return true;
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);
const byIdAsc = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The work queue's place of a conversation: breached, then a running clock, then none (the server's RANK). */
export function queueRank(c: Pick<Conversation, 'slaBreachedAt' | 'slaDueAt'>): 0 | 1 | 2 {
  return c.slaBreachedAt !== null ? 0 : c.slaDueAt !== null ? 1 : 2;
}

/** `sort=sla`: breached first, then by due time, then newest activity; ties by id (the server's ORDER BY). */
export function compareQueue(a: Conversation, b: Conversation): number {
  const key = (c: Conversation) => (queueRank(c) < 2 ? ms(c.slaDueAt ?? c.slaBreachedAt) : -ms(c.lastMessageAt));
  return queueRank(a) - queueRank(b) || key(a) - key(b) || byIdAsc(a, b);
}

/** `sort=activity`: newest activity first, ties by id, descending (the server's ORDER BY). */
export function compareActivity(a: Conversation, b: Conversation): number {
  return ms(b.lastMessageAt) - ms(a.lastMessageAt) || byIdAsc(b, a);
}

export const conversationOrder = (sort: ConversationFilter['sort'] = 'activity') => (sort === 'sla' ? compareQueue : compareActivity);

/** The filters of `GET /api/tickets` the ticket list uses (paging and periods aside). */
export type TicketFilter = Partial<Pick<ListTicketsQuery, 'storeId' | 'conversationId' | 'type' | 'status' | 'state' | 'cause' | 'causeSource' | 'overdue' | 'q'>>;

/** Whether the server's ticket list for `filter` holds `t` (its search: the exact order number or the ticket number). */
export function ticketMatches(t: Ticket, filter: TicketFilter): boolean {
  if (filter.storeId && t.storeId !== filter.storeId) return false;
  if (filter.conversationId && t.conversationId !== filter.conversationId) return false;
  if (filter.type && t.type !== filter.type) return false;
  if (filter.status?.length && !filter.status.includes(t.status)) return false;
  if (filter.state && (filter.state === 'open') === (t.status === 'closed')) return false;
  if (filter.cause === 'none' ? t.cause !== null : filter.cause && t.cause !== filter.cause) return false;
  if (filter.causeSource && t.causeSource !== filter.causeSource) return false;
  if (filter.overdue !== undefined && (t.resolutionBreachedAt !== null) !== filter.overdue) return false;
  const q = filter.q?.trim();
  if (q) {
    const seq = /^T-?0*(\d{1,12})$/i.exec(q)?.[1];
    if (t.orderRef !== q && !(seq && Number(t.number.replace(/^T-?/i, '')) === Number(seq))) return false;
  }
  return true;
}

/** Newest first, ties by id descending (the server's ORDER BY). */
export function compareTickets(a: Ticket, b: Ticket): number {
  return ms(b.createdAt) - ms(a.createdAt) || byIdAsc(b, a);
}
