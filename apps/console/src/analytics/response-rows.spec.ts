import { describe, expect, it } from '@jest/globals';
import type { ResponseRateItem } from '@kefu/contracts';
import { rateBuckets, rateTotals } from './response-rows';

const day = (d: string, eligible: number, met: number, pending = 0): ResponseRateItem => ({
  day: d,
  eligible,
  met,
  rate: eligible ? met / eligible : null,
  pending,
  responseP50: null,
  responseP90: null,
});

describe('rateTotals', () => {
  it('sums the groups: the rate is met over decided, not an average of rates', () => {
    expect(rateTotals([day('2026-11-02', 1, 1), day('2026-11-03', 9, 0, 2)])).toEqual({ eligible: 10, met: 1, pending: 2, rate: 0.1 });
  });

  it('has no rate when nothing was decided', () => {
    expect(rateTotals([day('2026-11-02', 0, 0, 3)]).rate).toBeNull();
    expect(rateTotals([])).toEqual({ eligible: 0, met: 0, pending: 0, rate: null });
  });
});

describe('rateBuckets', () => {
  const days = [day('2026-11-02', 2, 1), day('2026-11-04', 4, 4), day('2026-11-09', 1, 0)];

  it('has every day of the period, empty ones without a rate', () => {
    const rows = rateBuckets(days, 'day', '2026-11-02', '2026-11-05');
    expect(rows.map((r) => [r.id, r.rate])).toEqual([
      ['2026-11-02', 0.5],
      ['2026-11-03', null],
      ['2026-11-04', 1],
      ['2026-11-05', null],
      // A day the API has outside the period's dates (another store's timezone) is kept, in order.
      ['2026-11-09', 0],
    ]);
  });

  it('sums days into ISO weeks (by their Monday) and months', () => {
    // 2 Nov 2026 is a Monday.
    expect(rateBuckets(days, 'week', '2026-11-02', '2026-11-15').map((r) => [r.id, r.eligible, r.met, r.rate])).toEqual([
      ['2026-11-02', 6, 5, 5 / 6],
      ['2026-11-09', 1, 0, 0],
    ]);
    expect(rateBuckets(days, 'month', '2026-10-20', '2026-11-30').map((r) => [r.id, r.eligible, r.met])).toEqual([
      ['2026-10', 0, 0],
      ['2026-11', 7, 5],
    ]);
  });
});
