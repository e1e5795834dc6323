import { describe, expect, it } from '@jest/globals';
import type { CauseBreakdown } from '@kefu/contracts';
import { bucketLabel, causeOrder, changeLabel, direction, paretoRows, ratingRows, shareLabel, skuRows, stackKeys, storeRows, timeRows } from './chart-data';
import { drillQuery } from './filters';

const figures = { timers: 0, met: 0, breached: 0, running: 0, breachRate: null, firstResponseP50: null, firstResponseP90: null };
const base = (over: Partial<CauseBreakdown>): CauseBreakdown => ({
  from: '2026-03-01T16:00:00.000Z',
  to: '2026-03-04T16:00:00.000Z',
  groupBy: null,
  filters: { storeId: null, type: null, causeSource: null },
  items: [],
  groups: [],
  groupCount: 0,
  total: 0,
  unclassified: 0,
  previous: { from: '', to: '', total: 0, unclassified: 0, causes: [] },
  trend: [],
  pareto: [],
  corrections: { auto: 0, corrected: 0, share: null },
  sla: { from: '', to: '', overall: figures, byStore: [] },
  ...over,
});

describe('timeRows', () => {
  const b = base({
    groupBy: 'day',
    items: [
      { day: '2026-03-02', cause: 'product_quality', count: 3, share: 0.6 },
      { day: '2026-03-02', cause: 'logistics_delay', count: 1, share: 0.2 },
      { day: '2026-03-04', cause: 'logistics_delay', count: 2, share: 1 },
    ],
    groups: [
      { day: '2026-03-02', total: 5, unclassified: 1 },
      { day: '2026-03-04', total: 2, unclassified: 0 },
    ],
  });

  it('has one row per bucket of the period, empty ones included, with counts per cause and the unclassified', () => {
    const rows = timeRows(b, 'day', '2026-03-02', '2026-03-05');
    expect(rows.map((r) => r.id)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(rows[0]).toEqual({ id: '2026-03-02', name: '2026-03-02', total: 5, values: { product_quality: 3, logistics_delay: 1, none: 1 }, scope: { day: '2026-03-02' } });
    expect(rows[1]).toMatchObject({ total: 0, values: {} });
    expect(rows[2].values).toEqual({ logistics_delay: 2 });
  });

  it('keeps buckets of the API the local dates do not cover', () => {
    const rows = timeRows(b, 'day', '2026-03-03', '2026-03-04');
    expect(rows.map((r) => r.id)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });

  it('drills into a bucket with the bucket’s key', () => {
    const rows = timeRows(base({ groupBy: 'week', items: [{ week: '2026-03-02', cause: 'size_fit', count: 1, share: 1 }], groups: [{ week: '2026-03-02', total: 1, unclassified: 0 }] }), 'week', '2026-03-02', '2026-03-08');
    expect(rows).toHaveLength(1);
    expect(rows[0].scope).toEqual({ week: '2026-03-02' });
  });
});

describe('stores and SKUs', () => {
  it('sorts stores by tickets and keys each bar by its store', () => {
    const b = base({
      groupBy: 'store',
      items: [
        { storeId: 's1', storeName: 'A', cause: 'other', count: 1, share: 1 },
        { storeId: 's2', storeName: 'B', cause: 'size_fit', count: 4, share: 0.8 },
      ],
      groups: [
        { storeId: 's1', storeName: 'A', total: 1, unclassified: 0 },
        { storeId: 's2', storeName: 'B', total: 5, unclassified: 1 },
      ],
    });
    const rows = storeRows(b);
    expect(rows.map((r) => r.name)).toEqual(['B', 'A']);
    expect(rows[0]).toMatchObject({ values: { size_fit: 4, none: 1 }, scope: { storeId: 's2' } });
  });

  it('keeps the top SKUs, named by product with the SKU below, keyed by store and SKU', () => {
    const b = base({
      groupBy: 'sku',
      items: [
        { storeId: 's1', sku: 'K-1', name: 'Kettle', cause: 'product_quality', count: 2, share: 1 },
        { storeId: 's2', sku: 'K-1', name: 'Other kettle', cause: 'other', count: 1, share: 1 },
        { storeId: 's1', sku: 'T-2', name: '', cause: 'size_fit', count: 3, share: 1 },
      ],
      groups: [
        { storeId: 's1', sku: 'T-2', name: '', total: 3, unclassified: 0 },
        { storeId: 's1', sku: 'K-1', name: 'Kettle', total: 2, unclassified: 0 },
        { storeId: 's2', sku: 'K-1', name: 'Other kettle', total: 1, unclassified: 0 },
      ],
      groupCount: 3,
    });
    const rows = skuRows(b, 2);
    expect(rows.map((r) => [r.name, r.sub])).toEqual([
      ['T-2', undefined],
      ['Kettle', 'K-1'],
    ]);
    // The same SKU code in another store is another product.
    expect(rows[1].values).toEqual({ product_quality: 2 });
    expect(rows[1].scope).toEqual({ storeId: 's1', sku: 'K-1' });
  });
});

describe('cause order and stacks', () => {
  it('puts the most frequent causes first and every other cause after them', () => {
    const order = causeOrder(base({ pareto: [{ cause: 'size_fit', count: 5, share: 0.5, cumulativeShare: 0.5, vital: true }, { cause: 'other', count: 0, share: 0, cumulativeShare: 0.5, vital: false }] }));
    expect(order[0]).toBe('size_fit');
    expect(order).toHaveLength(10);
    expect(new Set(order).size).toBe(10);
    expect(causeOrder(null)[0]).toBe('product_quality');
  });

  it('stacks only the causes present, unclassified on top', () => {
    const rows = [{ id: 'a', name: 'a', total: 3, values: { none: 1, other: 1, size_fit: 1 }, scope: {} }];
    expect(stackKeys(rows, ['size_fit', 'product_quality', 'other'])).toEqual(['size_fit', 'other', 'none']);
  });
});

describe('pareto and trend', () => {
  const b = base({
    pareto: [
      { cause: 'product_quality', count: 6, share: 0.6, cumulativeShare: 0.6, vital: true },
      { cause: 'logistics_delay', count: 3, share: 0.3, cumulativeShare: 0.9, vital: true },
      { cause: 'other', count: 1, share: 0.1, cumulativeShare: 1, vital: false },
    ],
    trend: [
      { cause: 'product_quality', count: 6, previousCount: 4, change: 0.5 },
      { cause: 'logistics_delay', count: 3, previousCount: 0, change: null },
      { cause: 'other', count: 1, previousCount: 2, change: -0.5 },
      { cause: 'size_fit', count: 0, previousCount: 2, change: -1 },
    ],
  });

  it('joins the Pareto order with the change against the period before, and keeps causes that vanished', () => {
    const rows = paretoRows(b);
    expect(rows.map((r) => [r.cause, r.direction, r.change, r.vital])).toEqual([
      ['product_quality', 'up', 0.5, true],
      ['logistics_delay', 'new', null, true],
      ['other', 'down', -0.5, false],
      ['size_fit', 'down', -1, false],
    ]);
  });

  it('labels changes and shares', () => {
    expect(changeLabel(0.5)).toBe('+50%');
    expect(changeLabel(-0.254)).toBe('\u221225%');
    expect(changeLabel(0.001)).toBe('0%');
    expect(changeLabel(null)).toBeNull();
    expect(shareLabel(0.042)).toBe('4.2%');
    expect(shareLabel(0.37)).toBe('37%');
    expect(shareLabel(null)).toBe('—');
    expect(direction(0, 0)).toBe('flat');
    expect(direction(2, 2)).toBe('flat');
  });
});

describe('labels and distributions', () => {
  it('formats buckets in the console’s language', () => {
    expect(bucketLabel('2026-03-02', 'day', 'en')).toBe('3/2');
    expect(bucketLabel('2026-03', 'month', 'en', true)).toBe('Mar 2026');
    expect(bucketLabel('2026-03', 'month', 'zh-CN', true)).toBe('2026年3月');
  });

  it('lists every rating 5..1 with its share', () => {
    expect(ratingRows({ '5': 3, '1': 1 })).toEqual([
      { rating: 5, count: 3, share: 0.75 },
      { rating: 4, count: 0, share: 0 },
      { rating: 3, count: 0, share: 0 },
      { rating: 2, count: 0, share: 0 },
      { rating: 1, count: 1, share: 0.25 },
    ]);
    expect(ratingRows({})[0].share).toBe(0);
  });
});

describe('drillQuery', () => {
  const period = { from: 'F', to: 'T', firstDay: '', lastDay: '', days: 1 };
  it('adds the bar’s key and cause to the period’s filters', () => {
    expect(drillQuery({ storeId: '', type: 'return' }, period, { cause: 'size_fit', scope: { week: '2026-03-02' } })).toEqual({
      from: 'F',
      to: 'T',
      storeId: undefined,
      type: 'return',
      cause: 'size_fit',
      corrections: undefined,
      day: undefined,
      week: '2026-03-02',
      month: undefined,
      sku: undefined,
    });
  });
  it('narrows to the bar’s store', () => {
    expect(drillQuery({ storeId: '', type: '' }, period, { cause: 'none', scope: { storeId: 's1', sku: 'K-1' } })).toMatchObject({ storeId: 's1', sku: 'K-1', cause: 'none', type: undefined });
  });
});
