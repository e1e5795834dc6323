// Business-time arithmetic in a store's timezone (luxon does the zone and DST work).
import { DateTime } from 'luxon';
import type { BusinessHours, Holiday } from '@kefu/contracts';

export interface Schedule {
  timezone: string;
  /** Weekly opening hours; `null` = open around the clock. */
  hours: BusinessHours;
  /**
   * Dates (YYYY-MM-DD in `timezone`) whose hours replace the weekday's: `[]` closes the day (节假日), listed hours
   * open it at those times (a make-up working Saturday, 调休, or shorter hours).
   */
  holidays?: readonly Holiday[];
}

interface Slot {
  open: number; // minutes after local midnight
  close: number; // 1..1440
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Slots sorted and with overlaps merged. */
function merge(slots: Slot[]): Slot[] {
  const merged: Slot[] = [];
  for (const s of [...slots].sort((a, b) => a.open - b.open)) {
    const last = merged[merged.length - 1];
    if (last && s.open <= last.close) last.close = Math.max(last.close, s.close);
    else merged.push({ ...s });
  }
  return merged;
}

const AROUND_THE_CLOCK: Slot[] = [{ open: 0, close: 1440 }];

/** Slots per ISO weekday (every day 00:00–24:00 for a store open around the clock). */
function weeklySlots(hours: BusinessHours): Map<number, Slot[]> {
  const byDay = new Map<number, Slot[]>();
  if (!hours) {
    for (let d = 1; d <= 7; d++) byDay.set(d, AROUND_THE_CLOCK);
    return byDay;
  }
  for (const h of hours) byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), { open: minutesOf(h.open), close: minutesOf(h.close) }]);
  for (const [day, slots] of byDay) byDay.set(day, merge(slots));
  return byDay;
}

/** Slots per date of the holidays and make-up days. */
function datedSlots(holidays: readonly Holiday[]): Map<string, Slot[]> {
  return new Map(holidays.map((h) => [h.date, merge(h.hours.map((s) => ({ open: minutesOf(s.open), close: minutesOf(s.close) })))]));
}

/** How far ahead we look for an opening: a schedule with none in two years is a configuration error. */
const HORIZON_DAYS = 731;

/** A store open around the clock with no dated exceptions: business time is wall time. */
const isWallTime = (schedule: Schedule) => !schedule.hours && !schedule.holidays?.length;

/** Open intervals [start, end) as epoch ms, in order, from the local day that contains `from`. */
function* openIntervals(from: number, schedule: Schedule): Generator<[number, number]> {
  const weekly = weeklySlots(schedule.hours);
  const dated = datedSlots(schedule.holidays ?? []);
  let day = DateTime.fromMillis(from, { zone: schedule.timezone }).startOf('day');
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const next = day.plus({ days: 1 }).startOf('day');
    for (const s of dated.get(day.toISODate()!) ?? weekly.get(day.weekday) ?? []) {
      const at = (minutes: number) => (minutes >= 1440 ? next : day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }));
      yield [at(s.open).toMillis(), at(s.close).toMillis()];
    }
    day = next;
  }
}

/** The instant that lies `seconds` of business time after `from` (a closed store starts counting at its next opening). */
export function addBusinessSeconds(from: Date, seconds: number, schedule: Schedule): Date {
  if (isWallTime(schedule)) return new Date(from.getTime() + seconds * 1000);
  let remaining = seconds * 1000;
  const start = from.getTime();
  for (const [open, close] of openIntervals(start, schedule)) {
    if (close <= start) continue;
    const from = Math.max(open, start);
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
  }
  throw new Error(`no business hours within ${HORIZON_DAYS} days`);
}

/** Business seconds between two instants (0 when `to` is not after `from`). */
export function businessSecondsBetween(from: Date, to: Date, schedule: Schedule): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (isWallTime(schedule)) return (b - a) / 1000;
  let ms = 0;
  for (const [open, close] of openIntervals(a, schedule)) {
    if (open >= b) break;
    ms += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return ms / 1000;
}

/**
 * Warning and due instants of a clock that counts from `countingSince`, with `elapsed` business
 * seconds already used (a resumed clock), `target` allowed and a warning `warnBefore` seconds ahead.
 */
export function planDeadlines(countingSince: Date, elapsed: number, target: number, warnBefore: number, schedule: Schedule): { warnAt: Date | null; dueAt: Date } {
  const dueAt = addBusinessSeconds(countingSince, Math.max(0, target - elapsed), schedule);
  const warnAt = warnBefore > 0 && warnBefore < target ? addBusinessSeconds(countingSince, Math.max(0, target - warnBefore - elapsed), schedule) : null;
  return { warnAt, dueAt };
}
