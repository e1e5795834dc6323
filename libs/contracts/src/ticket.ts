import { z } from 'zod';
import { displayName, instant, text } from './input.js';
import { CauseCode, TICKET_TYPES } from './domain.js';
import { OrderItem, OrderItems } from './order.js';

export const TicketType = z.enum(TICKET_TYPES);
export type TicketType = z.infer<typeof TicketType>;

export const TICKET_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'awaiting_return',
  'received',
  'inspected',
  'refunded',
  'replacement_shipped',
  'closed',
  'awaiting_customer',
  'awaiting_supplier',
] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Side states: the resolution clock pauses while the ticket waits on someone outside the desk. */
export const WAITING_STATUSES: readonly TicketStatus[] = ['awaiting_customer', 'awaiting_supplier'];

export const CauseSource = z.enum(['auto', 'agent']);
export type CauseSource = z.infer<typeof CauseSource>;

export const TICKET_ACTIONS = [
  'approve',
  'reject',
  'request_return',
  'receive',
  'inspect',
  'refund',
  'ship_replacement',
  'close',
  'wait_customer',
  'open_supplier_case',
  'supplier_replied',
  'resume',
] as const;
export const TicketAction = z.enum(TICKET_ACTIONS);
export type TicketAction = z.infer<typeof TicketAction>;

/**
 * The ticket state machine: for each status, the actions allowed and where they lead, and for
 * which ticket types. `resume` (and `supplier_replied`) go back to the status the ticket waited in.
 */
interface Move {
  to: TicketStatus | 'previous';
  types?: readonly TicketType[];
}
const ALL_WAITS = { wait_customer: { to: 'awaiting_customer' }, open_supplier_case: { to: 'awaiting_supplier', types: ['quality_complaint', 'exchange', 'return'] } } as const;
const REPLACEABLE = ['exchange', 'quality_complaint'] as const;
const RETURNABLE = ['return', 'exchange', 'quality_complaint'] as const;
export const TICKET_MOVES: Record<TicketStatus, Partial<Record<TicketAction, Move>>> = {
  requested: { approve: { to: 'approved' }, reject: { to: 'rejected' }, wait_customer: { to: 'awaiting_customer' } },
  approved: {
    request_return: { to: 'awaiting_return', types: RETURNABLE },
    refund: { to: 'refunded', types: ['refund_only', 'quality_complaint'] },
    ship_replacement: { to: 'replacement_shipped', types: REPLACEABLE },
    ...ALL_WAITS,
  },
  awaiting_return: { receive: { to: 'received' }, wait_customer: { to: 'awaiting_customer' } },
  received: { inspect: { to: 'inspected' }, ...ALL_WAITS },
  inspected: {
    refund: { to: 'refunded', types: ['return', 'quality_complaint'] },
    ship_replacement: { to: 'replacement_shipped', types: REPLACEABLE },
    reject: { to: 'rejected' },
    ...ALL_WAITS,
  },
  refunded: { close: { to: 'closed' } },
  replacement_shipped: { close: { to: 'closed' }, wait_customer: { to: 'awaiting_customer' } },
  rejected: { close: { to: 'closed' } },
  awaiting_customer: { resume: { to: 'previous' } },
  awaiting_supplier: { supplier_replied: { to: 'previous' }, resume: { to: 'previous' } },
  closed: {},
};

/** The actions a ticket of this type may take in this status, in display order. */
export const allowedActions = (type: TicketType, status: TicketStatus): TicketAction[] =>
  TICKET_ACTIONS.filter((a) => {
    const move = TICKET_MOVES[status][a];
    return move && (!move.types || move.types.includes(type));
  });

const note = text().trim().max(2000).optional();
const money = z.number().positive('must be more than 0').max(10_000_000).multipleOf(0.01, 'at most two decimals');

/** `POST /api/tickets/:id/transitions`: the action and what it needs. */
export const TransitionInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('approve'),
    note,
    /** Approve although the policy says no; needs a reason (audited). */
    override: z.object({ reason: text().trim().min(3, 'must say why').max(1000) }).optional(),
  }),
  z.object({ action: z.literal('reject'), reason: text().trim().min(1, 'must not be empty').max(2000) }),
  z.object({ action: z.literal('request_return'), returnAddress: text().trim().min(1).max(500).optional(), note }),
  z.object({ action: z.literal('receive'), note }),
  z.object({ action: z.literal('inspect'), passed: z.boolean(), note }),
  z.object({ action: z.literal('refund'), amount: money, note }),
  z.object({ action: z.literal('ship_replacement'), carrier: text().trim().min(1).max(100).optional(), trackingNumber: text().trim().min(1).max(100), note }),
  z.object({ action: z.literal('close'), cause: CauseCode.optional(), note }),
  z.object({ action: z.literal('wait_customer'), note }),
  z.object({
    action: z.literal('open_supplier_case'),
    supplier: displayName().trim().min(1, 'must not be empty').max(200),
    /** Where reminders go: an e-mail address (recorded for the agent) or an https webhook. */
    contact: text().trim().max(500).optional(),
    remedy: z.enum(['replace', 'compensate']),
    dueAt: instant(),
    reminderIntervalHours: z.number().int().min(1).max(24 * 14).default(24),
    note,
  }),
  z.object({
    action: z.literal('supplier_replied'),
    outcome: z.enum(['replace', 'compensate', 'declined']),
    compensationAmount: money.optional(),
    note,
  }),
  z.object({ action: z.literal('resume'), note }),
]);
export type TransitionInput = z.infer<typeof TransitionInput>;

export const CreateTicketInput = z.object({
  conversationId: z.uuid(),
  type: TicketType,
  customerReason: text().trim().min(1, 'must not be empty').max(5000),
  orderRef: text().trim().min(1).max(64).optional(),
  orderedAt: instant().optional(),
  deliveredAt: instant().nullable().optional(),
  items: OrderItems.optional(),
  /** The agent's reading of the cause, if they already know it (confirmed, `causeSource: agent`). */
  cause: CauseCode.optional(),
});
export type CreateTicketInput = z.infer<typeof CreateTicketInput>;

export const SetCauseInput = z.object({ cause: CauseCode });
export type SetCauseInput = z.infer<typeof SetCauseInput>;

export const PolicyDecision = z.object({
  eligible: z.boolean(),
  /** The rule applied, e.g. `no_reason_return_window`. */
  rule: text(),
  reason: text(),
  returnShippingPaidBy: z.enum(['seller', 'customer', 'none']),
  /** Calendar days from delivery to the decision, in the store's timezone; null before delivery. */
  daysSinceDelivery: z.number().nullable(),
  /** Last day the rule allows (store timezone, YYYY-MM-DD); null when no window applies. */
  windowEndsOn: text().nullable(),
  decidedAt: text(),
});
export type PolicyDecision = z.infer<typeof PolicyDecision>;

export const PolicyOverride = z.object({
  reason: text(),
  byId: text(),
  at: text(),
  /** `pending` while a store that requires it waits for a supervisor. */
  status: z.enum(['pending', 'approved']),
  approvedById: text().nullable(),
});
export type PolicyOverride = z.infer<typeof PolicyOverride>;

export const SupplierCase = z.object({
  id: text(),
  ticketId: text(),
  supplier: text(),
  contact: text().nullable(),
  remedy: z.enum(['replace', 'compensate']),
  dueAt: text(),
  reminderIntervalHours: z.number(),
  nextReminderAt: text().nullable(),
  remindersSent: z.number(),
  lastReminderAt: text().nullable(),
  outcome: z.enum(['replace', 'compensate', 'declined']).nullable(),
  compensationAmount: z.number().nullable(),
  answeredAt: text().nullable(),
  createdAt: text(),
});
export type SupplierCase = z.infer<typeof SupplierCase>;

export const TicketEvent = z.object({
  id: text(),
  ticketId: text(),
  at: text(),
  /** null for the desk itself (worker reminders, automatic causes). */
  actorId: text().nullable(),
  /** A transition action, or `created`, `cause_set`, `policy_decided`, `supplier_reminder`, `resolution_breached`. */
  kind: text(),
  fromStatus: TicketStatus.nullable(),
  toStatus: TicketStatus.nullable(),
  details: z.record(text(), z.unknown()),
});
export type TicketEvent = z.infer<typeof TicketEvent>;

export const Ticket = z.object({
  id: text(),
  /** Human-readable number, e.g. `T-000042`. */
  number: text(),
  storeId: text(),
  conversationId: text(),
  customerId: text(),
  type: TicketType,
  status: TicketStatus,
  /** While waiting (awaiting_customer / awaiting_supplier): the status it returns to. */
  resumeStatus: TicketStatus.nullable(),
  orderRef: text().nullable(),
  orderedAt: text().nullable(),
  deliveredAt: text().nullable(),
  items: z.array(OrderItem),
  totalPaid: z.number(),
  refundedAmount: z.number(),
  customerReason: text(),
  cause: CauseCode.nullable(),
  causeSource: CauseSource.nullable(),
  causeConfidence: z.number().nullable(),
  /** What the classifier proposed (kept after an agent corrects it, to measure the classifier). */
  suggestedCause: CauseCode.nullable(),
  policyDecision: PolicyDecision,
  policyOverride: PolicyOverride.nullable(),
  /** How it ended: `{outcome: refunded|replacement_shipped|rejected, amount?, trackingNumber?, …}`. */
  resolution: z.record(text(), z.unknown()).nullable(),
  returnAddress: text().nullable(),
  assigneeId: text().nullable(),
  createdById: text().nullable(),
  resolutionDueAt: text().nullable(),
  resolutionBreachedAt: text().nullable(),
  /** Actions allowed now (the state machine, for the console's buttons). */
  allowedActions: z.array(TicketAction),
  createdAt: text(),
  updatedAt: text(),
  closedAt: text().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketDetail = Ticket.extend({
  timeline: z.array(TicketEvent),
  supplierCases: z.array(SupplierCase),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListTicketsQuery = z.object({
  storeId: z.uuid().optional(),
  conversationId: z.uuid().optional(),
  type: TicketType.optional(),
  status: text()
    .max(300)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(TicketStatus).min(1))
    .optional(),
  /** `open` = every status but closed. */
  state: z.enum(['open', 'closed']).optional(),
  cause: z.union([CauseCode, z.literal('none')]).optional(),
  causeSource: CauseSource.optional(),
  /** Resolution clock breached (true) or not. */
  overdue: booleanString.optional(),
  /** Order ref or ticket number. */
  q: text().trim().max(100).optional(),
  from: instant().optional(),
  to: instant().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;

/** Keys of customer-update templates: the customer-visible steps of a ticket. */
export const TICKET_TEMPLATE_KEYS = ['created', 'approved', 'rejected', 'awaiting_return', 'received', 'refunded', 'replacement_shipped', 'awaiting_customer', 'closed'] as const;
export const TicketTemplateKey = z.enum(TICKET_TEMPLATE_KEYS);
export type TicketTemplateKey = z.infer<typeof TicketTemplateKey>;

/** Per store and language: overrides of the default customer-update texts. */
export const TicketTemplates = z.object({
  zh: z.partialRecord(TicketTemplateKey, text().trim().min(1).max(2000)).optional(),
  en: z.partialRecord(TicketTemplateKey, text().trim().min(1).max(2000)).optional(),
});
export type TicketTemplates = z.infer<typeof TicketTemplates>;

/**
 * `GET /api/tickets/draft?conversationId=&type=&orderRef=`: a ticket prefilled from the order and the customer's words, not
 * stored. The order is `orderRef` when given (one of the customer's orders the agent picked), else the conversation's, else
 * the customer's most recent order in the store.
 */
export const TicketDraftQuery = z.object({ conversationId: z.uuid(), type: TicketType.optional(), orderRef: text().trim().min(1).max(64).optional() });
export type TicketDraftQuery = z.infer<typeof TicketDraftQuery>;
export const TicketDraft = z.object({
  conversationId: text(),
  type: TicketType,
  customerReason: text(),
  orderRef: text().nullable(),
  orderedAt: text().nullable(),
  deliveredAt: text().nullable(),
  items: z.array(OrderItem),
  /** The classifier's reading of the customer's words (null when it could not run). */
  suggestedCause: CauseCode.nullable(),
  causeConfidence: z.number().nullable(),
  /** What the policy would decide if the ticket were opened now. */
  policyDecision: PolicyDecision,
});
export type TicketDraft = z.infer<typeof TicketDraft>;
