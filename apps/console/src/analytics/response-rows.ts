import type { ResponseRateItem } from '@kefu/contracts';
import { mondayOf, timeBuckets, type TimeGroup } from './period';

// The platforms' response rate on the analysts' desk: the period's total and its buckets over time.

export interface RateTotals {
  eligible: number;
  met: number;
  pending: number;
  /** met / eligible; null when nothing was decided. */
  rate: number | null;
}

/** What a bucket is summed from: the API's items, or a client report's days (which have no pending waits). */
type RateCounts = Pick<ResponseRateItem, 'eligible' | 'met'> & { day?: string; pending?: number };

/** The period's figures, summed over the groups of any one grouping (every wait is in exactly one group). */
export function rateTotals(items: readonly RateCounts[]): RateTotals {
  let eligible = 0;
  let met = 0;
  let pending = 0;
  for (const i of items) {
    eligible += i.eligible;
    met += i.met;
    pending += i.pending ?? 0;
  }
  return { eligible, met, pending, rate: eligible ? met / eligible : null };
}

export interface RateBucket extends RateTotals {
  /** The bucket key: a day, the Monday of an ISO week, or YYYY-MM. */
  id: string;
}

/** The bucket a day falls in: itself, the Monday of its ISO week, or its YYYY-MM. */
export const bucketOf = (day: string, group: TimeGroup): string => (group === 'day' ? day : group === 'week' ? mondayOf(day) : day.slice(0, 7));

/**
 * The daily rates in the screen's buckets (days, weeks or months): a bucket's rate is its met over its
 * decided waits, not an average of daily rates. Every bucket of the period is there, empty ones included,
 * so the time axis is even (days the API has outside the period's dates — another store's timezone — are kept).
 */
export function rateBuckets(days: readonly RateCounts[], group: TimeGroup, firstDay: string, lastDay: string): RateBucket[] {
  const sums = new Map<string, RateCounts[]>();
  for (const id of timeBuckets(group, firstDay, lastDay)) sums.set(id, []);
  for (const d of days) {
    if (!d.day) continue;
    const id = bucketOf(d.day, group);
    sums.set(id, [...(sums.get(id) ?? []), d]);
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, list]) => ({ id, ...rateTotals(list) }));
}
