import { describe, expect, it } from '@jest/globals';
import type { GuardReviewScore, GuardStatsRow } from '@kefu/contracts';
import { countRows, per1000, periodStart, ReviewSearch, scoreSummary, totals } from './review-figures';

const row = (key: Partial<GuardStatsRow>, replies: number, blocked: number, overrides: number): GuardStatsRow => ({ ...key, replies, blocked, overrides, per1000: per1000(replies, blocked, overrides) });
const score = (agentId: string | null, value: number): GuardReviewScore => ({
  id: `${agentId}-${value}-${Math.random()}`,
  conversationId: 'c',
  storeId: 's',
  agentId,
  agentName: agentId && `Agent ${agentId}`,
  reviewerId: 'r',
  reviewerName: 'R',
  score: value,
  criteria: {},
  comment: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('review figures', () => {
  it('counts violations per 1,000 replies sent or refused, as the API does', () => {
    // 3 refused and 2 overridden over 997 sent + 3 refused = 1,000 attempts.
    expect(per1000(997, 3, 2)).toBe(5);
    expect(per1000(0, 0, 0)).toBe(0);
    expect(per1000(2, 1, 0)).toBe(333.3);
  });

  it('totals the per-store rows, the rate computed over the sums (not averaged)', () => {
    expect(totals([row({ storeId: 'a' }, 1000, 0, 0), row({ storeId: 'b' }, 8, 1, 1)])).toEqual({ replies: 1008, blocked: 1, overrides: 1, per1000: per1000(1008, 1, 1) });
    expect(totals([])).toEqual({ replies: 0, blocked: 0, overrides: 0, per1000: 0 });
  });

  it('keys rows by the grouping, most violations first, days in order', () => {
    const byAgent = countRows([row({ agentId: 'x' }, 10, 0, 1), row({ agentId: 'y' }, 10, 2, 1), row({ agentId: 'z' }, 100, 0, 1)], 'agent');
    expect(byAgent.map((r) => r.key)).toEqual(['y', 'x', 'z']);
    const byDay = countRows([row({ day: '2026-03-02' }, 1, 5, 0), row({ day: '2026-03-01' }, 1, 0, 1)], 'day');
    expect(byDay.map((r) => r.key)).toEqual(['2026-03-01', '2026-03-02']);
    expect(countRows([row({ ruleId: 'r1' }, 5, 1, 0)], 'rule')[0]).toMatchObject({ key: 'r1', blocked: 1 });
  });

  it('averages scores overall and per agent, lowest average first, one decimal', () => {
    const s = scoreSummary([score('a', 5), score('a', 4), score('b', 2), score(null, 3), score('b', 3)]);
    expect(s.count).toBe(5);
    expect(s.average).toBe(3.4);
    expect(s.byAgent.map((a) => [a.agentId, a.average, a.count])).toEqual([
      ['b', 2.5, 2],
      [null, 3, 1],
      ['a', 4.5, 2],
    ]);
    expect(scoreSummary([])).toEqual({ count: 0, average: null, byAgent: [] });
  });

  it('starts the period at the minute, days before', () => {
    expect(periodStart(7, Date.parse('2026-03-08T10:15:42.123Z'))).toBe('2026-03-01T10:15:00.000Z');
  });

  it('keeps good filters of the address and drops bad ones', () => {
    expect(ReviewSearch.parse({ days: 30, store: 's1', kind: 'override', by: 'rule' })).toEqual({ days: 30, store: 's1', kind: 'override', by: 'rule' });
    expect(ReviewSearch.parse({ days: 12, kind: 'maybe', by: 'planet', agent: 'a1' })).toEqual({ agent: 'a1' });
  });
});
