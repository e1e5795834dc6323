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
