import type { ResponseRule, SlaBoardTimer } from '@kefu/contracts';
import { zonedDate, zonedMidnight } from '../analytics/period';
import { isResponseTimer } from './board-state';
import type { SlaClock } from './countdown';

// The platforms' response metric on the console: how a rate is coloured and written, and which
// running waits can still be answered within their store's rule.

/** The colour bands of a response rate (0–1): green from `green`, amber from `amber`, red below. */
export const RESPONSE_RATE_BANDS = { green: 0.9, amber: 0.8 } as const;

export type RateTone = 'green' | 'amber' | 'red';

/** The band of a rate; null when nothing was decided yet. */
export function rateTone(rate: number | null): RateTone | null {
  if (rate === null) return null;
  return rate >= RESPONSE_RATE_BANDS.green ? 'green' : rate >= RESPONSE_RATE_BANDS.amber ? 'amber' : 'red';
}

/**
 * A response rate as a percentage with at most one decimal, rounded down: "50%", "89.9%", "100%".
 * Rounding down keeps the figure in its band (89.96 % is not written "90%" beside an amber mark).
 */
export function formatResponseRate(rate: number): string {
  const tenths = Math.floor(Math.max(0, Math.min(1, rate)) * 1000 + 1e-6);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}

/** The instant (ISO) today began in a timezone: the start of "today" on the board. */
export const startOfDayIn = (now: number, timezone: string): string => new Date(zonedMidnight(zonedDate(now, timezone), timezone)).toISOString();

/** When a wait counted by its platform must be answered by: its start plus the rule's seconds (wall time). */
export const ruleLimitAt = (t: Pick<SlaBoardTimer, 'startedAt' | 'ruleSeconds'>): number => (t.ruleSeconds === null ? Number.NaN : Date.parse(t.startedAt) + t.ruleSeconds * 1000);

/** A customer still waiting for a reply, whether or not the desk's own response time has run out. */
const stillWaiting = (t: SlaBoardTimer) => isResponseTimer(t) && t.respondedAt === null && (t.status === 'running' || t.status === 'breached');

/**
 * The waits a platform counts that can still be met at `now` (their rule's limit not reached), the oldest
 * first: the board's running clocks and its breached ones nobody answered (the desk's response time is
 * not the platform's).
 */
export function waitsAtRisk(timers: readonly SlaBoardTimer[], now: number): SlaBoardTimer[] {
  const byId = new Map<string, SlaBoardTimer>();
  for (const t of timers) if (stillWaiting(t) && t.ruleSeconds !== null && ruleLimitAt(t) > now) byId.set(t.id, t);
  const startOf = (t: SlaBoardTimer) => Date.parse(t.startedAt);
  return [...byId.values()].sort((a, b) => startOf(a) - startOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Rates as the board and the analysts list them: the worst first (what needs attention is at the top of a
 * wall screen), groups with nothing decided yet last; ties by name.
 */
export function sortByRate<T extends { rate: number | null }>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const rank = (i: T) => (i.rate === null ? Number.POSITIVE_INFINITY : i.rate);
  return [...items].sort((a, b) => rank(a) - rank(b) || nameOf(a).localeCompare(nameOf(b), 'zh-CN'));
}

/**
 * The countdown of a wait to its rule's limit: amber from the store's last nudge before the limit
 * (its last reminder), or for the last third of the rule when the store sets no nudge.
 */
export function ruleClock(t: Pick<SlaBoardTimer, 'startedAt' | 'ruleSeconds'>, rule: Pick<ResponseRule, 'nudgeSeconds'> | undefined): SlaClock {
  const limit = ruleLimitAt(t);
  if (Number.isNaN(limit) || t.ruleSeconds === null) return { dueAt: null, warnAt: null, breachedAt: null };
  const nudges = (rule?.nudgeSeconds ?? []).filter((s) => s < t.ruleSeconds!);
  const warnAfter = nudges.length > 0 ? Math.max(...nudges) : (t.ruleSeconds * 2) / 3;
  const start = Date.parse(t.startedAt);
  return { dueAt: new Date(limit).toISOString(), warnAt: new Date(start + warnAfter * 1000).toISOString(), breachedAt: null };
}

/**
 * How many of the store's nudges a wait has had at `now`: the server's count, or the nudge instants
 * already past (they fire on the second; the server's count comes with the next read of the list).
 */
export function nudgesFired(t: Pick<SlaBoardTimer, 'startedAt' | 'ruleSeconds' | 'nudged'>, rule: Pick<ResponseRule, 'nudgeSeconds'> | undefined, now: number): number {
  const start = Date.parse(t.startedAt);
  const past = (rule?.nudgeSeconds ?? []).filter((s) => (t.ruleSeconds === null || s < t.ruleSeconds) && start + s * 1000 <= now).length;
  return Math.max(t.nudged, past);
}

/**
 * The next instant a wait passes its rule's limit unanswered (and so is decided as missed), after
 * `now`; rounded up to a multiple of `stepMs` so that waits ending together are read once. Null: none.
 */
export function nextRuleLimit(timers: readonly SlaBoardTimer[], now: number, stepMs: number): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const t of timers) {
    const limit = ruleLimitAt(t);
    if (stillWaiting(t) && limit > now && limit < next) next = limit;
  }
  return Number.isFinite(next) ? Math.ceil(next / stepMs) * stepMs : null;
}
