import { TICKET_TYPES, type TicketType } from '@kefu/contracts';
import type { CauseKey } from './cause-colors';
import type { DrillScope } from './chart-data';
import { PERIOD_PRESETS, TIME_GROUPS, isDate, type PeriodChoice, type ResolvedPeriod, type TimeGroup } from './period';

/** The first control of the analysts' filter bar (the `/` key focuses it). */
export const ANALYTICS_FILTER_ID = 'analytics-store';

/** The analysts' filter bar. */
export interface AnalyticsFilters extends PeriodChoice {
  storeId: string; // '' = every store
  type: TicketType | '';
  group: TimeGroup;
}

export const DEFAULT_ANALYTICS_FILTERS: AnalyticsFilters = { storeId: '', preset: 'last30', customFrom: '', customTo: '', type: '', group: 'day' };

/** What the causes endpoints take for these filters, without the grouping. */
export function periodQuery(f: Pick<AnalyticsFilters, 'storeId' | 'type'>, period: ResolvedPeriod) {
  return { from: period.from, to: period.to, storeId: f.storeId || undefined, type: f.type || undefined };
}

/** What one drill-down shows: a cause (or the corrected ones) within a bar of a chart, or in the whole period. */
export interface DrillTarget {
  cause?: CauseKey;
  corrections?: 'corrected';
  scope: DrillScope;
}

/** The tickets query behind a figure: the period's filters plus the bar's key (its store replaces the filter's). */
export function drillQuery(f: Pick<AnalyticsFilters, 'storeId' | 'type'>, period: ResolvedPeriod, target: DrillTarget) {
  const { scope } = target;
  return {
    ...periodQuery(f, period),
    ...(scope.storeId ? { storeId: scope.storeId } : {}),
    cause: target.cause,
    corrections: target.corrections,
    day: scope.day,
    week: scope.week,
    month: scope.month,
    sku: scope.sku,
  };
}

export const sameTarget = (a: DrillTarget | null, b: DrillTarget | null): boolean => JSON.stringify(a) === JSON.stringify(b);

// The filters are remembered per user.
const storageKey = (userId: string) => `kefu.analyticsFilters.${userId}`;

export function loadAnalyticsFilters(userId: string): AnalyticsFilters {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(userId)) ?? 'null') as Partial<AnalyticsFilters> | null;
    if (!saved || typeof saved !== 'object') return DEFAULT_ANALYTICS_FILTERS;
    const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);
    return {
      storeId: typeof saved.storeId === 'string' ? saved.storeId : '',
      preset: oneOf(PERIOD_PRESETS, saved.preset, DEFAULT_ANALYTICS_FILTERS.preset),
      customFrom: typeof saved.customFrom === 'string' && isDate(saved.customFrom) ? saved.customFrom : '',
      customTo: typeof saved.customTo === 'string' && isDate(saved.customTo) ? saved.customTo : '',
      type: TICKET_TYPES.includes(saved.type as TicketType) ? (saved.type as TicketType) : '',
      group: oneOf(TIME_GROUPS, saved.group, DEFAULT_ANALYTICS_FILTERS.group),
    };
  } catch {
    return DEFAULT_ANALYTICS_FILTERS;
  }
}

export function saveAnalyticsFilters(userId: string, f: AnalyticsFilters): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(f));
  } catch {
    // not remembered
  }
}
