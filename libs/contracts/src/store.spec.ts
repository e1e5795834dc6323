import { describe, expect, it } from '@jest/globals';
import { CreateStoreInput, DEFAULT_BUSINESS_HOURS } from './store.js';

describe('CreateStoreInput', () => {
  it('accepts round-the-clock stores and a 24:00 close', () => {
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: null }).success).toBe(true);
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: [{ weekday: 7, open: '00:00', close: '24:00' }] }).success).toBe(true);
  });

  it('refuses slots that close before they open and unknown time zones', () => {
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', businessHours: [{ weekday: 1, open: '18:00', close: '09:00' }] }).success).toBe(false);
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', timezone: 'Asia/Beijing' }).success).toBe(false);
    expect(CreateStoreInput.safeParse({ name: 'A', platform: 'jd', timezone: 'Asia/Shanghai' }).success).toBe(true);
  });

  it('defaults to every day 09:00–24:00', () => {
    expect(DEFAULT_BUSINESS_HOURS).toHaveLength(7);
    expect(DEFAULT_BUSINESS_HOURS.every((s) => s.open === '09:00' && s.close === '24:00')).toBe(true);
  });
});

describe('store holidays', () => {
  const base = { name: 'A', platform: 'jd' as const };
  it('accepts closed dates and dates with other hours', () => {
    expect(CreateStoreInput.safeParse({ ...base, holidays: [{ date: '2026-10-01', hours: [] }, { date: '2026-10-10', hours: [{ open: '09:00', close: '18:00' }] }] }).success).toBe(true);
  });
  it('names the bad part: a date twice, a date that is not one, hours the wrong way round, too many', () => {
    const issue = (holidays: unknown) => {
      const r = CreateStoreInput.safeParse({ ...base, holidays });
      return r.success ? null : r.error.issues[0].path.join('.');
    };
    expect(issue([{ date: '2026-10-01', hours: [] }, { date: '2026-10-01', hours: [] }])).toBe('holidays.1.date');
    expect(issue([{ date: '2026-02-30', hours: [] }])).toBe('holidays.0.date');
    expect(issue([{ date: '2026-10-01', hours: [{ open: '18:00', close: '09:00' }] }])).toBe('holidays.0.hours.0.close');
    expect(issue(Array.from({ length: 401 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), hours: [] })))).toBe('holidays');
  });
});
