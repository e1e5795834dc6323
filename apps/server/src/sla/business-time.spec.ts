import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BUSINESS_HOURS } from '@kefu/contracts';
import { addBusinessSeconds, businessSecondsBetween, type Schedule } from './business-time.js';

const shanghai: Schedule = { timezone: 'Asia/Shanghai', hours: DEFAULT_BUSINESS_HOURS };
const weekdays9to18: Schedule = {
  timezone: 'Asia/Shanghai',
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00' })),
};
const at = (iso: string) => new Date(iso);

describe('addBusinessSeconds', () => {
  it('starts a night message at the next opening: 02:00 → due 09:15 (Asia/Shanghai)', () => {
    // 2026-11-23 is a Monday; 02:00 +08:00 = 2026-11-22T18:00Z.
    expect(addBusinessSeconds(at('2026-11-23T02:00:00+08:00'), 900, shanghai).toISOString()).toBe(at('2026-11-23T09:15:00+08:00').toISOString());
  });

  it('counts straight through open hours', () => {
    expect(addBusinessSeconds(at('2026-11-23T10:00:00+08:00'), 900, shanghai).toISOString()).toBe(at('2026-11-23T10:15:00+08:00').toISOString());
  });

  it('carries what is left past closing to the next opening, 24:00 included', () => {
    expect(addBusinessSeconds(at('2026-11-23T23:55:00+08:00'), 900, shanghai).toISOString()).toBe(at('2026-11-24T09:10:00+08:00').toISOString());
  });

  it('skips closed days: Friday 17:50 + 15 min → Monday 09:05', () => {
    // 2026-11-27 is a Friday.
    expect(addBusinessSeconds(at('2026-11-27T17:50:00+08:00'), 900, weekdays9to18).toISOString()).toBe(at('2026-11-30T09:05:00+08:00').toISOString());
    expect(addBusinessSeconds(at('2026-11-28T12:00:00+08:00'), 900, weekdays9to18).toISOString()).toBe(at('2026-11-30T09:15:00+08:00').toISOString());
  });

  it('is wall time for stores open around the clock', () => {
    expect(addBusinessSeconds(at('2026-11-23T02:00:00Z'), 3, { timezone: 'Asia/Shanghai', hours: null }).toISOString()).toBe('2026-11-23T02:00:03.000Z');
  });

  it('uses the store timezone, across a DST change', () => {
    const ny: Schedule = { timezone: 'America/New_York', hours: [{ weekday: 7, open: '09:00', close: '17:00' }, { weekday: 1, open: '09:00', close: '17:00' }] };
    // 2026-03-08 (Sunday) clocks go forward at 02:00 in New York: 09:00 is UTC-4 that day.
    expect(addBusinessSeconds(at('2026-03-08T05:00:00Z'), 600, ny).toISOString()).toBe('2026-03-08T13:10:00.000Z');
  });

  it('merges overlapping slots and honours split shifts', () => {
    const split: Schedule = {
      timezone: 'Asia/Shanghai',
      hours: [
        { weekday: 1, open: '09:00', close: '12:00' },
        { weekday: 1, open: '11:00', close: '12:00' },
        { weekday: 1, open: '13:00', close: '18:00' },
      ],
    };
    expect(addBusinessSeconds(at('2026-11-23T11:50:00+08:00'), 900, split).toISOString()).toBe(at('2026-11-23T13:05:00+08:00').toISOString());
  });
});

describe('businessSecondsBetween', () => {
  it('counts only open time', () => {
    expect(businessSecondsBetween(at('2026-11-23T02:00:00+08:00'), at('2026-11-23T09:15:00+08:00'), shanghai)).toBe(900);
    expect(businessSecondsBetween(at('2026-11-27T17:50:00+08:00'), at('2026-11-30T09:05:00+08:00'), weekdays9to18)).toBe(900);
    expect(businessSecondsBetween(at('2026-11-23T10:00:00+08:00'), at('2026-11-23T09:00:00+08:00'), shanghai)).toBe(0);
  });

  it('inverts addBusinessSeconds', () => {
    const from = at('2026-11-26T16:20:00+08:00');
    for (const s of [1, 60, 900, 7200, 86400]) {
      expect(businessSecondsBetween(from, addBusinessSeconds(from, s, weekdays9to18), weekdays9to18)).toBe(s);
    }
  });
});

describe('holidays and make-up working days', () => {
  // 2026: 1 October is a Thursday; the national holiday closes 1–7 October; Saturday 10 October is a make-up working day.
  const goldenWeek = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, hours: [] }));
  const withHolidays: Schedule = { ...weekdays9to18, holidays: [...goldenWeek, { date: '2026-10-10', hours: [{ open: '09:00', close: '18:00' }] }] };

  it('starts the clock of a message on a closed holiday when the store reopens: 1 October 10:00 → due 8 October 09:15', () => {
    expect(addBusinessSeconds(at('2026-10-01T10:00:00+08:00'), 900, withHolidays).toISOString()).toBe(at('2026-10-08T09:15:00+08:00').toISOString());
    // Without the holidays the same message is due the same morning.
    expect(addBusinessSeconds(at('2026-10-01T10:00:00+08:00'), 900, weekdays9to18).toISOString()).toBe(at('2026-10-01T10:15:00+08:00').toISOString());
  });

  it('opens a make-up Saturday with its listed hours: Friday 9 October 17:50 + 15 min → Saturday 09:05', () => {
    expect(addBusinessSeconds(at('2026-10-09T17:50:00+08:00'), 900, withHolidays).toISOString()).toBe(at('2026-10-10T09:05:00+08:00').toISOString());
    expect(addBusinessSeconds(at('2026-10-09T17:50:00+08:00'), 900, weekdays9to18).toISOString()).toBe(at('2026-10-12T09:05:00+08:00').toISOString());
  });

  it('replaces a weekday’s hours with a holiday’s other hours (split too): New Year’s Eve 09:00–12:00 and 14:00–15:00', () => {
    const eve: Schedule = { ...weekdays9to18, holidays: [{ date: '2026-12-31', hours: [{ open: '14:00', close: '15:00' }, { open: '09:00', close: '12:00' }] }, { date: '2027-01-01', hours: [] }] };
    expect(addBusinessSeconds(at('2026-12-31T11:50:00+08:00'), 900, eve).toISOString()).toBe(at('2026-12-31T14:05:00+08:00').toISOString());
    // 14:50 + 15 min: 10 minutes left over the holiday (1 January) and the weekend → Monday 4 January 09:05.
    expect(addBusinessSeconds(at('2026-12-31T14:50:00+08:00'), 900, eve).toISOString()).toBe(at('2027-01-04T09:05:00+08:00').toISOString());
    expect(addBusinessSeconds(at('2026-12-31T16:00:00+08:00'), 60, eve).toISOString()).toBe(at('2027-01-04T09:01:00+08:00').toISOString());
  });

  it('counts a wait that spans the holiday as only the open time around it', () => {
    expect(businessSecondsBetween(at('2026-09-30T17:50:00+08:00'), at('2026-10-08T09:05:00+08:00'), withHolidays)).toBe(900);
    // The make-up Saturday counts: Friday 17:00 → Monday 10:00 is 1 h + 9 h + 1 h.
    expect(businessSecondsBetween(at('2026-10-09T17:00:00+08:00'), at('2026-10-12T10:00:00+08:00'), withHolidays)).toBe(11 * 3600);
    const from = at('2026-09-29T16:20:00+08:00');
    for (const s of [60, 900, 7200, 86400]) expect(businessSecondsBetween(from, addBusinessSeconds(from, s, withHolidays), withHolidays)).toBe(s);
  });

  it('reads holiday dates in the store’s timezone, not UTC or Shanghai', () => {
    // Thanksgiving, Thursday 26 November 2026, closes a New York store. 02:00Z on the 27th is still the 26th (21:00) there.
    const ny: Schedule = {
      timezone: 'America/New_York',
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })),
      holidays: [{ date: '2026-11-26', hours: [] }],
    };
    expect(addBusinessSeconds(at('2026-11-26T15:00:00Z'), 900, ny).toISOString()).toBe('2026-11-27T14:15:00.000Z');
    expect(addBusinessSeconds(at('2026-11-27T02:00:00Z'), 900, ny).toISOString()).toBe('2026-11-27T14:15:00.000Z');
  });

  it('closes a store open around the clock on its holidays', () => {
    const always: Schedule = { timezone: 'Asia/Shanghai', hours: null, holidays: [{ date: '2026-10-01', hours: [] }] };
    expect(addBusinessSeconds(at('2026-10-01T12:00:00+08:00'), 900, always).toISOString()).toBe(at('2026-10-02T00:15:00+08:00').toISOString());
    expect(addBusinessSeconds(at('2026-09-30T23:55:00+08:00'), 900, always).toISOString()).toBe(at('2026-10-02T00:10:00+08:00').toISOString());
    expect(businessSecondsBetween(at('2026-09-30T12:00:00+08:00'), at('2026-10-02T12:00:00+08:00'), always)).toBe(24 * 3600);
  });
});
