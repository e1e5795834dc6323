import { z } from 'zod';
import { GuardEventKind, text, type GuardReviewScore, type GuardStatsRow } from '@kefu/contracts';

export const REVIEW_PERIODS = [7, 30, 90] as const;
export type ReviewPeriod = (typeof REVIEW_PERIODS)[number];
export const REVIEW_GROUPS = ['agent', 'store', 'rule', 'day'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/** The review screen's filters in the address (a bad value is dropped, not an error), so coming back from a conversation keeps them. */
export const ReviewSearch = z.object({
  days: z.literal(REVIEW_PERIODS).optional().catch(undefined),
  store: text().max(64).optional().catch(undefined),
  agent: text().max(64).optional().catch(undefined),
  rule: text().max(64).optional().catch(undefined),
  kind: GuardEventKind.optional().catch(undefined),
  by: z.enum(REVIEW_GROUPS).optional().catch(undefined),
});
export type ReviewSearch = z.infer<typeof ReviewSearch>;

/** The start of the last `days` days, to the minute (the period runs to now: a stable query key while the screen is open). */
export const periodStart = (days: number, now: number): string => new Date(Math.floor(now / 60_000) * 60_000 - days * 86_400_000).toISOString();

/** As the API counts it: blocked attempts and overrides per 1,000 replies sent or refused, one decimal. */
export const per1000 = (replies: number, blocked: number, overrides: number): number => {
  const attempts = replies + blocked;
  return attempts ? Math.round(((blocked + overrides) / attempts) * 1000 * 10) / 10 : 0;
};

export interface CountRow {
  key: string;
  replies: number;
  blocked: number;
  overrides: number;
  per1000: number;
}

/** The rows of `GET /api/guard/stats` under one key each, most violations first (days in order). */
export function countRows(rows: readonly GuardStatsRow[], by: ReviewGroup): CountRow[] {
  const keyed = rows.map((r) => ({ key: (by === 'agent' ? r.agentId : by === 'store' ? r.storeId : by === 'rule' ? r.ruleId : r.day) ?? '', replies: r.replies, blocked: r.blocked, overrides: r.overrides, per1000: r.per1000 }));
  if (by === 'day') return keyed.sort((a, b) => a.key.localeCompare(b.key));
  return keyed.sort((a, b) => b.blocked + b.overrides - (a.blocked + a.overrides) || b.per1000 - a.per1000 || a.key.localeCompare(b.key));
}

/** The period's totals from the per-store rows (each reply and event counted once). */
export function totals(byStore: readonly GuardStatsRow[]): Omit<CountRow, 'key'> {
  const sum = byStore.reduce((t, r) => ({ replies: t.replies + r.replies, blocked: t.blocked + r.blocked, overrides: t.overrides + r.overrides }), { replies: 0, blocked: 0, overrides: 0 });
  return { ...sum, per1000: per1000(sum.replies, sum.blocked, sum.overrides) };
}

export interface ScoreSummary {
  count: number;
  /** One decimal; null without scores. */
  average: number | null;
  byAgent: { agentId: string | null; agentName: string | null; count: number; average: number }[];
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

/** The scores' average overall and per agent (lowest first: who needs coaching comes first). */
export function scoreSummary(scores: readonly GuardReviewScore[]): ScoreSummary {
  const byAgent = new Map<string, { agentId: string | null; agentName: string | null; scores: number[] }>();
  for (const s of scores) {
    const key = s.agentId ?? '';
    const entry = byAgent.get(key) ?? { agentId: s.agentId, agentName: s.agentName, scores: [] };
    entry.scores.push(s.score);
    byAgent.set(key, entry);
  }
  return {
    count: scores.length,
    average: scores.length ? mean(scores.map((s) => s.score)) : null,
    byAgent: [...byAgent.values()]
      .map((a) => ({ agentId: a.agentId, agentName: a.agentName, count: a.scores.length, average: mean(a.scores) }))
      .sort((a, b) => a.average - b.average || b.count - a.count),
  };
}
