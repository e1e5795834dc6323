import type { GuardStatsRow, ReportContent } from '@kefu/contracts';

type Counts = Pick<GuardStatsRow, 'replies' | 'blocked' | 'overrides'>;

/** Violations per 1,000 replies sent or refused, one decimal as the guard's stats give it; null without any. */
export function per1000(c: Counts): number | null {
  const attempts = c.replies + c.blocked;
  return attempts ? Math.round(((c.blocked + c.overrides) / attempts) * 1000 * 10) / 10 : null;
}

const sum = (rows: readonly Counts[]): Counts => rows.reduce((t, r) => ({ replies: t.replies + r.replies, blocked: t.blocked + r.blocked, overrides: t.overrides + r.overrides }), { replies: 0, blocked: 0, overrides: 0 });

/** The report's reply guard figures from the guard's per-store rows of the period and of the one before. */
export function replyGuardFigures(rows: readonly Counts[], previousRows: readonly Counts[]): NonNullable<ReportContent['replyGuard']> {
  const now = sum(rows);
  return { ...now, per1000: per1000(now), previousPer1000: per1000(sum(previousRows)) };
}
