import { DateTime } from 'luxon';

/** Days an order may take to be delivered when the platform has not said (its return window then starts). */
export const DELIVERY_ALLOWANCE_DAYS = 15;

/** A calendar month `YYYY-MM` in the store's timezone, as the instants [start, end). */
export function monthWindow(month: string, timezone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(`${month}-01`, { zone: timezone }).startOf('month');
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

/** The calendar months (`YYYY-MM`, in the timezone) from the one holding `from` to the one holding `to`. */
export function monthsBetween(from: Date, to: Date, timezone: string): string[] {
  const last = DateTime.fromJSDate(to, { zone: timezone }).startOf('month');
  const months: string[] = [];
  for (let m = DateTime.fromJSDate(from, { zone: timezone }).startOf('month'); m <= last; m = m.plus({ months: 1 })) months.push(m.toFormat('yyyy-MM'));
  return months;
}

/**
 * When a month's statement may be frozen: after the month, and after the return window of every order
 * it counts (from delivery, or from payment plus the delivery allowance when the platform has not said) —
 * until then a refund may still reduce the commission.
 */
export function finalAfter(monthEnd: Date, orders: readonly { paidAt: Date; deliveredAt: Date | null }[], returnDays: number): Date {
  let latest = monthEnd.getTime() + returnDays * 86_400_000;
  for (const o of orders) {
    const from = o.deliveredAt?.getTime() ?? o.paidAt.getTime() + DELIVERY_ALLOWANCE_DAYS * 86_400_000;
    latest = Math.max(latest, from + returnDays * 86_400_000);
  }
  return new Date(latest);
}

/** Money to the cent, as the statement shows it. */
export const cents = (n: number): number => Math.round(n * 100) / 100;
