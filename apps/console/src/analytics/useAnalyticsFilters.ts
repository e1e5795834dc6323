import { useMemo } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { serverNow } from '../time/server-clock';
import { useStores } from '../desk/useStores';
import { analyticsFiltersOf, analyticsSearchOf, type AnalyticsFilters } from './filters';
import { customRangeProblem, groupAllowed, periodTimezone, resolvePeriod, suggestedGroup, zonedDate, type PeriodPreset, type TimeGroup } from './period';

/**
 * The analysts' filters as the address holds them, and what follows from them: the store (one the user does not see is
 * dropped), the period resolved in the store's timezone, and a grouping that period allows.
 */
export function useAnalyticsFilters() {
  const { stores, storesLoaded, storeById } = useStores();
  const search = useSearch({ from: '/analytics' });
  const navigate = useNavigate({ from: '/analytics' });
  const filters = useMemo(() => analyticsFiltersOf(search), [search]);

  // A store in the address the user does not see is dropped once the stores are known.
  const storeId = filters.storeId && storesLoaded && !storeById.has(filters.storeId) ? '' : filters.storeId;
  const timezone = periodTimezone(stores, storeId);
  const today = zonedDate(serverNow(), timezone);
  const { preset, customFrom, customTo } = filters;
  // Computed again when the day (in that timezone) rolls over, not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const period = useMemo(() => resolvePeriod({ preset, customFrom, customTo }, serverNow(), timezone), [preset, customFrom, customTo, today, timezone]);
  const group: TimeGroup = period && !groupAllowed(filters.group, period.days) ? suggestedGroup(period.days) : filters.group;

  // Each choice is a step in the history; a date typed into the custom range replaces the address.
  const change = (patch: Partial<AnalyticsFilters>) =>
    void navigate({ search: analyticsSearchOf({ ...filters, ...patch }), replace: Object.keys(patch).every((k) => k === 'customFrom' || k === 'customTo') });
  const choosePreset = (next: PeriodPreset) => {
    if (next === 'custom') {
      // Start from the dates on screen, so switching to custom changes nothing until a date does.
      change({ preset: next, customFrom: period?.firstDay ?? today, customTo: period?.lastDay ?? today });
      return;
    }
    const p = resolvePeriod({ preset: next, customFrom: '', customTo: '' }, serverNow(), timezone);
    change({ preset: next, group: p ? suggestedGroup(p.days) : filters.group });
  };
  const rangeProblem = filters.preset === 'custom' ? customRangeProblem(filters.customFrom, filters.customTo) : null;

  return { stores, storesLoaded, storeById, filters, storeId, type: filters.type, period, group, change, choosePreset, rangeProblem };
}

export type AnalyticsFilterState = ReturnType<typeof useAnalyticsFilters>;
