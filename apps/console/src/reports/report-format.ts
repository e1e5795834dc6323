import type { CauseCode, ReportContent } from '@kefu/contracts';
import { bucketLabel, dayRange } from '../analytics/chart-data';
import { per1000Label } from '../analytics/guard-rows';
import { addDays, isDate, zonedDate } from '../analytics/period';

/** A report's dates as people read them: [periodStart, periodEnd) → "Mar 2 – 8, 2026". */
export function reportDates(periodStart: string, periodEnd: string, lang: string): string {
  if (!isDate(periodStart) || !isDate(periodEnd)) return `${periodStart} – ${periodEnd}`;
  return dayRange(periodStart, addDays(periodEnd, -1), lang);
}

/** The findings in the console's language (Chinese for any zh locale), in their order. */
export const findingsIn = (findings: ReportContent['findings'], lang: string): string[] => findings.map((f) => (lang.toLowerCase().startsWith('zh') ? f.zh : f.en) || f.en || f.zh);

/** Relative change of a figure, null without a previous one. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * Whether a change is good news: fewer tickets, faster answers and fewer breaches are; more
 * satisfaction and conversion are. `null` when nothing moved or there is nothing to compare with.
 */
export function changeTone(current: number | null, previous: number | null, higherIsBetter: boolean): 'good' | 'bad' | null {
  if (current === null || previous === null || current === previous) return null;
  return current > previous === higherIsBetter ? 'good' : 'bad';
}

/** A difference of rates in percentage points: "+2.5 pt", "−1 pt". */
export function pointsLabel(current: number | null, previous: number | null): string | null {
  if (current === null || previous === null) return null;
  const pt = Math.round((current - previous) * 1000) / 10;
  if (pt === 0) return '0 pt';
  return `${pt > 0 ? '+' : '\u2212'}${Math.abs(pt)} pt`;
}

/** A difference of violations per 1,000 replies: "+12.5", "−500", "0". */
export function per1000Change(current: number | null, previous: number | null, lang: string): string | null {
  if (current === null || previous === null) return null;
  const diff = Math.round((current - previous) * 10) / 10;
  if (diff === 0) return '0';
  return `${diff > 0 ? '+' : '\u2212'}${per1000Label(Math.abs(diff), lang)}`;
}

export interface SkuGroup {
  cause: CauseCode;
  skus: ReportContent['topSkus'];
}

/** The top SKUs grouped by cause, causes in the order of the report's causes (most tickets first). */
export function skusByCause(content: Pick<ReportContent, 'topSkus' | 'tickets'>): SkuGroup[] {
  const order = [...content.tickets.byCause].sort((a, b) => b.count - a.count).map((c) => c.cause);
  const groups = new Map<CauseCode, ReportContent['topSkus']>();
  for (const s of content.topSkus) groups.set(s.cause, [...(groups.get(s.cause) ?? []), s]);
  const rank = (c: CauseCode) => (order.includes(c) ? order.indexOf(c) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([cause, skus]) => ({ cause, skus: [...skus].sort((x, y) => y.count - x.count) }));
}

/** The causes of the report with tickets now or before, most first. */
export const causesOfReport = (content: Pick<ReportContent, 'tickets'>) =>
  content.tickets.byCause.filter((c) => c.count > 0 || c.previousCount > 0).sort((a, b) => b.count - a.count || b.previousCount - a.previousCount);

/** A date inside the period the "generate" form asks for: the current one (today in the store's timezone) or, with no date, the last complete one. */
export const generateDate = (which: 'last' | 'current', now: number, timezone: string): string | undefined => (which === 'current' ? zonedDate(now, timezone) : undefined);

/** Under each day of the by-day response rates: "11/23" in a week's report, the day of the month ("23") in a longer one. */
export function dayTick(day: string, days: number, lang: string): string {
  if (days <= 10) return bucketLabel(day, 'day', lang);
  return String(Number(day.slice(8, 10)));
}
