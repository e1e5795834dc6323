import type { CauseBreakdown, CauseBreakdownItem, CauseCode, CauseCount, CauseGroup, CauseGroupBy, CauseGroupKey, CauseTrend, ParetoEntry } from '@kefu/contracts';
import type { CountRow } from './cause-counts.service.js';

/** Pareto's vital few: the causes that together make this share of classified tickets. */
export const VITAL_SHARE = 0.8;

export interface Totals {
  total: number;
  unclassified: number;
  suggested: number;
  corrected: number;
  /** Tickets per cause, most first (ties by code). */
  causes: CauseCount[];
}

const byCountThenCause = (a: CauseCount, b: CauseCount) => b.count - a.count || a.cause.localeCompare(b.cause);

/** Sums rows (of one ticket each: no sku/category groups) per cause. */
export function totalsOf(rows: readonly CountRow[]): Totals {
  const perCause = new Map<CauseCode, number>();
  const t = { total: 0, unclassified: 0, suggested: 0, corrected: 0 };
  for (const r of rows) {
    t.total += r.tickets;
    t.suggested += r.suggested;
    t.corrected += r.corrected;
    if (r.cause === null) t.unclassified += r.tickets;
    else perCause.set(r.cause, (perCause.get(r.cause) ?? 0) + r.tickets);
  }
  const causes = [...perCause].map(([cause, count]) => ({ cause, count })).filter((c) => c.count > 0);
  return { ...t, causes: causes.sort(byCountThenCause) };
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function trendOf(current: Totals, previous: Totals): CauseTrend[] {
  const before = new Map(previous.causes.map((c) => [c.cause, c.count]));
  const causes = new Set([...current.causes.map((c) => c.cause), ...before.keys()]);
  const now = new Map(current.causes.map((c) => [c.cause, c.count]));
  return [...causes]
    .map((cause) => {
      const count = now.get(cause) ?? 0;
      const previousCount = before.get(cause) ?? 0;
      return { cause, count, previousCount, change: previousCount > 0 ? (count - previousCount) / previousCount : null };
    })
    .sort((a, b) => b.count - a.count || b.previousCount - a.previousCount || a.cause.localeCompare(b.cause));
}

/** Causes by count with their cumulative share of classified tickets; vital until 80% is reached (the cause crossing it included). */
export function paretoOf(current: Totals): ParetoEntry[] {
  const classified = current.total - current.unclassified;
  let cumulative = 0;
  return current.causes.map(({ cause, count }) => {
    const before = cumulative;
    cumulative += count;
    return { cause, count, share: count / classified, cumulativeShare: cumulative / classified, vital: before / classified < VITAL_SHARE };
  });
}

export const correctionsOf = (t: Totals): CauseBreakdown['corrections'] => ({ auto: t.suggested, corrected: t.corrected, share: ratio(t.corrected, t.suggested) });

const KEY_FIELDS = ['day', 'week', 'month', 'storeId', 'sku', 'category'] as const;
const groupKey = (k: CauseGroupKey) => JSON.stringify(KEY_FIELDS.map((f) => k[f] ?? null));

/**
 * Items and groups of a grouped breakdown. Time buckets in order, stores by name, sku/category by
 * tickets (most first), keeping the first `limit` of those; causes within a group by count.
 */
export function groupedItems(
  rows: readonly CountRow[],
  groupBy: CauseGroupBy,
  limit: number,
  storeName: (id: string) => string,
): { items: CauseBreakdownItem[]; groups: CauseGroup[]; groupCount: number } {
  const groups = new Map<string, { key: CauseGroupKey; total: number; unclassified: number; causes: CauseCount[] }>();
  for (const r of rows) {
    const key = keyOf(r, groupBy, storeName);
    const id = groupKey(key);
    const g = groups.get(id) ?? { key, total: 0, unclassified: 0, causes: [] };
    groups.set(id, g);
    g.total += r.tickets;
    if (r.cause === null) g.unclassified += r.tickets;
    else g.causes.push({ cause: r.cause, count: r.tickets });
  }
  let ordered = [...groups.values()].filter((g) => g.total > 0);
  if (groupBy === 'sku' || groupBy === 'category') {
    const label = (g: { key: CauseGroupKey }) => `${g.key.storeName ?? ''}\u0000${g.key.sku ?? g.key.category ?? ''}`;
    ordered.sort((a, b) => b.total - a.total || label(a).localeCompare(label(b)));
  } else {
    const label = (g: { key: CauseGroupKey }) => (groupBy === 'store' ? `${g.key.storeName}\u0000${g.key.storeId}` : (g.key.day ?? g.key.week ?? g.key.month ?? ''));
    ordered.sort((a, b) => (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0));
  }
  const groupCount = ordered.length;
  if (groupBy === 'sku' || groupBy === 'category') ordered = ordered.slice(0, limit);
  return {
    items: ordered.flatMap((g) => g.causes.filter((c) => c.count > 0).sort(byCountThenCause).map((c) => ({ ...g.key, cause: c.cause, count: c.count, share: c.count / g.total }))),
    groups: ordered.map((g) => ({ ...g.key, total: g.total, unclassified: g.unclassified })),
    groupCount,
  };
}

function keyOf(r: CountRow, groupBy: CauseGroupBy, storeName: (id: string) => string): CauseGroupKey {
  switch (groupBy) {
    case 'day':
      return { day: r.day };
    case 'week':
      return { week: r.week };
    case 'month':
      return { month: r.month };
    case 'store':
      return { storeId: r.storeId, storeName: storeName(r.storeId!) };
    case 'sku':
      return { storeId: r.storeId, storeName: storeName(r.storeId!), sku: r.sku, name: r.name ?? r.sku };
    case 'category':
      return { category: r.category };
  }
}
