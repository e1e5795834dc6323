import { describe, expect, it } from '@jest/globals';
import { cents, finalAfter, monthWindow } from './statement-month.js';

describe('statement months', () => {
  it('are calendar months in the store timezone', () => {
    expect(monthWindow('2026-10', 'Asia/Shanghai')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') });
    expect(monthWindow('2026-12', 'UTC').end).toEqual(new Date('2027-01-01T00:00:00Z'));
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
