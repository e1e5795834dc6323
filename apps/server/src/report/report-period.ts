import { DateTime } from 'luxon';
import type { ReportPeriod } from '@kefu/contracts';

export interface ReportWindow {
  /** Store-local dates, [start, end). */
  start: string;
  end: string;
  /** The same as instants. */
  from: Date;
  to: Date;
}

const window = (start: DateTime, end: DateTime): ReportWindow => ({ start: start.toISODate()!, end: end.toISODate()!, from: start.toJSDate(), to: end.toJSDate() });

/** The week (ISO, Monday first) or month that holds a store-local date. */
export function periodHolding(period: ReportPeriod, date: string, timezone: string): ReportWindow {
  const day = DateTime.fromISO(date, { zone: timezone }).startOf('day');
  const start = period === 'week' ? day.startOf('week') : day.startOf('month');
  return window(start, start.plus(period === 'week' ? { weeks: 1 } : { months: 1 }));
}

/** The last week or month that has ended in the store's timezone at `now`. */
export function lastCompletePeriod(period: ReportPeriod, timezone: string, now: Date): ReportWindow {
  const today = DateTime.fromJSDate(now, { zone: timezone });
  const previous = period === 'week' ? today.minus({ weeks: 1 }) : today.minus({ months: 1 });
  return periodHolding(period, previous.toISODate()!, timezone);
}

/** The period just before. */
export function previousWindow(period: ReportPeriod, w: ReportWindow, timezone: string): ReportWindow {
  return lastCompletePeriod(period, timezone, w.from);
}
