import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../errors/validation.error.js';
import { bucketDays, bucketWindow, coverDays, coverRuns, previousPeriod, resolvePeriod, storeWindow } from './period.util.js';

const at = (iso: string) => new Date(iso);

describe('resolvePeriod', () => {
  const now = at('2026-03-15T12:00:00Z');

  it('defaults to the 30 days before now, or before `to`', () => {
    expect(resolvePeriod({}, now)).toEqual({ from: at('2026-02-13T12:00:00Z'), to: now });
    expect(resolvePeriod({ to: '2026-03-01T00:00:00+08:00' }, now).from).toEqual(at('2026-01-29T16:00:00Z'));
  });

  it('refuses empty and too long periods, naming the field', () => {
    expect(() => resolvePeriod({ from: '2026-04-01T00:00:00Z' }, now)).toThrow(ValidationError);
    expect(() => resolvePeriod({ from: '2020-01-01T00:00:00Z' }, now)).toThrow(ValidationError);
  });

  it('the previous period has the same length and ends where this one starts', () => {
    expect(previousPeriod({ from: at('2026-03-01T00:00:00Z'), to: at('2026-03-08T00:00:00Z') })).toEqual({ from: at('2026-02-22T00:00:00Z'), to: at('2026-03-01T00:00:00Z') });
  });
});

describe('storeWindow', () => {
  it('splits a period into whole store-local days and the partial edges', () => {
    // 2026-03-01 10:00 to 2026-03-04 06:00 in Shanghai (UTC+8).
    const w = storeWindow({ from: at('2026-03-01T02:00:00Z'), to: at('2026-03-03T22:00:00Z') }, 'Asia/Shanghai');
    expect(w.firstDay).toBe('2026-03-02');
    expect(w.endDay).toBe('2026-03-04');
    expect(w.edges).toEqual([
      { from: at('2026-03-01T02:00:00Z'), to: at('2026-03-01T16:00:00Z') },
      { from: at('2026-03-03T16:00:00Z'), to: at('2026-03-03T22:00:00Z') },
    ]);
  });

  it('needs no edges when the period starts and ends at local midnight', () => {
    const w = storeWindow({ from: at('2026-02-28T16:00:00Z'), to: at('2026-03-31T16:00:00Z') }, 'Asia/Shanghai');
    expect(w).toEqual({ firstDay: '2026-03-01', endDay: '2026-04-01', edges: [] });
  });

  it('reads a period shorter than a day from tickets only', () => {
    const p = { from: at('2026-03-01T02:00:00Z'), to: at('2026-03-01T09:00:00Z') };
    expect(storeWindow(p, 'Asia/Shanghai')).toEqual({ firstDay: null, endDay: null, edges: [p] });
  });

  it('uses each timezone’s own midnight', () => {
    const p = { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-03T00:00:00Z') };
    expect(storeWindow(p, 'UTC')).toEqual({ firstDay: '2026-03-01', endDay: '2026-03-03', edges: [] });
    expect(storeWindow(p, 'America/New_York').firstDay).toBe('2026-03-01'); // starts 2026-02-28 19:00 local
    expect(storeWindow(p, 'America/New_York').endDay).toBe('2026-03-02');
  });
});

describe('buckets', () => {
  it('days, ISO weeks from their Monday and calendar months', () => {
    expect(bucketDays({ day: '2026-03-02' })).toEqual({ firstDay: '2026-03-02', endDay: '2026-03-03' });
    expect(bucketDays({ week: '2026-03-02' })).toEqual({ firstDay: '2026-03-02', endDay: '2026-03-09' });
    expect(bucketDays({ month: '2026-02' })).toEqual({ firstDay: '2026-02-01', endDay: '2026-03-01' });
    expect(bucketDays({ month: '2026-12' })).toEqual({ firstDay: '2026-12-01', endDay: '2027-01-01' });
    expect(bucketDays({})).toBeNull();
  });

  it('a bucket is cut to the period, in the store’s timezone', () => {
    const p = { from: at('2026-03-03T02:00:00Z'), to: at('2026-03-20T00:00:00Z') };
    expect(bucketWindow(p, bucketDays({ week: '2026-03-02' }), 'Asia/Shanghai')).toEqual({ from: p.from, to: at('2026-03-08T16:00:00Z') });
    expect(bucketWindow(p, bucketDays({ week: '2026-03-23' }), 'Asia/Shanghai')).toBeNull();
  });
});

describe('coverDays', () => {
  it('covers whole months, then whole ISO weeks, then days', () => {
    // 2026-02-25 (Wednesday) … 2026-04-14 (Tuesday) exclusive.
    expect(coverDays('2026-02-25', '2026-04-14', ['day', 'week', 'month'])).toEqual({
      month: ['2026-03-01'],
      week: ['2026-04-06'],
      day: ['2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-13'],
    });
  });

  it('for weekly groups uses weeks and days only', () => {
    expect(coverDays('2026-02-25', '2026-03-17', ['day', 'week'])).toEqual({
      month: [],
      week: ['2026-03-02', '2026-03-09'],
      day: ['2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-16'],
    });
  });

  it('for monthly groups keeps weeks inside one month', () => {
    const c = coverDays('2026-02-23', '2026-03-10', ['day', 'week', 'month'], true);
    // 2026-02-23 … 2026-03-01 crosses into March: days.
    expect(c.week).toEqual(['2026-03-02']);
    expect(c.day).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-09']);
    // 2026-03-30 (Monday) … 2026-04-05 crosses into April: days, not a week.
    expect(coverDays('2026-03-30', '2026-04-06', ['day', 'week'], true).week).toEqual([]);
  });

  it('reads as runs of consecutive buckets', () => {
    expect(coverRuns(coverDays('2026-02-25', '2026-04-14', ['day', 'week', 'month']))).toEqual([
      { grain: 'month', first: '2026-03-01', end: '2026-04-01' },
      { grain: 'week', first: '2026-04-06', end: '2026-04-13' },
      { grain: 'day', first: '2026-02-25', end: '2026-03-01' },
      { grain: 'day', first: '2026-04-01', end: '2026-04-06' },
      { grain: 'day', first: '2026-04-13', end: '2026-04-14' },
    ]);
  });

  it('covers a year with a handful of buckets', () => {
    const c = coverDays('2025-11-28', '2026-11-27', ['day', 'week', 'month']);
    expect(c.month).toHaveLength(11);
    expect(c.week.length + c.day.length).toBeLessThan(20);
  });
});
