import type { ConversationActivityEvent } from '@kefu/contracts';

// Who else is on each conversation (the collision guard), from `conversation.activity` events.
// Pure functions: every change returns the same map when nothing changed, and leaves the lists of
// other conversations untouched, so only the rows concerned re-render.

/** An entry not refreshed for this long is dropped (consoles re-announce every HEARTBEAT_MS). */
export const ACTIVITY_TTL_MS = 30_000;

export interface Watcher {
  userId: string;
  userName: string;
  state: 'viewing' | 'typing';
  /** When the last event of this user for this conversation arrived (ms on this computer's clock). */
  at: number;
}

export type ActivityMap = ReadonlyMap<string, readonly Watcher[]>;

export const EMPTY_WATCHERS: readonly Watcher[] = [];

/** Applies one event; the user's own consoles (`meId`) are never listed. */
export function applyActivity(map: ActivityMap, event: ConversationActivityEvent, now: number, meId: string): ActivityMap {
  if (event.userId === meId) return map;
  const list = map.get(event.conversationId) ?? EMPTY_WATCHERS;
  const index = list.findIndex((w) => w.userId === event.userId);
  const next = new Map(map);
  if (event.state === 'left') {
    if (index === -1) return map;
    const rest = list.filter((w) => w.userId !== event.userId);
    if (rest.length) next.set(event.conversationId, rest);
    else next.delete(event.conversationId);
    return next;
  }
  const watcher: Watcher = { userId: event.userId, userName: event.userName, state: event.state, at: now };
  next.set(event.conversationId, index === -1 ? [...list, watcher] : list.map((w, i) => (i === index ? watcher : w)));
  return next;
}

/** Drops the entries not refreshed within `ttl` (a console that vanished without a 'left'). */
export function expireActivity(map: ActivityMap, now: number, ttl = ACTIVITY_TTL_MS): ActivityMap {
  let next: Map<string, readonly Watcher[]> | null = null;
  for (const [conversationId, list] of map) {
    const fresh = list.filter((w) => now - w.at < ttl);
    if (fresh.length === list.length) continue;
    next ??= new Map(map);
    if (fresh.length) next.set(conversationId, fresh);
    else next.delete(conversationId);
  }
  return next ?? map;
}

/** Typing first, then viewing; each group in the order they arrived. */
export function splitWatchers(list: readonly Watcher[]): { typing: Watcher[]; viewing: Watcher[] } {
  return { typing: list.filter((w) => w.state === 'typing'), viewing: list.filter((w) => w.state === 'viewing') };
}
