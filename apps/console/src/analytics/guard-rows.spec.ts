import { describe, expect, it } from '@jest/globals';
import type { GuardStatsRow } from '@kefu/contracts';
import { guardBuckets, guardFigures, guardRanking, guardTotals, per1000Label, per1000Ticks } from './guard-rows';

const day = (d: string, replies: number, blocked: number, overrides: number): GuardStatsRow => ({ day: d, replies, blocked, overrides, per1000: 0 });

describe('guardFigures', () => {
  it('counts blocked attempts and overrides per 1,000 replies sent or refused', () => {
    // 5 replies sent (2 over a warning) and 1 refused: 3 violations in 6 attempts.
    expect(guardFigures({ replies: 5, blocked: 1, overrides: 2 })).toEqual({ replies: 5, blocked: 1, overrides: 2, violations: 3, per1000: 500 });
    expect(guardFigures({ replies: 2, blocked: 1, overrides: 0 }).per1000).toBe(333.3);
    expect(guardFigures({ replies: 0, blocked: 0, overrides: 0 }).per1000).toBeNull();
  });
});

describe('guardTotals', () => {
  it('recomputes the rate from the summed counts, not an average of the rows', () => {
    // The rows say 500 and 0; together 1 violation in 11 attempts.
    expect(guardTotals([day('2026-11-02', 1, 1, 0), day('2026-11-03', 9, 0, 0)])).toMatchObject({ replies: 10, blocked: 1, overrides: 0, violations: 1, per1000: 90.9 });
    expect(guardTotals([])).toEqual({ replies: 0, blocked: 0, overrides: 0, violations: 0, per1000: null });
  });
});

describe('guardBuckets', () => {
  const days = [day('2026-11-02', 3, 1, 0), day('2026-11-04', 1, 0, 1), day('2026-11-09', 4, 0, 0)];

  it('has every day of the period, empty ones without a rate', () => {
    expect(guardBuckets(days, 'day', '2026-11-02', '2026-11-04').map((b) => [b.id, b.per1000])).toEqual([
      ['2026-11-02', 250],
      ['2026-11-03', null],
      ['2026-11-04', 1000],
      // Outside the period's dates (the desk's timezone against the store's): kept, in order.
      ['2026-11-09', 0],
    ]);
  });

  it('sums days into ISO weeks and months before dividing', () => {
    // 2 Nov 2026 is a Monday: its week holds 4 replies, 1 refused, 1 override: 2 in 5 attempts.
    expect(guardBuckets(days, 'week', '2026-11-02', '2026-11-15').map((b) => [b.id, b.replies, b.blocked, b.overrides, b.per1000])).toEqual([
      ['2026-11-02', 4, 1, 1, 400],
      ['2026-11-09', 4, 0, 0, 0],
    ]);
    expect(guardBuckets(days, 'month', '2026-10-20', '2026-11-30').map((b) => [b.id, b.replies, b.per1000])).toEqual([
      ['2026-10', 0, null],
      ['2026-11', 8, 222.2],
    ]);
  });
});

describe('guardRanking', () => {
  it('puts the highest rate first, then the most violations, and leaves out rows with nothing counted', () => {
    const rows: GuardStatsRow[] = [
      { agentId: 'calm', replies: 100, blocked: 0, overrides: 0, per1000: 0 },
      { agentId: 'busy', replies: 98, blocked: 2, overrides: 0, per1000: 20 },
      { agentId: 'rare', replies: 9, blocked: 1, overrides: 0, per1000: 100 },
      { agentId: 'also', replies: 18, blocked: 2, overrides: 0, per1000: 100 },
      { agentId: 'none', replies: 0, blocked: 0, overrides: 0, per1000: 0 },
    ];
    expect(guardRanking(rows, 'agent').map((r) => [r.key, r.per1000])).toEqual([
      ['also', 100],
      ['rare', 100],
      ['busy', 20],
      ['calm', 0],
    ]);
  });

  it('keys rows by store or rule', () => {
    expect(guardRanking([{ ruleId: 'r1', replies: 5, blocked: 1, overrides: 0, per1000: 166.7 }], 'rule')[0].key).toBe('r1');
    expect(guardRanking([{ storeId: 's1', replies: 5, blocked: 0, overrides: 0, per1000: 0 }], 'store')[0].key).toBe('s1');
  });
});

describe('per1000Label', () => {
  it('writes one decimal at most, in the reader’s language, and a dash without a rate', () => {
    expect(per1000Label(500, 'en')).toBe('500');
    expect(per1000Label(2.5, 'zh-CN')).toBe('2.5');
    expect(per1000Label(1000, 'en')).toBe('1,000');
    expect(per1000Label(null, 'en')).toBe('—');
  });
});

describe('per1000Ticks', () => {
  it('steps round numbers up to the highest value', () => {
    expect(per1000Ticks(375)).toEqual([0, 100, 200, 300, 400]);
    expect(per1000Ticks(1000)).toEqual([0, 250, 500, 750, 1000]);
    expect(per1000Ticks(4.2)).toEqual([0, 2, 4, 6]);
    expect(per1000Ticks(0.5)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(per1000Ticks(0)).toEqual([0, 1]);
  });
});
