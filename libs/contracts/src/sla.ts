import { z } from 'zod';
import { SLA_TIMER_KINDS, SLA_TIMER_STATUSES } from './domain.js';

export const SlaTimerKind = z.enum(SLA_TIMER_KINDS);
export type SlaTimerKind = z.infer<typeof SlaTimerKind>;
export const SlaTimerStatus = z.enum(SLA_TIMER_STATUSES);
export type SlaTimerStatus = z.infer<typeof SlaTimerStatus>;

/** A response or resolution clock. Due times count business time in the store's timezone. */
export const SlaTimer = z.object({
  id: z.string(),
  storeId: z.string(),
  conversationId: z.string().nullable(),
  ticketId: z.string().nullable(),
  kind: SlaTimerKind,
  status: SlaTimerStatus,
  /** When the clock was started (the customer's message arrived), wall time. */
  startedAt: z.string(),
  /** Business seconds allowed. */
  targetSeconds: z.number(),
  warnAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  metAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  /** When an agent answered (also after a breach). */
  respondedAt: z.string().nullable(),
  /** Business seconds from start to the answer. */
  responseSeconds: z.number().nullable(),
  respondedBy: z.string().nullable(),
  /** The conversation's assignee when it breached. */
  breachAssigneeId: z.string().nullable(),
});
export type SlaTimer = z.infer<typeof SlaTimer>;

/** A timer on the supervisor board, with what it is about. */
export const SlaBoardTimer = SlaTimer.extend({
  customerName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  /** Resolution timers: the ticket's number and the conversation it came from. */
  ticketNumber: z.string().nullable(),
  ticketConversationId: z.string().nullable(),
});
export type SlaBoardTimer = z.infer<typeof SlaBoardTimer>;

export const ListSlaTimersQuery = z.object({
  status: z.enum(['running', 'breached', 'met', 'paused', 'cancelled']).default('running'),
  storeId: z.uuid().optional(),
  conversationId: z.uuid().optional(),
  /** Response clocks (first_response, next_response) or tickets' resolution clocks. */
  kind: z
    .string()
    .max(100)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(SlaTimerKind).min(1))
    .optional(),
  /** Only timers an agent has (true) or has not yet (false) answered: the board's "breached now". */
  answered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListSlaTimersQuery = z.infer<typeof ListSlaTimersQuery>;

export const SlaSummaryQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
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
  from: z.string(),
  to: z.string(),
  overall: SlaFigures,
  byStore: z.array(SlaFigures.extend({ storeId: z.string(), storeName: z.string() })),
  byAgent: z.array(
    SlaFigures.extend({ agentId: z.string(), agentName: z.string(), openConversations: z.number(), breachedToday: z.number() }),
  ),
});
export type SlaSummary = z.infer<typeof SlaSummary>;

/** Per store: what happens when a conversation breaches. */
export const SlaEscalation = z.object({
  /** Reassign the breached conversation to the least-loaded online agent of the store. */
  reassign: z.boolean(),
  /** Outgoing webhook (WeCom / DingTalk / Feishu group bot or any HTTPS endpoint) told of each breach. */
  webhookUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
});
export type SlaEscalation = z.infer<typeof SlaEscalation>;
export const DEFAULT_SLA_ESCALATION: SlaEscalation = { reassign: false, webhookUrl: null };

/** Payloads of the live SLA events (SPEC "Live events"). */
export const SlaWarningEvent = SlaTimer.extend({ conversationId: z.string(), storeId: z.string(), secondsLeft: z.number() });
export type SlaWarningEvent = z.infer<typeof SlaWarningEvent>;
export const SlaBreachedEvent = SlaTimer.extend({ conversationId: z.string(), storeId: z.string(), assigneeId: z.string().nullable() });
export type SlaBreachedEvent = z.infer<typeof SlaBreachedEvent>;
export const SlaMetEvent = SlaTimer.extend({ conversationId: z.string(), storeId: z.string(), responseSeconds: z.number() });
export type SlaMetEvent = z.infer<typeof SlaMetEvent>;
