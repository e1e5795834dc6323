import { describe, expect, it } from '@jest/globals';
import type { CountRow } from './cause-counts.service.js';
import { correctionsOf, groupedItems, paretoOf, totalsOf, trendOf } from './cause-figures.util.js';

const row = (cause: CountRow['cause'], tickets: number, extra: Partial<CountRow> = {}): CountRow => ({ cause, tickets, suggested: 0, corrected: 0, ...extra });

describe('cause figures', () => {
  const current = totalsOf([row('product_quality', 50, { suggested: 40, corrected: 4 }), row('logistics_delay', 30), row('size_fit', 15), row('other', 5), row(null, 10)]);

  it('totals count unclassified tickets apart', () => {
    expect(current).toMatchObject({ total: 110, unclassified: 10, suggested: 40, corrected: 4 });
    expect(current.causes.map((c) => c.cause)).toEqual(['product_quality', 'logistics_delay', 'size_fit', 'other']);
  });

  it('Pareto: the causes making the first 80% are vital, the one crossing it included', () => {
    const p = paretoOf(current);
    expect(p.map((e) => [e.cause, e.cumulativeShare, e.vital])).toEqual([
      ['product_quality', 0.5, true],
      ['logistics_delay', 0.8, true],
      ['size_fit', 0.95, false],
      ['other', 1, false],
    ]);
  });

  it('trend: change against the previous period, null when there was none', () => {
    const before = totalsOf([row('product_quality', 40), row('size_fit', 15), row('changed_mind', 3)]);
    expect(trendOf(current, before)).toEqual([
      { cause: 'product_quality', count: 50, previousCount: 40, change: 0.25 },
      { cause: 'logistics_delay', count: 30, previousCount: 0, change: null },
      { cause: 'size_fit', count: 15, previousCount: 15, change: 0 },
      { cause: 'other', count: 5, previousCount: 0, change: null },
      { cause: 'changed_mind', count: 0, previousCount: 3, change: -1 },
    ]);
  });

  it('corrections: share of the classifier’s causes an agent changed', () => {
    expect(correctionsOf(current)).toEqual({ auto: 40, corrected: 4, share: 0.1 });
    expect(correctionsOf(totalsOf([])).share).toBeNull();
  });

  it('groups: shares of the group, unclassified counted in its total; sku groups by tickets, cut to the limit', () => {
    const rows = [
      row('product_quality', 3, { storeId: 's1', sku: 'A', name: 'Alpha' }),
      row(null, 1, { storeId: 's1', sku: 'A', name: 'Alpha' }),
      row('size_fit', 5, { storeId: 's1', sku: 'B', name: 'Beta' }),
      row('other', 1, { storeId: 's1', sku: 'C', name: 'Gamma' }),
    ];
    const g = groupedItems(rows, 'sku', 2, () => 'Store 1');
    expect(g.groupCount).toBe(3);
    expect(g.groups).toEqual([
      { storeId: 's1', storeName: 'Store 1', sku: 'B', name: 'Beta', total: 5, unclassified: 0 },
      { storeId: 's1', storeName: 'Store 1', sku: 'A', name: 'Alpha', total: 4, unclassified: 1 },
    ]);
    expect(g.items.map((i) => [i.sku, i.cause, i.count, i.share])).toEqual([
      ['B', 'size_fit', 5, 1],
      ['A', 'product_quality', 3, 0.75],
    ]);
  });

  it('time buckets come in calendar order', () => {
    const g = groupedItems([row('other', 1, { week: '2026-03-09' }), row('other', 2, { week: '2026-03-02' })], 'week', 1, () => '');
    expect(g.groups.map((x) => x.week)).toEqual(['2026-03-02', '2026-03-09']);
  });
});
