import { describe, expect, it } from '@jest/globals';
import type { ReportContent } from '@kefu/contracts';
import { causesOfReport, changeTone, dayTick, findingsIn, generateDate, per1000Change, pointsLabel, relativeChange, reportDates, skusByCause } from './report-format';

const cause = (c: ReportContent['tickets']['byCause'][number]['cause'], count: number, previousCount = 0) => ({ cause: c, count, previousCount, change: null, share: 0 });

describe('report format', () => {
  it('shows the period with its last day (the end is exclusive)', () => {
    // Intl puts thin spaces around the dash.
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(reportDates('2026-03-02', '2026-03-09', 'en'))).toBe('Mar 2 – 8, 2026');
    expect(plain(reportDates('2026-02-01', '2026-03-01', 'en'))).toBe('Feb 1 – 28, 2026');
    expect(plain(reportDates('2026-03-02', '2026-03-03', 'en'))).toBe('Mar 2, 2026');
    expect(reportDates('2026-03-02', '2026-03-09', 'zh-CN')).toBe('2026年3月2日–8日');
    expect(reportDates('2026-02-23', '2026-03-02', 'zh-CN')).toBe('2026年2月23日 – 3月1日');
    expect(reportDates('2025-12-29', '2026-01-05', 'zh-CN')).toBe('2025年12月29日 – 2026年1月4日');
  });

  it('picks the findings of the console’s language', () => {
    const findings = [
      { zh: '质量问题增加', en: 'More quality issues' },
      { zh: '', en: 'Only English' },
    ];
    expect(findingsIn(findings, 'zh-CN')).toEqual(['质量问题增加', 'Only English']);
    expect(findingsIn(findings, 'en')).toEqual(['More quality issues', 'Only English']);
  });

  it('tells good from bad changes', () => {
    expect(changeTone(10, 8, false)).toBe('bad'); // more tickets
    expect(changeTone(6, 8, false)).toBe('good');
    expect(changeTone(4.5, 4.2, true)).toBe('good'); // better CSAT
    expect(changeTone(4, 4, true)).toBeNull();
    expect(changeTone(null, 4, true)).toBeNull();
    expect(relativeChange(12, 10)).toBeCloseTo(0.2);
    expect(relativeChange(12, 0)).toBeNull();
    expect(pointsLabel(0.125, 0.1)).toBe('+2.5 pt');
    expect(pointsLabel(0.1, 0.11)).toBe('\u22121 pt');
    expect(pointsLabel(null, 0.1)).toBeNull();
  });

  it('groups the top SKUs by cause, in the order of the report’s causes', () => {
    const content = {
      tickets: { total: 9, previousTotal: 0, change: null, byType: [], unclassified: 0, byCause: [cause('logistics_delay', 2), cause('product_quality', 7)] },
      topSkus: [
        { sku: 'A', name: 'a', cause: 'logistics_delay' as const, count: 2, shareOfCause: 1 },
        { sku: 'B', name: 'b', cause: 'product_quality' as const, count: 3, shareOfCause: 0.4 },
        { sku: 'C', name: 'c', cause: 'product_quality' as const, count: 4, shareOfCause: 0.6 },
      ],
    };
    expect(skusByCause(content).map((g) => [g.cause, g.skus.map((s) => s.sku)])).toEqual([
      ['product_quality', ['C', 'B']],
      ['logistics_delay', ['A']],
    ]);
  });

  it('lists causes with tickets now or before, most first', () => {
    const content = { tickets: { total: 0, previousTotal: 0, change: null, byType: [], unclassified: 0, byCause: [cause('other', 0, 0), cause('size_fit', 0, 3), cause('product_quality', 2, 1)] } };
    expect(causesOfReport(content).map((c) => c.cause)).toEqual(['product_quality', 'size_fit']);
  });

  it('asks for the current period with today’s date in the store’s timezone', () => {
    expect(generateDate('last', 0, 'Asia/Shanghai')).toBeUndefined();
    expect(generateDate('current', Date.parse('2026-03-08T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-09');
  });

  it('labels the days of the by-day response rates by date in a week, by day of the month in a month', () => {
    expect(dayTick('2026-03-02', 7, 'en')).toBe('3/2');
    expect(dayTick('2026-03-02', 7, 'zh-CN')).toBe('3/2');
    expect(dayTick('2026-03-02', 31, 'en')).toBe('2');
    expect(dayTick('2026-03-21', 31, 'zh-CN')).toBe('21');
  });

  it('writes the change of violations per 1,000 replies as a signed difference, none without both periods', () => {
    expect(per1000Change(500, 250, 'en')).toBe('+250');
    expect(per1000Change(2.5, 1500 / 1000, 'zh-CN')).toBe('+1');
    expect(per1000Change(90.9, 100, 'en')).toBe('\u22129.1');
    expect(per1000Change(1000, 0, 'en')).toBe('+1,000');
    expect(per1000Change(0, 0, 'en')).toBe('0');
    expect(per1000Change(500, null, 'en')).toBeNull();
    expect(per1000Change(null, 3, 'en')).toBeNull();
  });
});
