import type { Conversation, SlaBoardTimer, SlaTimer } from '@kefu/contracts';

// The supervisor board's two lists and how each live event changes them. Every change is
// idempotent, so it can be applied again on top of a list fetched while it was on its way.

export interface BoardLists {
  /** Running timers, most urgent (earliest due) first. */
  running: SlaBoardTimer[];
  /** Breached and not yet answered, latest breach first. */
  breached: SlaBoardTimer[];
}

export const EMPTY_LISTS: BoardLists = { running: [], breached: [] };

const time = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);
const sameTime = (a: string | null, b: string | null): boolean => a === b || (a !== null && b !== null && time(a) === time(b));
const byId = (a: SlaBoardTimer, b: SlaBoardTimer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Earliest due first; a timer without a due time last. */
export function sortRunning(list: SlaBoardTimer[]): SlaBoardTimer[] {
  const due = (t: SlaBoardTimer) => {
    const at = time(t.dueAt);
    return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
  };
  return [...list].sort((a, b) => due(a) - due(b) || byId(a, b));
}

/** Latest breach first. */
export function sortBreached(list: SlaBoardTimer[]): SlaBoardTimer[] {
  const at = (t: SlaBoardTimer) => {
    const ms = time(t.breachedAt ?? t.dueAt);
    return Number.isNaN(ms) ? 0 : ms;
  };
  return [...list].sort((a, b) => at(b) - at(a) || byId(a, b));
}

/** Only the timer's own fields of an event payload (events add conversationId, secondsLeft, …). */
function timerOf(event: SlaTimer): SlaTimer {
  return {
    id: event.id,
    storeId: event.storeId,
    conversationId: event.conversationId,
    ticketId: event.ticketId,
    kind: event.kind,
    status: event.status,
    startedAt: event.startedAt,
    targetSeconds: event.targetSeconds,
    warnAt: event.warnAt,
    dueAt: event.dueAt,
    warnedAt: event.warnedAt,
    breachedAt: event.breachedAt,
    metAt: event.metAt,
    pausedAt: event.pausedAt,
    respondedAt: event.respondedAt,
    responseSeconds: event.responseSeconds,
    respondedBy: event.respondedBy,
    breachAssigneeId: event.breachAssigneeId,
    messageId: event.messageId,
    ruleSeconds: event.ruleSeconds,
    nudged: event.nudged,
  };
}

export const isResponseTimer = (t: Pick<SlaTimer, 'kind'>) => t.kind !== 'resolution';

/** The conversation a board row opens: its own, or (a ticket's resolution clock) the ticket's. */
export const rowConversationId = (t: SlaBoardTimer): string | null => t.conversationId ?? t.ticketConversationId;

/** `sla.warning`: the running row turns amber (its warnedAt is set). Unknown timers are left to a refetch. */
export function applyWarning(lists: BoardLists, event: SlaTimer): BoardLists {
  if (!lists.running.some((r) => r.id === event.id)) return lists;
  return {
    ...lists,
    running: lists.running.map((r) => (r.id === event.id ? { ...r, ...timerOf(event), warnedAt: event.warnedAt ?? r.warnedAt ?? event.warnAt } : r)),
  };
}

/** `sla.breached`: the row moves from running to breached. */
export function applyBreach(lists: BoardLists, event: SlaTimer & { assigneeId?: string | null }, fallbackBreachedAt?: string): BoardLists {
  const row = lists.running.find((r) => r.id === event.id) ?? lists.breached.find((r) => r.id === event.id);
  const running = lists.running.filter((r) => r.id !== event.id);
  if (!row) return running.length === lists.running.length ? lists : { ...lists, running };
  const moved: SlaBoardTimer = {
    ...row,
    ...timerOf(event),
    status: 'breached',
    breachedAt: event.breachedAt ?? row.breachedAt ?? fallbackBreachedAt ?? event.dueAt,
    assigneeId: event.assigneeId !== undefined ? event.assigneeId : row.assigneeId,
    breachAssigneeId: event.breachAssigneeId ?? row.breachAssigneeId ?? (event.assigneeId !== undefined ? event.assigneeId : row.assigneeId),
  };
  return { running, breached: sortBreached([...lists.breached.filter((r) => r.id !== event.id), moved]) };
}

/**
 * `sla.met`: the timer leaves the running list; a response timer met answers the conversation's
 * response breach too. A ticket's resolution clock concerns that ticket only.
 */
export function applyMet(lists: BoardLists, event: Pick<SlaTimer, 'id' | 'conversationId' | 'kind'>): BoardLists {
  const answersConversation = event.kind !== 'resolution' && event.conversationId !== null;
  const running = lists.running.filter((r) => r.id !== event.id);
  const breached = lists.breached.filter((r) => r.id !== event.id && !(answersConversation && isResponseTimer(r) && r.conversationId === event.conversationId));
  if (running.length === lists.running.length && breached.length === lists.breached.length) return lists;
  return { running, breached };
}

/** An agent's reply (not a note) meets the conversation's response clock, breached or not; its tickets' clocks go on. */
export function applyReply(lists: BoardLists, conversationId: string): BoardLists {
  const answered = (r: SlaBoardTimer) => r.conversationId === conversationId && isResponseTimer(r);
  const running = lists.running.filter((r) => !answered(r));
  const breached = lists.breached.filter((r) => !answered(r));
  if (running.length === lists.running.length && breached.length === lists.breached.length) return lists;
  return { running, breached };
}

/**
 * A conversation event: rows of the conversation take its assignee, customer and preview; a cleared
 * slaBreachedAt drops its breached rows; a cleared slaDueAt ends its running response timer (moved
 * to breached when the conversation breached, otherwise met or cancelled).
 */
export function applyConversation(lists: BoardLists, c: Conversation): BoardLists {
  // A conversation's fields tell of its response clock only (a ticket's resolution clock has its own events).
  const concerns = (r: SlaBoardTimer) => r.conversationId === c.id && isResponseTimer(r);
  if (!lists.running.some(concerns) && !lists.breached.some(concerns)) return lists;
  const refresh = (r: SlaBoardTimer): SlaBoardTimer =>
    concerns(r) ? { ...r, assigneeId: c.assigneeId, customerName: c.customer?.name ?? r.customerName, lastMessagePreview: c.lastMessagePreview } : r;

  let running = lists.running.map(refresh);
  let breached = c.slaBreachedAt === null ? lists.breached.filter((r) => !concerns(r)) : lists.breached.map(refresh);
  if (c.slaDueAt === null) {
    const ended = running.filter(concerns);
    running = running.filter((r) => !ended.includes(r));
    if (c.slaBreachedAt !== null && ended.length > 0) {
      const moved = ended.map((r) => ({ ...r, status: 'breached' as const, breachedAt: r.breachedAt ?? c.slaBreachedAt, breachAssigneeId: r.breachAssigneeId ?? c.assigneeId }));
      breached = sortBreached([...breached.filter((b) => !moved.some((m) => m.id === b.id)), ...moved]);
    }
  }
  return { running, breached };
}

/** Whether a conversation event tells of a timer the lists do not hold yet (so they are fetched again). */
export function missingFor(lists: BoardLists, c: Conversation): { running: boolean; breached: boolean } {
  const concerns = (r: SlaBoardTimer) => r.conversationId === c.id && isResponseTimer(r);
  const running = c.slaDueAt !== null && !lists.running.some((r) => concerns(r) && sameTime(r.dueAt, c.slaDueAt));
  const breached = c.slaBreachedAt !== null && !lists.breached.some(concerns) && !lists.running.some(concerns);
  return { running, breached };
}

/** The clock of a board row: a warning the server announced counts even if this clock is behind. */
export function timerClock(t: SlaBoardTimer): { dueAt: string | null; warnAt: string | null; breachedAt: string | null } {
  const warnAt = t.warnedAt && (!t.warnAt || time(t.warnedAt) < time(t.warnAt)) ? t.warnedAt : t.warnAt;
  return { dueAt: t.dueAt, warnAt, breachedAt: t.status === 'breached' ? (t.breachedAt ?? t.dueAt) : null };
}
