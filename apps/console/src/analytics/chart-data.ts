import { CAUSE_CODES, type CauseBreakdown, type CauseCode, type CauseGroup } from '@kefu/contracts';
import type { CauseKey } from './cause-colors';
import { timeBuckets, type TimeGroup } from './period';

/** What a bar stands for, added to the period's filters to list the tickets behind it. */
export interface DrillScope {
  day?: string;
  week?: string;
  month?: string;
  storeId?: string;
  sku?: string;
}

/** One bar (a bucket, store or SKU) split by cause. */
export interface CauseRow {
  /** Stable key of the group: the bucket key, store id or store/SKU. */
  id: string;
  /** What the axis shows (a bucket key is formatted by the chart). */
  name: string;
  /** A second line: the SKU under its product name, the store of a SKU. */
  sub?: string;
  total: number;
  values: Partial<Record<CauseKey, number>>;
  scope: DrillScope;
}

/**
 * The order causes are stacked and listed in: the most frequent of the period first (at the bottom
 * of a stack), causes absent from the period after them in taxonomy order. One order per screen
 * keeps a cause in the same place on every chart.
 */
export function causeOrder(b: Pick<CauseBreakdown, 'pareto'> | null): CauseCode[] {
  const first = (b?.pareto ?? []).filter((p) => p.count > 0).map((p) => p.cause);
  return [...first, ...CAUSE_CODES.filter((c) => !first.includes(c))];
}

/** The causes that actually occur in some rows, in `order`; `none` last when some tickets lack a cause. */
export function stackKeys(rows: readonly CauseRow[], order: readonly CauseCode[]): CauseKey[] {
  const present = new Set<CauseKey>();
  for (const r of rows) for (const [k, v] of Object.entries(r.values)) if (v) present.add(k as CauseKey);
  const keys: CauseKey[] = order.filter((c) => present.has(c));
  if (present.has('none')) keys.push('none');
  return keys;
}

const groupValues = (b: CauseBreakdown, match: (i: CauseBreakdown['items'][number]) => boolean, group: CauseGroup | undefined) => {
  const values: Partial<Record<CauseKey, number>> = {};
  for (const item of b.items) if (match(item) && item.count > 0) values[item.cause] = (values[item.cause] ?? 0) + item.count;
  if (group?.unclassified) values.none = group.unclassified;
  return values;
};

const sum = (values: Partial<Record<CauseKey, number>>) => Object.values(values).reduce((a, v) => a + (v ?? 0), 0);

/**
 * Causes over time: one row per bucket of the period, empty buckets included so the time axis
 * is even (buckets the API has that the period's dates do not — a store in another timezone —
 * are kept, in order).
 */
export function timeRows(b: CauseBreakdown, group: TimeGroup, firstDay: string, lastDay: string): CauseRow[] {
  const keyOf = (g: { day?: string; week?: string; month?: string }) => g[group];
  const groups = new Map<string, CauseGroup>();
  for (const g of b.groups) {
    const k = keyOf(g);
    if (k) groups.set(k, g);
  }
  const keys = new Set(timeBuckets(group, firstDay, lastDay));
  for (const k of groups.keys()) keys.add(k);
  for (const i of b.items) {
    const k = keyOf(i);
    if (k) keys.add(k);
  }
  return [...keys].sort().map((k) => {
    const values = groupValues(b, (i) => keyOf(i) === k, groups.get(k));
    return { id: k, name: k, total: groups.get(k)?.total ?? sum(values), values, scope: { [group]: k } };
  });
}

/** By store: one row per store with tickets, most tickets first. */
export function storeRows(b: CauseBreakdown): CauseRow[] {
  return b.groups
    .filter((g) => g.storeId)
    .map((g) => ({ id: g.storeId!, name: g.storeName ?? g.storeId!, total: g.total, values: groupValues(b, (i) => i.storeId === g.storeId, g), scope: { storeId: g.storeId } }))
    .sort((x, y) => y.total - x.total || x.name.localeCompare(y.name));
}

/** By SKU: the `limit` SKUs with most tickets (a SKU is one store's product). */
export function skuRows(b: CauseBreakdown, limit: number): CauseRow[] {
  return b.groups
    .filter((g) => g.sku)
    .map((g) => ({
      id: `${g.storeId ?? ''}/${g.sku}`,
      name: g.name || g.sku!,
      sub: g.name ? g.sku : undefined,
      total: g.total,
      values: groupValues(b, (i) => i.sku === g.sku && i.storeId === g.storeId, g),
      scope: { storeId: g.storeId, sku: g.sku },
    }))
    .sort((x, y) => y.total - x.total || x.name.localeCompare(y.name))
    .slice(0, limit);
}

export interface TrendRow {
  cause: CauseCode;
  count: number;
  previousCount: number;
  /** Relative change; null when there was nothing before. */
  change: number | null;
  direction: 'up' | 'down' | 'flat' | 'new';
  share: number;
  cumulativeShare: number;
  vital: boolean;
}

/** The Pareto table: causes by count with their share, running total, vital few and change vs the period before. */
export function paretoRows(b: CauseBreakdown): TrendRow[] {
  const trend = new Map(b.trend.map((t) => [t.cause, t]));
  const rows = b.pareto
    .filter((p) => p.count > 0)
    .map((p) => {
      const t = trend.get(p.cause);
      const previousCount = t?.previousCount ?? 0;
      return { cause: p.cause, count: p.count, previousCount, change: t?.change ?? null, direction: direction(p.count, previousCount), share: p.share, cumulativeShare: p.cumulativeShare, vital: p.vital };
    });
  // Causes that disappeared since the period before are worth seeing too.
  for (const t of b.trend) {
    if (t.count === 0 && t.previousCount > 0 && !rows.some((r) => r.cause === t.cause)) {
      rows.push({ cause: t.cause, count: 0, previousCount: t.previousCount, change: -1, direction: 'down', share: 0, cumulativeShare: 1, vital: false });
    }
  }
  return rows;
}

export function direction(count: number, previousCount: number): TrendRow['direction'] {
  if (previousCount === 0) return count === 0 ? 'flat' : 'new';
  if (count === previousCount) return 'flat';
  return count > previousCount ? 'up' : 'down';
}

/** A change as a signed percentage: "+12%", "−5%", "0%"; null when there is nothing to compare with. */
export function changeLabel(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const pct = Math.round(change * 100);
  if (pct === 0) return '0%';
  return pct > 0 ? `+${pct}%` : `\u2212${Math.abs(pct)}%`;
}

/** A share 0..1 as a whole percentage, one decimal below 10 %. */
export function shareLabel(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const pct = share * 100;
  if (pct > 0 && pct < 10) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

/** A bucket key as the axis shows it: "3/2" days, "3/2" Mondays, "2026-03" months → localised. */
export function bucketLabel(key: string, group: TimeGroup, lang: string, long = false): string {
  if (group === 'month') {
    const [y, m] = key.split('-').map(Number);
    return new Intl.DateTimeFormat(lang, { year: long ? 'numeric' : '2-digit', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  }
  const [y, m, d] = key.split('-').map(Number);
  const at = Date.UTC(y, m - 1, d);
  return new Intl.DateTimeFormat(lang, long ? { year: 'numeric', month: 'short', day: 'numeric', weekday: group === 'day' ? 'short' : undefined, timeZone: 'UTC' } : { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(at);
}

/** Rows of a distribution (CSAT 1–5): every rating, even those nobody gave, best first. */
export function ratingRows(distribution: Record<string, number>): { rating: number; count: number; share: number }[] {
  const total = Object.values(distribution).reduce((a, v) => a + v, 0);
  return [5, 4, 3, 2, 1].map((rating) => {
    const count = distribution[String(rating)] ?? 0;
    return { rating, count, share: total ? count / total : 0 };
  });
}

/**
 * Inclusive calendar days as people read them: "Mar 2 – 8, 2026" in English, "2026年3月2日–8日"
 * in Chinese (Intl's Chinese ranges fall back to "2026/3/2 – 2026/3/8").
 */
export function dayRange(firstDay: string, lastDay: string, lang: string): string {
  const [y1, m1, d1] = firstDay.split('-').map(Number);
  const [y2, m2, d2] = lastDay.split('-').map(Number);
  if ([y1, m1, d1, y2, m2, d2].some((n) => !Number.isFinite(n))) return `${firstDay} – ${lastDay}`;
  const a = Date.UTC(y1, m1 - 1, d1);
  const b = Date.UTC(y2, m2 - 1, d2);
  if (lang.toLowerCase().startsWith('zh')) {
    const first = `${y1}年${m1}月${d1}日`;
    if (a >= b) return first;
    if (y1 !== y2) return `${first} – ${y2}年${m2}月${d2}日`;
    return m1 === m2 ? `${first}–${d2}日` : `${first} – ${m2}月${d2}日`;
  }
  const f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return a >= b ? f.format(a) : f.formatRange(a, b);
}
