import { z } from 'zod';
import { TICKET_TYPES, text, type TicketType } from '@kefu/contracts';
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

/** A drill-down as opened: its target, the words saying where it is from (bar, period, store, type), the count the figure showed. */
export interface Drill {
  target: DrillTarget;
  context: string;
  expected: number | null;
}

/** The words of a drill-down's context: the parts given, joined. */
export const drillContext = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join(' · ');

export const sameTarget = (a: DrillTarget | null, b: DrillTarget | null): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The filters in the address (#/analytics?store=…&period=last90&type=return&group=week, custom dates as from/to): a link
 * opens the same figures, back and forward step through the choices. A bad value is dropped, not an error; defaults are
 * left out of the address.
 */
export const AnalyticsSearch = z.object({
  store: text().max(64).optional().catch(undefined),
  period: z.enum(PERIOD_PRESETS).optional().catch(undefined),
  from: text().refine(isDate).optional().catch(undefined),
  to: text().refine(isDate).optional().catch(undefined),
  type: z.enum(TICKET_TYPES).optional().catch(undefined),
  group: z.enum(TIME_GROUPS).optional().catch(undefined),
});
export type AnalyticsSearch = z.infer<typeof AnalyticsSearch>;

export const analyticsFiltersOf = (s: AnalyticsSearch): AnalyticsFilters => ({
  storeId: s.store ?? '',
  preset: s.period ?? DEFAULT_ANALYTICS_FILTERS.preset,
  customFrom: s.period === 'custom' ? (s.from ?? '') : '',
  customTo: s.period === 'custom' ? (s.to ?? '') : '',
  type: s.type ?? '',
  group: s.group ?? DEFAULT_ANALYTICS_FILTERS.group,
});

export const analyticsSearchOf = (f: AnalyticsFilters): AnalyticsSearch => ({
  store: f.storeId || undefined,
  period: f.preset === DEFAULT_ANALYTICS_FILTERS.preset ? undefined : f.preset,
  from: f.preset === 'custom' && f.customFrom ? f.customFrom : undefined,
  to: f.preset === 'custom' && f.customTo ? f.customTo : undefined,
  type: f.type || undefined,
  group: f.group === DEFAULT_ANALYTICS_FILTERS.group ? undefined : f.group,
});
