import { DateTime } from 'luxon';
import { MAX_PERIOD_DAYS } from '@kefu/contracts';
import { ValidationError } from '../errors/validation.error.js';

const DAY_MS = 24 * 3600 * 1000;

/** A half-open interval of instants [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/** The period asked for: [from, to), by default the 30 days before now. */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date, defaultDays = 30): Period {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - defaultDays * DAY_MS);
  if (from >= to) throw new ValidationError(q.to ? { to: 'must be after from' } : { from: 'must be before to (default: now)' });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw new ValidationError({ from: `must be at most ${MAX_PERIOD_DAYS} days before to` });
  return { from, to };
}

/** The period of the same length just before. */
export const previousPeriod = (p: Period): Period => ({ from: new Date(2 * p.from.getTime() - p.to.getTime()), to: p.from });

/** The store-local calendar date (YYYY-MM-DD) of an instant. */
export const localDate = (at: Date, timezone: string): string => DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;

/** The instant a store-local calendar date begins. */
export const startOfLocalDay = (date: string, timezone: string): Date => DateTime.fromISO(date, { zone: timezone }).startOf('day').toJSDate();

// Calendar arithmetic on YYYY-MM-DD strings, in plain UTC dates (luxon is too slow for loops here).
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

const addMonths = (date: string, months: number): string => {
  const d = utc(date);
  d.setUTCMonth(d.getUTCMonth() + months); // called on the 1st of a month only
  return iso(d);
};

/** ISO weekday of a date, Monday = 1. */
const weekday = (date: string) => utc(date).getUTCDay() || 7;

export type Grain = 'day' | 'week' | 'month';

/** Buckets of each grain, by their first day (a week by its Monday, a month by its 1st). */
export type Cover = Record<Grain, string[]>;

/**
 * Whole local days [firstDay, endDay) as few rollup buckets as possible: whole months, then whole
 * ISO weeks, then single days, using only the grains allowed. With `weeksInMonths`, a week is
 * used only when it lies inside one month (so the answer can still be grouped by month).
 */
export function coverDays(firstDay: string, endDay: string, grains: readonly Grain[], weeksInMonths = false): Cover {
  const cover: Cover = { day: [], week: [], month: [] };
  for (let d = firstDay; d < endDay; ) {
    const nextMonth = d.endsWith('-01') ? addMonths(d, 1) : null;
    const nextWeek = addDays(d, 7);
    if (grains.includes('month') && nextMonth && nextMonth <= endDay) {
      cover.month.push(d);
      d = nextMonth;
    } else if (grains.includes('week') && weekday(d) === 1 && nextWeek <= endDay && (!weeksInMonths || addDays(d, 6).slice(0, 7) === d.slice(0, 7))) {
      cover.week.push(d);
      d = nextWeek;
    } else {
      cover.day.push(d);
      d = addDays(d, 1);
    }
  }
  return cover;
}

/**
 * How a period reads in one store's timezone: the whole local days inside it, [firstDay, endDay),
 * which a daily rollup answers, and the partial days at its edges, which must be read from tickets.
 */
export interface StoreWindow {
  /** First whole local day, or null when the period holds no whole day. */
  firstDay: string | null;
  /** The local day after the last whole one. */
  endDay: string | null;
  /** The instants outside the whole days (at most two intervals). */
  edges: Period[];
}

export function storeWindow(p: Period, timezone: string): StoreWindow {
  const fromDay = localDate(p.from, timezone);
  const firstDay = startOfLocalDay(fromDay, timezone).getTime() === p.from.getTime() ? fromDay : addDays(fromDay, 1);
  const endDay = localDate(p.to, timezone);
  if (firstDay >= endDay) return { firstDay: null, endDay: null, edges: [p] };
  const wholeFrom = startOfLocalDay(firstDay, timezone);
  const wholeTo = startOfLocalDay(endDay, timezone);
  const edges = [
    { from: p.from, to: wholeFrom },
    { from: wholeTo, to: p.to },
  ].filter((e) => e.from < e.to);
  return { firstDay, endDay, edges };
}

/** A bar's bucket as store-local days [firstDay, endDay): `day`, `week` (its Monday) or `month` (YYYY-MM). */
export function bucketDays(b: { day?: string; week?: string; month?: string }): { firstDay: string; endDay: string } | null {
  if (b.day) return { firstDay: b.day, endDay: addDays(b.day, 1) };
  if (b.week) return { firstDay: b.week, endDay: addDays(b.week, 7) };
  if (b.month) {
    const first = `${b.month}-01`;
    return { firstDay: first, endDay: addMonths(first, 1) };
  }
  return null;
}

/** The instants of a store where a period and a bucket of local days overlap (null: they do not). */
export function bucketWindow(p: Period, bucket: { firstDay: string; endDay: string } | null, timezone: string): Period | null {
  if (!bucket) return p;
  const from = new Date(Math.max(p.from.getTime(), startOfLocalDay(bucket.firstDay, timezone).getTime()));
  const to = new Date(Math.min(p.to.getTime(), startOfLocalDay(bucket.endDay, timezone).getTime()));
  return from < to ? { from, to } : null;
}

/** A run of consecutive buckets of one grain: local days [first, end). */
export interface BucketRun {
  grain: Grain;
  first: string;
  end: string;
}

const bucketEnd = (grain: Grain, start: string) => (grain === 'day' ? addDays(start, 1) : grain === 'week' ? addDays(start, 7) : addMonths(start, 1));

/** The buckets of a cover as runs of consecutive buckets (a query reads one index range per run). */
export function coverRuns(cover: Cover): BucketRun[] {
  const runs: BucketRun[] = [];
  for (const grain of ['month', 'week', 'day'] as const) {
    for (const start of cover[grain]) {
      const last = runs[runs.length - 1];
      if (last && last.grain === grain && last.end === start) last.end = bucketEnd(grain, start);
      else runs.push({ grain, first: start, end: bucketEnd(grain, start) });
    }
  }
  return runs;
}
