import { describe, expect, it } from '@jest/globals';
import {
  addMonths,
  customRangeProblem,
  groupAllowed,
  mondayOf,
  periodTimezone,
  resolvePeriod,
  suggestedGroup,
  timeBuckets,
  zonedDate,
  zonedMidnight,
} from './period';

const SH = 'Asia/Shanghai';
// 2026-03-18 09:30 in Shanghai (a Wednesday); 01:30 UTC.
const NOW = Date.parse('2026-03-18T01:30:00Z');
const choice = (preset: Parameters<typeof resolvePeriod>[0]['preset'], customFrom = '', customTo = '') => ({ preset, customFrom, customTo });

describe('zoned dates', () => {
  it('reads the calendar date in the timezone, not in UTC', () => {
    // 2026-03-17 20:00 UTC is already the 18th in Shanghai.
    expect(zonedDate(Date.parse('2026-03-17T20:00:00Z'), SH)).toBe('2026-03-18');
    expect(zonedDate(Date.parse('2026-03-17T20:00:00Z'), 'UTC')).toBe('2026-03-17');
  });

  it('finds local midnight, also across a DST change', () => {
    expect(new Date(zonedMidnight('2026-03-18', SH)).toISOString()).toBe('2026-03-17T16:00:00.000Z');
    // New York switches to summer time on 2026-03-08 at 02:00: that midnight is still EST (−5).
    expect(new Date(zonedMidnight('2026-03-08', 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(zonedMidnight('2026-03-09', 'America/New_York')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('falls back to Shanghai for an unknown timezone', () => {
    expect(zonedDate(NOW, 'Mars/Olympus')).toBe('2026-03-18');
  });
});

describe('resolvePeriod', () => {
  it('last N days end with today, in the store’s timezone', () => {
    expect(resolvePeriod(choice('last7'), NOW, SH)).toEqual({
      from: '2026-03-11T16:00:00.000Z',
      to: '2026-03-18T16:00:00.000Z',
      firstDay: '2026-03-12',
      lastDay: '2026-03-18',
      days: 7,
    });
    expect(resolvePeriod(choice('last30'), NOW, SH)).toMatchObject({ firstDay: '2026-02-17', lastDay: '2026-03-18', days: 30 });
    expect(resolvePeriod(choice('last90'), NOW, SH)).toMatchObject({ firstDay: '2025-12-19', lastDay: '2026-03-18', days: 90 });
  });

  it('this month and last month are whole calendar months', () => {
    expect(resolvePeriod(choice('thisMonth'), NOW, SH)).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-31', days: 31, from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(resolvePeriod(choice('lastMonth'), NOW, SH)).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28', days: 28 });
    // January: last month is December of the year before.
    expect(resolvePeriod(choice('lastMonth'), Date.parse('2026-01-10T04:00:00Z'), SH)).toMatchObject({ firstDay: '2025-12-01', lastDay: '2025-12-31' });
  });

  it('custom dates are inclusive; a reversed or unfinished range is refused', () => {
    expect(resolvePeriod(choice('custom', '2026-01-05', '2026-01-05'), NOW, SH)).toMatchObject({ firstDay: '2026-01-05', lastDay: '2026-01-05', days: 1, from: '2026-01-04T16:00:00.000Z', to: '2026-01-05T16:00:00.000Z' });
    expect(resolvePeriod(choice('custom', '2026-01-06', '2026-01-05'), NOW, SH)).toBeNull();
    expect(resolvePeriod(choice('custom', '2026-01-06', ''), NOW, SH)).toBeNull();
    expect(resolvePeriod(choice('custom', '2026-02-30', '2026-03-02'), NOW, SH)).toBeNull();
    expect(resolvePeriod(choice('custom', '2020-01-01', '2026-01-01'), NOW, SH)).toBeNull();
  });

  it('says what is wrong with a custom range', () => {
    expect(customRangeProblem('2026-01-01', '')).toBe('incomplete');
    expect(customRangeProblem('2026-01-02', '2026-01-01')).toBe('order');
    expect(customRangeProblem('2020-01-01', '2026-01-01')).toBe('tooLong');
    expect(customRangeProblem('2026-01-01', '2026-01-31')).toBeNull();
  });
});

describe('buckets', () => {
  it('lists every day, ISO week (by its Monday) or month of a period', () => {
    expect(timeBuckets('day', '2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    // 2026-03-18 is a Wednesday: its week starts on Monday the 16th.
    expect(mondayOf('2026-03-18')).toBe('2026-03-16');
    expect(mondayOf('2026-03-16')).toBe('2026-03-16');
    expect(mondayOf('2026-03-22')).toBe('2026-03-16');
    expect(timeBuckets('week', '2026-03-04', '2026-03-18')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(timeBuckets('month', '2025-12-19', '2026-03-18')).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(timeBuckets('day', '2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('adds months from the first of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
  });

  it('suggests a grouping that keeps the bars readable and refuses daily bars for long periods', () => {
    expect(suggestedGroup(7)).toBe('day');
    expect(suggestedGroup(31)).toBe('day');
    expect(suggestedGroup(90)).toBe('week');
    expect(suggestedGroup(365)).toBe('month');
    expect(groupAllowed('day', 90)).toBe(true);
    expect(groupAllowed('day', 365)).toBe(false);
    expect(groupAllowed('week', 365)).toBe(true);
  });
});

describe('periodTimezone', () => {
  const stores = [
    { id: 'a', timezone: 'Asia/Shanghai' },
    { id: 'b', timezone: 'Asia/Tokyo' },
    { id: 'c', timezone: 'Asia/Tokyo' },
  ];
  it('is the chosen store’s, else the one most stores share, else Shanghai', () => {
    expect(periodTimezone(stores, 'a')).toBe('Asia/Shanghai');
    expect(periodTimezone(stores, '')).toBe('Asia/Tokyo');
    expect(periodTimezone([], '')).toBe('Asia/Shanghai');
  });
});
