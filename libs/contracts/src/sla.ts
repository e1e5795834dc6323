import { z } from 'zod';
import { cleanText, instant, text } from './input.js';
import { SLA_TIMER_KINDS, SLA_TIMER_STATUSES } from './domain.js';

export const SlaTimerKind = z.enum(SLA_TIMER_KINDS);
export type SlaTimerKind = z.infer<typeof SlaTimerKind>;
export const SlaTimerStatus = z.enum(SLA_TIMER_STATUSES);
export type SlaTimerStatus = z.infer<typeof SlaTimerStatus>;

/** A response or resolution clock. Due times count business time in the store's timezone. */
export const SlaTimer = z.object({
  id: text(),
  storeId: text(),
  conversationId: text().nullable(),
  ticketId: text().nullable(),
  kind: SlaTimerKind,
  status: SlaTimerStatus,
  /** When the clock was started (the customer's message arrived), wall time. */
  startedAt: text(),
  /** Business seconds allowed. */
  targetSeconds: z.number(),
  warnAt: text().nullable(),
  dueAt: text().nullable(),
  warnedAt: text().nullable(),
  breachedAt: text().nullable(),
  metAt: text().nullable(),
  pausedAt: text().nullable(),
  /** When an agent answered (also after a breach). */
  respondedAt: text().nullable(),
  /** Business seconds from start to the answer. */
  responseSeconds: z.number().nullable(),
  respondedBy: text().nullable(),
  /** The conversation's assignee when it breached. */
  breachAssigneeId: text().nullable(),
  /** Response clocks: the customer message that started the wait. */
  messageId: text().nullable(),
  /** The platform rule's seconds this wait is counted against (null: not counted, e.g. outside the rule's window). */
  ruleSeconds: z.number().nullable(),
  /** How many of the rule's nudges have fired. */
  nudged: z.number(),
});
export type SlaTimer = z.infer<typeof SlaTimer>;

/** A timer on the supervisor board, with what it is about. */
export const SlaBoardTimer = SlaTimer.extend({
  customerName: text().nullable(),
  assigneeId: text().nullable(),
  lastMessagePreview: text().nullable(),
  /** Resolution timers: the ticket's number and the conversation it came from. */
  ticketNumber: text().nullable(),
  ticketConversationId: text().nullable(),
});
export type SlaBoardTimer = z.infer<typeof SlaBoardTimer>;

export const ListSlaTimersQuery = z.object({
  status: z.enum(['running', 'breached', 'met', 'paused', 'cancelled']).default('running'),
  storeId: z.uuid().optional(),
  conversationId: z.uuid().optional(),
  /** Response clocks (first_response, next_response) or tickets' resolution clocks. */
  kind: text()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(SlaTimerKind).min(1))
    .optional(),
  /** Only timers an agent has (true) or has not yet (false) answered: the board's "breached now". */
  answered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListSlaTimersQuery = z.infer<typeof ListSlaTimersQuery>;

export const SlaSummaryQuery = z
  .object({
    from: instant().optional(),
    to: instant().optional(),
    storeId: z.uuid().optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type SlaSummaryQuery = z.infer<typeof SlaSummaryQuery>;

/** First-response figures of one group (all, a store, an agent). Times are business seconds. */
export const SlaFigures = z.object({
  timers: z.number(),
  met: z.number(),
  breached: z.number(),
  running: z.number(),
  /** breached / (met + breached); null when nothing was decided yet. */
  breachRate: z.number().nullable(),
  firstResponseP50: z.number().nullable(),
  firstResponseP90: z.number().nullable(),
});
export type SlaFigures = z.infer<typeof SlaFigures>;

export const SlaSummary = z.object({
  from: text(),
  to: text(),
  overall: SlaFigures,
  byStore: z.array(SlaFigures.extend({ storeId: text(), storeName: text() })),
  byAgent: z.array(
    SlaFigures.extend({ agentId: text(), agentName: text(), openConversations: z.number(), breachedToday: z.number() }),
  ),
});
export type SlaSummary = z.infer<typeof SlaSummary>;

/** Per store: what happens when a conversation breaches. */
export const SlaEscalation = z.object({
  /** Reassign the breached conversation to the least-loaded online agent of the store. */
  reassign: z.boolean(),
  /** Outgoing webhook (WeCom / DingTalk / Feishu group bot or any HTTPS endpoint) told of each breach. */
  webhookUrl: z.url({ protocol: /^https?$/ }).max(500).overwrite(cleanText).nullable(),
});
export type SlaEscalation = z.infer<typeof SlaEscalation>;
export const DEFAULT_SLA_ESCALATION: SlaEscalation = { reassign: false, webhookUrl: null };

/** Payloads of the live SLA events (SPEC "Live events"). */
export const SlaWarningEvent = SlaTimer.extend({ conversationId: text(), storeId: text(), secondsLeft: z.number() });
export type SlaWarningEvent = z.infer<typeof SlaWarningEvent>;
export const SlaBreachedEvent = SlaTimer.extend({ conversationId: text(), storeId: text(), assigneeId: text().nullable() });
export type SlaBreachedEvent = z.infer<typeof SlaBreachedEvent>;
/** An agent is reminded that a customer has waited `waitingSeconds` (one of the store's `responseRule.nudgeSeconds`). */
export const SlaNudgeEvent = z.object({
  conversationId: text(),
  storeId: text(),
  /** The customer message that started the wait. */
  messageId: text(),
  waitingSeconds: z.number(),
  assigneeId: text().nullable(),
  timerId: text(),
  /** The rule's limit: the wait is met if answered within it. */
  ruleSeconds: z.number(),
  /** When the wait started. */
  startedAt: text(),
});
export type SlaNudgeEvent = z.infer<typeof SlaNudgeEvent>;

export const ResponseRateGroupBy = z.enum(['store', 'agent', 'day']);
export type ResponseRateGroupBy = z.infer<typeof ResponseRateGroupBy>;

export const ResponseRateQuery = z
  .object({
    from: instant().optional(),
    to: instant().optional(),
    storeId: z.uuid().optional(),
    groupBy: ResponseRateGroupBy.default('store'),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
export type ResponseRateQuery = z.infer<typeof ResponseRateQuery>;

/**
 * The platform response rate of one group over waits that started in the period: `eligible` counts the
 * decided ones (answered, given up, or older than the rule), `met` those an agent answered within the
 * rule; waits still inside their rule are `pending`.
 */
export const ResponseRateItem = z.object({
  storeId: text().optional(),
  /** groupBy=agent: who answered, else who had the conversation (null: nobody). */
  agentId: text().nullable().optional(),
  /** groupBy=day: the day the waits started, in their store's timezone. */
  day: text().optional(),
  eligible: z.number(),
  met: z.number(),
  /** met / eligible, 0–1; null when nothing was decided yet. */
  rate: z.number().nullable(),
  pending: z.number(),
  /** Seconds to the agent's reply of answered waits: median and 90th percentile. */
  responseP50: z.number().nullable(),
  responseP90: z.number().nullable(),
});
export type ResponseRateItem = z.infer<typeof ResponseRateItem>;

export const ResponseRate = z.object({ from: text(), to: text(), groupBy: ResponseRateGroupBy, items: z.array(ResponseRateItem) });
export type ResponseRate = z.infer<typeof ResponseRate>;

export const SlaMetEvent = SlaTimer.extend({ conversationId: text(), storeId: text(), responseSeconds: z.number() });
export type SlaMetEvent = z.infer<typeof SlaMetEvent>;
