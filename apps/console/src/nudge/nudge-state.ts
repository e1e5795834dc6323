import type { ConversationDetail, SlaNudgeEvent, User } from '@kefu/contracts';
import { isLead } from '../desk/useDirectory';
import { isAgentReply } from '../inbox/inbox-list';
import type { LiveEvent } from '../live/live-bus';

// The platform-rule nudges of waiting chats (`sla.nudge`), per conversation, until the wait is answered. Pure
// functions: a change returns the same map when nothing changed.

/** The latest nudge of a conversation's wait. */
export type Nudge = Pick<SlaNudgeEvent, 'conversationId' | 'storeId' | 'timerId' | 'startedAt' | 'ruleSeconds' | 'waitingSeconds' | 'assigneeId'>;
export type NudgeMap = ReadonlyMap<string, Nudge>;

/** From this share of the rule's limit the marker is red (the Taobao 150 s nudge of 180 s; JD's 25 of 30). */
export const RED_FROM_SHARE = 0.75;

const without = (map: NudgeMap, conversationId: string): NudgeMap => {
  if (!map.has(conversationId)) return map;
  const next = new Map(map);
  next.delete(conversationId);
  return next;
};

/** Whether `awaitingReplySince` is the wait the nudge is about (the server starts both at the customer's message). */
const sameWait = (nudge: Nudge, awaitingReplySince: string | null): boolean => awaitingReplySince !== null && Date.parse(awaitingReplySince) === Date.parse(nudge.startedAt);

/** One live event: a nudge is kept (a later one of the same wait replaces it); a reply, a met clock or an end of the wait drops it. */
export function applyNudgeEvent(map: NudgeMap, event: LiveEvent): NudgeMap {
  switch (event.name) {
    case 'sla.nudge': {
      const e = event.payload;
      const known = map.get(e.conversationId);
      if (known && known.timerId === e.timerId && known.waitingSeconds >= e.waitingSeconds) return map;
      const { conversationId, storeId, timerId, startedAt, ruleSeconds, waitingSeconds, assigneeId } = e;
      return new Map(map).set(conversationId, { conversationId, storeId, timerId, startedAt, ruleSeconds, waitingSeconds, assigneeId });
    }
    case 'sla.met':
      return without(map, event.payload.conversationId);
    case 'message.created':
      return isAgentReply(event.payload) ? without(map, event.payload.conversationId) : map;
    case 'conversation.created':
    case 'conversation.updated': {
      const known = map.get(event.payload.id);
      return known && !sameWait(known, event.payload.awaitingReplySince) ? without(map, event.payload.id) : map;
    }
    default:
      return map;
  }
}

/** A nudge known from elsewhere (an open chat's timers), unless one is known already. */
export function seedNudge(map: NudgeMap, nudge: Nudge | null): NudgeMap {
  if (!nudge || map.has(nudge.conversationId)) return map;
  return new Map(map).set(nudge.conversationId, nudge);
}

/** The nudge an open chat's own timers show (a chat opened after its nudge, or after a reload). */
export function nudgeOfDetail(d: Pick<ConversationDetail, 'id' | 'storeId' | 'assigneeId' | 'awaitingReplySince' | 'slaTimers'>): Nudge | null {
  const t = d.slaTimers.find((x) => x.kind !== 'resolution' && (x.status === 'running' || x.status === 'breached') && x.respondedAt === null && x.nudged > 0 && x.ruleSeconds !== null);
  if (!t || t.ruleSeconds === null) return null;
  const nudge: Nudge = { conversationId: d.id, storeId: d.storeId, timerId: t.id, startedAt: t.startedAt, ruleSeconds: t.ruleSeconds, waitingSeconds: 0, assigneeId: d.assigneeId };
  return sameWait(nudge, d.awaitingReplySince) ? nudge : null;
}

/** The nudge to show on a conversation as the screen has it: none once its wait is answered (also when the event was missed). */
export const shownNudge = (nudge: Nudge | undefined, conversation: { awaitingReplySince: string | null }): Nudge | null =>
  nudge && sameWait(nudge, conversation.awaitingReplySince) ? nudge : null;

export interface NudgeReading {
  /** Whole seconds the customer has waited (at least what the server's nudge said). */
  waited: number;
  /** amber: nudged; red: near or past the rule's limit. */
  level: 'amber' | 'red';
  /** Past the limit: a reply now no longer counts as met. */
  over: boolean;
}

export function readNudge(nudge: Nudge, now: number): NudgeReading {
  const waited = Math.max(nudge.waitingSeconds, Math.floor((now - Date.parse(nudge.startedAt)) / 1000));
  return { waited, level: waited >= nudge.ruleSeconds * RED_FROM_SHARE ? 'red' : 'amber', over: waited > nudge.ruleSeconds };
}

/**
 * Whether a nudge this console received is one to tell me of: my chat, or one nobody has yet (the store's agents may
 * pick it). Leads receive every store's nudges and hear them all, unless muted (their default).
 */
export const isNudgeForMe = (e: Pick<SlaNudgeEvent, 'assigneeId'>, me: User): boolean => isLead(me) || e.assigneeId === me.id || e.assigneeId === null;
