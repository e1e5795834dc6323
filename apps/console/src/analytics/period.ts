import { MAX_PERIOD_DAYS } from '@kefu/contracts';

// Periods of the analysts' desk. Buckets on the server are store-local calendar days, so the
// presets are computed in a store's timezone (the chosen store's, or the one most stores use),
// not in the timezone of whoever happens to look at the screen.

export const PERIOD_PRESETS = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const TIME_GROUPS = ['day', 'week', 'month'] as const;
export type TimeGroup = (typeof TIME_GROUPS)[number];

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** The chosen period: a preset, or inclusive custom dates (YYYY-MM-DD). */
export interface PeriodChoice {
  preset: PeriodPreset;
  customFrom: string;
  customTo: string;
}

/** A period as the API takes it ([from, to) instants) and as people read it (first and last day, inclusive). */
export interface ResolvedPeriod {
  from: string;
  to: string;
  firstDay: string;
  lastDay: string;
  days: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export const isDate = (s: string): boolean => {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

const utc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => ymd(utc(date) + days * DAY_MS);

export function addMonths(date: string, months: number): string {
  const d = new Date(utc(date));
  return ymd(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** Days from `a` to `b` (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round((utc(b) - utc(a)) / DAY_MS);

/** The ISO Monday of a date's week. */
export function mondayOf(date: string): string {
  const weekday = new Date(utc(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timezone: string, at: number): Record<string, number> {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timezone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const validTimezone = (timezone: string): string => {
  try {
    partsIn(timezone, 0);
    return timezone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
};

/** The calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function zonedDate(at: number, timezone: string): string {
  const p = partsIn(validTimezone(timezone), at);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** How far the timezone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: number, timezone: string): number {
  const p = partsIn(timezone, at);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar date begins in a timezone. */
export function zonedMidnight(date: string, timezone: string): number {
  const tz = validTimezone(timezone);
  const guess = utc(date);
  const first = guess - offsetAt(guess, tz);
  // Across a DST change the offset at midnight differs from the one at the guess.
  return guess - offsetAt(first, tz);
}

/** The preset's dates in a timezone, or null for an unusable custom range. */
export function resolvePeriod(choice: PeriodChoice, now: number, timezone: string): ResolvedPeriod | null {
  const today = zonedDate(now, timezone);
  const monthStart = `${today.slice(0, 8)}01`;
  let firstDay: string;
  let endDay: string; // exclusive
  switch (choice.preset) {
    case 'last7':
    case 'last30':
    case 'last90': {
      const n = choice.preset === 'last7' ? 7 : choice.preset === 'last30' ? 30 : 90;
      firstDay = addDays(today, 1 - n);
      endDay = addDays(today, 1);
      break;
    }
    case 'thisMonth':
      firstDay = monthStart;
      endDay = addMonths(monthStart, 1);
      break;
    case 'lastMonth':
      firstDay = addMonths(monthStart, -1);
      endDay = monthStart;
      break;
    case 'custom':
      if (!isDate(choice.customFrom) || !isDate(choice.customTo) || choice.customFrom > choice.customTo) return null;
      firstDay = choice.customFrom;
      endDay = addDays(choice.customTo, 1);
      break;
  }
  const days = daysBetween(firstDay, endDay);
  // The API compares with the period before: both must fit its limit.
  if (days > MAX_PERIOD_DAYS) return null;
  return {
    from: new Date(zonedMidnight(firstDay, timezone)).toISOString(),
    to: new Date(zonedMidnight(endDay, timezone)).toISOString(),
    firstDay,
    lastDay: addDays(endDay, -1),
    days,
  };
}

/** Why a custom range is refused, for the message under the date inputs (null: fine). */
export function customRangeProblem(customFrom: string, customTo: string): 'incomplete' | 'order' | 'tooLong' | null {
  if (!isDate(customFrom) || !isDate(customTo)) return 'incomplete';
  if (customFrom > customTo) return 'order';
  if (daysBetween(customFrom, customTo) + 1 > MAX_PERIOD_DAYS) return 'tooLong';
  return null;
}

/** The bucket that reads best for a period of that many days. */
export const suggestedGroup = (days: number): TimeGroup => (days <= 45 ? 'day' : days <= 200 ? 'week' : 'month');

/** Daily bars stop being readable (and cheap) beyond this. */
export const MAX_DAY_BUCKETS = 180;
export const groupAllowed = (group: TimeGroup, days: number): boolean => group !== 'day' || days <= MAX_DAY_BUCKETS;

/** The bucket keys of a period, as the API names them: days, Mondays of ISO weeks, or YYYY-MM. */
export function timeBuckets(group: TimeGroup, firstDay: string, lastDay: string): string[] {
  if (firstDay > lastDay) return [];
  const out: string[] = [];
  if (group === 'day') {
    for (let d = firstDay; d <= lastDay; d = addDays(d, 1)) out.push(d);
  } else if (group === 'week') {
    for (let d = mondayOf(firstDay); d <= lastDay; d = addDays(d, 7)) out.push(d);
  } else {
    for (let d = `${firstDay.slice(0, 7)}-01`; d <= lastDay; d = addMonths(d, 1)) out.push(d.slice(0, 7));
  }
  return out;
}

/** The timezone the presets are computed in: the store's, else the one most stores share. */
export function periodTimezone(stores: readonly { id: string; timezone: string }[], storeId: string): string {
  if (storeId) return stores.find((s) => s.id === storeId)?.timezone || DEFAULT_TIMEZONE;
  const counts = new Map<string, number>();
  for (const s of stores) counts.set(s.timezone, (counts.get(s.timezone) ?? 0) + 1);
  let best = DEFAULT_TIMEZONE;
  let most = 0;
  for (const [tz, n] of counts) if (n > most) [best, most] = [tz, n];
  return best;
}
