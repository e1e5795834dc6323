import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { combineRates, limitLabel, percentileLabels, promiseOf, promiseScale, responseWindows, standing } from './service-figures';

const store = (firstResponseSeconds: number) => ({ slaPolicy: { firstResponseSeconds } });

describe('service figures', () => {
  it('reads today and this week from midnight and Monday in the store’s timezone', () => {
    // Wednesday 2026-03-04 01:30 in Shanghai is still Tuesday in UTC.
    const now = Date.parse('2026-03-03T17:30:00Z');
    expect(responseWindows(now, 'Asia/Shanghai')).toEqual({ today: '2026-03-03T16:00:00.000Z', week: '2026-03-01T16:00:00.000Z' });
    expect(responseWindows(now, 'UTC')).toEqual({ today: '2026-03-03T00:00:00.000Z', week: '2026-03-02T00:00:00.000Z' });
  });

  it('adds up waits across stores instead of averaging their rates', () => {
    expect(combineRates([{ eligible: 100, met: 90, pending: 1 }, { eligible: 10, met: 0, pending: 2 }])).toEqual({ eligible: 110, met: 90, pending: 3, rate: 90 / 110 });
    expect(combineRates([{ eligible: 0, met: 0, pending: 4 }])).toEqual({ eligible: 0, met: 0, pending: 4, rate: null });
    expect(combineRates([]).rate).toBeNull();
  });

  it('takes the promise the stores share, else the one most of them have (the stricter on a tie)', () => {
    expect(promiseOf([])).toEqual({ seconds: 900, uniform: true });
    expect(promiseOf([store(900), store(900)])).toEqual({ seconds: 900, uniform: true });
    expect(promiseOf([store(600), store(900), store(900)])).toEqual({ seconds: 900, uniform: false });
    expect(promiseOf([store(900), store(600)])).toEqual({ seconds: 600, uniform: false });
  });

  it('labels P50 and P90 apart, or together where they would overlap', () => {
    expect(percentileLabels({ p50: 10, p90: 40 })).toEqual([{ text: 'P50', at: 10 }, { text: 'P90', at: 40 }]);
    expect(percentileLabels({ p50: 0, p90: 5 })).toEqual([{ text: 'P50 · P90', at: 5 }]);
    expect(percentileLabels({ p50: null, p90: null })).toEqual([]);
  });

  it('says a limit in whole hours, minutes or seconds', () => {
    const t = ((key: string, o: { count: number }) => `${o.count} ${key.split('.').pop()}`) as unknown as TFunction;
    expect(limitLabel(900, t)).toBe('15 minutes');
    expect(limitLabel(180, t)).toBe('3 minutes');
    expect(limitLabel(30, t)).toBe('30 seconds');
    expect(limitLabel(90, t)).toBe('90 seconds');
    expect(limitLabel(7200, t)).toBe('2 hours');
  });

  it('tells within, close to and past the promise', () => {
    expect(standing(null, 900)).toBeNull();
    expect(standing(300, 900)).toBe('within');
    expect(standing(720, 900)).toBe('within');
    expect(standing(721, 900)).toBe('near');
    expect(standing(900, 900)).toBe('near');
    expect(standing(901, 900)).toBe('over');
  });

  it('keeps the promise on the scale with room past it, and a long P90 inside it', () => {
    expect(promiseScale(90, 450, 900)).toEqual({ p50: 8, p90: 40, promise: 80 });
    const slow = promiseScale(600, 2100, 900);
    expect(slow.p90).toBeCloseTo(100 / 1.05);
    expect(slow.promise).toBeCloseTo((900 / 2205) * 100);
    expect(promiseScale(null, null, 900)).toEqual({ p50: null, p90: null, promise: 80 });
  });
});
