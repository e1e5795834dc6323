import {
  TransitionInput,
  WAITING_STATUSES,
  type CauseCode,
  type Ticket,
  type TicketAction,
  type TicketFilter,
  type TicketStatus,
  type TicketType,
} from '@kefu/contracts';

// Pure helpers of the after-sales screens: how a ticket reads at a glance, and what each action
// sends. No React here, so every rule is unit-tested.

/** Colour family of a status pill: what the agent should feel when seeing it. */
export type StatusTone = 'todo' | 'progress' | 'waiting' | 'done' | 'rejected' | 'closed';

const TONES: Record<TicketStatus, StatusTone> = {
  requested: 'todo',
  approved: 'progress',
  awaiting_return: 'waiting',
  received: 'progress',
  inspected: 'progress',
  refunded: 'done',
  replacement_shipped: 'done',
  rejected: 'rejected',
  closed: 'closed',
  awaiting_customer: 'waiting',
  awaiting_supplier: 'waiting',
};

export const statusTone = (status: TicketStatus): StatusTone => TONES[status];
export const isWaiting = (status: TicketStatus): boolean => WAITING_STATUSES.includes(status);
export const isOpenTicket = (t: Pick<Ticket, 'status'>): boolean => t.status !== 'closed';

/** A cause suggestion the classifier is unsure of: the agent should look before confirming it. */
export const LOW_CONFIDENCE = 0.6;
export const isLowConfidence = (confidence: number | null): boolean => confidence !== null && confidence < LOW_CONFIDENCE;
export const needsCauseConfirmation = (t: Pick<Ticket, 'causeSource'>): boolean => t.causeSource !== 'agent';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What is left to refund: paid minus already refunded, never below 0. */
export const refundableAmount = (t: Pick<Ticket, 'totalPaid' | 'refundedAmount'>): number => Math.max(0, round2(t.totalPaid - t.refundedAmount));

/** Open tickets first, then the newest. */
export function sortForPanel(tickets: readonly Ticket[]): Ticket[] {
  return [...tickets].sort((a, b) => Number(isOpenTicket(b)) - Number(isOpenTicket(a)) || Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}

/** Adds or replaces a ticket in a list (the socket's copy and the POST answer are the same ticket); an older copy never wins. */
export function upsertTicket(list: readonly Ticket[], ticket: Ticket): Ticket[] {
  const index = list.findIndex((t) => t.id === ticket.id);
  if (index === -1) return [ticket, ...list];
  if (Date.parse(list[index].updatedAt) > Date.parse(ticket.updatedAt)) return list as Ticket[];
  return list.map((t, i) => (i === index ? ticket : t));
}

/**
 * Which inline form an action needs before it can be sent, or `null` when a click is enough.
 * Approving against the policy needs an override reason; closing needs a confirmed cause.
 */
export type ActionForm =
  | 'approve_override'
  | 'reject'
  | 'request_return'
  | 'inspect'
  | 'refund'
  | 'ship_replacement'
  | 'open_supplier_case'
  | 'supplier_replied'
  | 'close_cause'
  | 'wait_customer';

export function formFor(action: TicketAction, t: Pick<Ticket, 'policyDecision' | 'policyOverride' | 'causeSource'>): ActionForm | null {
  switch (action) {
    case 'approve':
      return t.policyDecision.eligible || t.policyOverride ? null : 'approve_override';
    case 'reject':
    case 'request_return':
    case 'inspect':
    case 'refund':
    case 'ship_replacement':
    case 'open_supplier_case':
    case 'supplier_replied':
      return action;
    case 'close':
      return needsCauseConfirmation(t) ? 'close_cause' : null;
    case 'wait_customer':
      // The customer is told what is needed from them: the note is their message.
      return 'wait_customer';
    default:
      return null;
  }
}

/** The values of an action's inline form, as typed. */
export interface ActionValues {
  note?: string;
  reason?: string;
  overrideReason?: string;
  returnAddress?: string;
  passed?: boolean;
  amount?: string;
  carrier?: string;
  trackingNumber?: string;
  supplier?: string;
  contact?: string;
  remedy?: 'replace' | 'compensate';
  /** `YYYY-MM-DD` from a date input: due at the end of that day, local time. */
  dueDate?: string;
  outcome?: 'replace' | 'compensate' | 'declined';
  compensationAmount?: string;
  cause?: CauseCode | '';
}

export type BuiltTransition = { ok: true; input: TransitionInput } | { ok: false; fields: Record<string, string> };

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
/** A typed amount: "129", "129.5", "¥129.50", "1,299" → a number; anything else NaN. */
export function parseAmount(v: string | undefined): number {
  const cleaned = (v ?? '').replace(/[¥￥,\s]/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** The end of a local calendar day as an ISO time with offset (what the API wants for due dates). */
export function endOfLocalDay(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 0, 0);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The transition body of an action from its form, checked with the contract's own schema so a bad
 * value is named next to its field before anything is sent. Field names are the contract's
 * (`override.reason` becomes `overrideReason`, `dueAt` `dueDate`).
 */
export function buildTransition(action: TicketAction, v: ActionValues, needsOverride = false): BuiltTransition {
  const note = text(v.note);
  let raw: Record<string, unknown>;
  switch (action) {
    case 'approve':
      raw = { action, note, ...(needsOverride || text(v.overrideReason) ? { override: { reason: v.overrideReason ?? '' } } : {}) };
      break;
    case 'reject':
      raw = { action, reason: v.reason ?? '' };
      break;
    case 'request_return':
      // The customer's update names where to send it; without one the desk's default text is used.
      raw = { action, returnAddress: text(v.returnAddress), note };
      break;
    case 'wait_customer':
      // The note is the question sent to the customer.
      if (!note) return { ok: false, fields: { note: 'required' } };
      raw = { action, note };
      break;
    case 'inspect':
      raw = { action, passed: v.passed, note };
      break;
    case 'refund':
      raw = { action, amount: parseAmount(v.amount), note };
      break;
    case 'ship_replacement':
      raw = { action, carrier: text(v.carrier), trackingNumber: v.trackingNumber ?? '', note };
      break;
    case 'open_supplier_case':
      raw = { action, supplier: v.supplier ?? '', contact: text(v.contact), remedy: v.remedy, dueAt: v.dueDate ? endOfLocalDay(v.dueDate) : undefined, note };
      break;
    case 'supplier_replied':
      raw = {
        action,
        outcome: v.outcome,
        compensationAmount: v.outcome === 'compensate' && text(v.compensationAmount) ? parseAmount(v.compensationAmount) : undefined,
        note,
      };
      break;
    case 'close':
      raw = { action, cause: v.cause || undefined, note };
      break;
    default:
      raw = { action, note };
  }
  const parsed = TransitionInput.safeParse(raw);
  if (parsed.success) {
    if (action === 'supplier_replied' && v.outcome === 'compensate' && !text(v.compensationAmount)) return { ok: false, fields: { compensationAmount: 'required' } };
    return { ok: true, input: parsed.data };
  }
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const name = path === 'override.reason' || path === 'override' ? 'overrideReason' : path === 'dueAt' ? 'dueDate' : path;
    fields[name] ??= issue.message;
  }
  return { ok: false, fields };
}

/** Rules of the return policy the console names itself; others are shown as the server wrote them. */
export const KNOWN_RULES = [
  'no_reason_return_window',
  'quality_return_window',
  'quality_exchange_window',
  'quality_complaint_window',
  'excluded_category',
  'not_yet_delivered',
  'refund_before_delivery',
  'refund_only_seller_fault',
  'refund_only_needs_seller_fault',
] as const;
export type KnownRule = (typeof KNOWN_RULES)[number];
export const isKnownRule = (rule: string): rule is KnownRule => (KNOWN_RULES as readonly string[]).includes(rule);

/** Product categories of the platforms the console names itself. */
export const KNOWN_CATEGORIES = ['apparel', 'shoes', 'electronics', 'home', 'beauty', 'food', 'underwear', 'customized'] as const;
export type KnownCategory = (typeof KNOWN_CATEGORIES)[number];
export const isKnownCategory = (c: string): c is KnownCategory => (KNOWN_CATEGORIES as readonly string[]).includes(c);

/** Timeline kinds beyond the transition actions. */
export const EVENT_KINDS = ['created', 'cause_set', 'policy_decided', 'supplier_reminder', 'resolution_breached', 'override_requested', 'override_approved'] as const;

/** Details of a timeline event worth showing, in a stable order; empty and internal values left out. */
const DETAIL_ORDER = ['type', 'reason', 'amount', 'carrier', 'trackingNumber', 'supplier', 'remedy', 'dueAt', 'outcome', 'compensationAmount', 'passed', 'cause', 'previous', 'confidence', 'causeConfidence', 'policyDecision', 'rule', 'returnAddress', 'override', 'note'];
const INTERNAL_DETAILS = new Set(['supplierCaseId', 'modelVersion', 'causeSource', 'previousSource', 'requestedBy']);
export function detailEntries(details: Record<string, unknown>): [string, unknown][] {
  const entries = Object.entries(details).filter(
    ([k, v]) => !INTERNAL_DETAILS.has(k) && v !== null && v !== undefined && v !== '' && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
  );
  const rank = (k: string) => {
    const i = DETAIL_ORDER.indexOf(k);
    return i === -1 ? DETAIL_ORDER.length : i;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

// ---------- the ticket list screen ----------

export type TicketStateFilter = 'open' | 'closed' | 'all';

export interface TicketFilters {
  storeId: string; // '' = every store
  type: TicketType | '';
  /** One status, or '' for any within `state`. */
  status: TicketStatus | '';
  state: TicketStateFilter;
  cause: CauseCode | 'none' | '';
  overdue: boolean;
  q: string;
}

export const DEFAULT_TICKET_FILTERS: TicketFilters = { storeId: '', type: '', status: '', state: 'open', cause: '', overdue: false, q: '' };

export const hasTicketFilters = (f: TicketFilters): boolean =>
  f.storeId !== '' || f.type !== '' || f.status !== '' || f.state !== 'open' || f.cause !== '' || f.overdue || f.q.trim() !== '';

/** The list query the API answers for these filters (a chosen status wins over the open/closed state). */
export function toTicketQuery(f: TicketFilters): Record<string, string | undefined> {
  return {
    storeId: f.storeId || undefined,
    type: f.type || undefined,
    status: f.status || undefined,
    state: f.status || f.state === 'all' ? undefined : f.state,
    cause: f.cause || undefined,
    overdue: f.overdue ? 'true' : undefined,
    q: f.q.trim() || undefined,
  };
}

/** The same filters as the contract's (for the cache key and the live predicate `ticketMatches`). */
export function toTicketFilter(f: TicketFilters): TicketFilter {
  const q = toTicketQuery(f);
  return {
    storeId: q.storeId,
    type: f.type || undefined,
    status: f.status ? [f.status] : undefined,
    state: f.status || f.state === 'all' ? undefined : f.state,
    cause: f.cause || undefined,
    overdue: f.overdue ? true : undefined,
    q: q.q,
  };
}

// ---------- display ----------

/** Yuan with the ¥ sign in either language: "¥1,299.00". */
export const formatMoney = (amount: number, lang: string): string =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(amount);

/** A calendar day: an ISO time (local day) or a `YYYY-MM-DD` of the store's calendar (as written). */
export function formatDay(value: string, lang: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(Date.parse(value));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, { ...(withYear ? { year: 'numeric' } : {}), month: 'short', day: 'numeric' }).format(date);
}

/** Whole days from an ISO time to now (calendar days on this computer), or null. */
export function daysSince(iso: string | null, now: number): number | null {
  if (!iso) return null;
  const from = new Date(Date.parse(iso));
  const to = new Date(now);
  from.setHours(0, 0, 0, 0);
  to.setHours(0, 0, 0, 0);
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** A confidence 0..1 as a whole percentage. */
export const percent = (confidence: number): number => Math.round(Math.max(0, Math.min(1, confidence)) * 100);

/** Items of an order or a ticket in one line: "Kettle ×2 · Towels" (the first two, then "+n"). */
export function itemsSummary(items: readonly { name: string; qty: number }[], more: (n: number) => string): string {
  const shown = items.slice(0, 2).map((i) => (i.qty > 1 ? `${i.name} ×${i.qty}` : i.name));
  return items.length > 2 ? `${shown.join(' · ')} ${more(items.length - 2)}` : shown.join(' · ');
}
