import type { GuardStatsRow } from '@kefu/contracts';
import { timeBuckets, type TimeGroup } from './period';
import { bucketOf } from './response-rows';

// The reply guard on the analysts' desk: violations (blocked attempts and overrides) per 1,000 replies,
// for the period, per store, agent or rule, and in the screen's buckets over time.

export type GuardGroup = 'store' | 'agent' | 'rule' | 'day';

type Counts = Pick<GuardStatsRow, 'replies' | 'blocked' | 'overrides'>;

export interface GuardTotals extends Counts {
  /** Blocked attempts plus overrides. */
  violations: number;
  /** As the API counts it: violations per 1,000 replies sent or refused, one decimal; null without any. */
  per1000: number | null;
}

export function guardFigures(c: Counts): GuardTotals {
  const attempts = c.replies + c.blocked;
  const violations = c.blocked + c.overrides;
  return { replies: c.replies, blocked: c.blocked, overrides: c.overrides, violations, per1000: attempts ? Math.round((violations / attempts) * 1000 * 10) / 10 : null };
}

/** The sum of rows, its rate recomputed from the summed counts (never an average of the rows' rates). */
export function guardTotals(rows: readonly Counts[]): GuardTotals {
  let replies = 0;
  let blocked = 0;
  let overrides = 0;
  for (const r of rows) {
    replies += r.replies;
    blocked += r.blocked;
    overrides += r.overrides;
  }
  return guardFigures({ replies, blocked, overrides });
}

export interface GuardBucket extends GuardTotals {
  /** A day, the Monday of an ISO week, or YYYY-MM. */
  id: string;
}

/**
 * The daily rows in the screen's buckets: every bucket of the period (empty ones without a rate), days the
 * API has outside the period's dates (the desk's timezone against a store's) kept in order.
 */
export function guardBuckets(days: readonly GuardStatsRow[], group: TimeGroup, firstDay: string, lastDay: string): GuardBucket[] {
  const sums = new Map<string, GuardStatsRow[]>();
  for (const id of timeBuckets(group, firstDay, lastDay)) sums.set(id, []);
  for (const d of days) {
    if (!d.day) continue;
    const id = bucketOf(d.day, group);
    sums.set(id, [...(sums.get(id) ?? []), d]);
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, list]) => ({ id, ...guardTotals(list) }));
}

export interface GuardRow extends GuardTotals {
  /** The store, agent or rule id. */
  key: string;
}

/** The rows by store, agent or rule, the highest rate first (then the most violations); rows with nothing to count left out. */
export function guardRanking(rows: readonly GuardStatsRow[], group: Exclude<GuardGroup, 'day'>): GuardRow[] {
  return rows
    .map((r) => ({ key: (group === 'store' ? r.storeId : group === 'agent' ? r.agentId : r.ruleId) ?? '', ...guardFigures(r) }))
    .filter((r) => r.per1000 !== null)
    .sort((a, b) => (b.per1000 ?? 0) - (a.per1000 ?? 0) || b.violations - a.violations || b.replies - a.replies || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Round ticks of a 0–`max` axis, about four steps of 1, 2, 2.5 or 5 × 10ⁿ (0–1 when there is nothing above 0). */
export function per1000Ticks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

/** A rate as people read it: "500", "2.5", "1,000" (one decimal at most); a dash without one. */
export const per1000Label = (per1000: number | null, lang: string): string => (per1000 === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(per1000));
