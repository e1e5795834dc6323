import { describe, expect, it } from '@jest/globals';
import { lastCompletePeriod, periodHolding, previousWindow } from './report-period.js';

describe('report periods', () => {
  it('takes the last complete ISO week in the store timezone', () => {
    // Monday 2026-11-30 00:30 in Shanghai is still Sunday in UTC: the week that ended is 23–29 Nov.
    const w = lastCompletePeriod('week', 'Asia/Shanghai', new Date('2026-11-29T16:30:00Z'));
    expect(w).toMatchObject({ start: '2026-11-23', end: '2026-11-30' });
    expect(w.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(lastCompletePeriod('week', 'America/New_York', new Date('2026-11-29T16:30:00Z'))).toMatchObject({ start: '2026-11-16', end: '2026-11-23' });
  });

  it('takes the last complete month, and the one before it', () => {
    const w = lastCompletePeriod('month', 'Asia/Shanghai', new Date('2026-03-01T01:00:00Z'));
    expect(w).toMatchObject({ start: '2026-02-01', end: '2026-03-01' });
    expect(previousWindow('month', w, 'Asia/Shanghai')).toMatchObject({ start: '2026-01-01', end: '2026-02-01' });
  });

  it('finds the period holding a date', () => {
    expect(periodHolding('week', '2026-11-27', 'Asia/Shanghai')).toMatchObject({ start: '2026-11-23', end: '2026-11-30' });
    expect(periodHolding('month', '2026-11-27', 'Asia/Shanghai')).toMatchObject({ start: '2026-11-01', end: '2026-12-01' });
  });
});
