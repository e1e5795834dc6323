import { describe, expect, it } from '@jest/globals';
import { cents, finalAfter, monthsBetween, monthWindow } from './statement-month.js';

describe('statement months', () => {
  it('are calendar months in the store timezone', () => {
    expect(monthWindow('2026-10', 'Asia/Shanghai')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') });
    expect(monthWindow('2026-12', 'UTC').end).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('are listed in the store timezone, not in UTC', () => {
    // 1 March 03:00 in Shanghai is still February in UTC: the store's first month is March.
    expect(monthsBetween(new Date('2026-02-28T19:00:00Z'), new Date('2026-05-10T00:00:00Z'), 'Asia/Shanghai')).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(monthsBetween(new Date('2026-02-28T19:00:00Z'), new Date('2026-02-28T20:00:00Z'), 'UTC')).toEqual(['2026-02']);
    expect(monthsBetween(new Date('2026-11-30T00:00:00Z'), new Date('2027-01-02T00:00:00Z'), 'UTC')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('are final after the month and the last counted order’s return window', () => {
    const end = new Date('2026-11-01T00:00:00Z');
    expect(finalAfter(end, [], 7)).toEqual(new Date('2026-11-08T00:00:00Z'));
    // Delivered on the 5th of the next month: seven days from then.
    expect(finalAfter(end, [{ paidAt: new Date('2026-10-31T10:00:00Z'), deliveredAt: new Date('2026-11-05T00:00:00Z') }], 7)).toEqual(new Date('2026-11-12T00:00:00Z'));
    // Not delivered yet: payment + 15 days + the window.
    expect(finalAfter(end, [{ paidAt: new Date('2026-10-31T00:00:00Z'), deliveredAt: null }], 7)).toEqual(new Date('2026-11-22T00:00:00Z'));
  });

  it('rounds money to the cent', () => {
    expect(cents(1234.5 * 0.07)).toBe(86.42);
    expect(cents(0.1 + 0.2)).toBe(0.3);
  });
});
