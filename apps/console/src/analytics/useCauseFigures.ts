import { useMemo } from 'react';
import type { TicketType } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { periodQuery } from './filters';
import type { ResolvedPeriod, TimeGroup } from './period';
import { useFetched } from './useFetched';

/** How many SKUs the SKU chart shows. */
export const TOP_SKUS = 10;

const keyOf = (q: object | null) => (q ? JSON.stringify(q) : null);

interface Inputs {
  period: ResolvedPeriod | null;
  /** The stores must be known first: they decide the timezone of the period. */
  storesLoaded: boolean;
  storeId: string;
  type: TicketType | '';
  group: TimeGroup;
}

/**
 * The tickets by root cause: over time, by store (every store chosen) and by SKU. One request per dataset, each only
 * when the filters it depends on change.
 */
export function useCauseFigures({ period, storesLoaded, storeId, type, group }: Inputs) {
  const base = useMemo(() => (period && storesLoaded ? periodQuery({ storeId, type }, period) : null), [period, storesLoaded, storeId, type]);
  const timelineQuery = useMemo(() => (base && period ? { ...base, groupBy: group } : null), [base, period, group]);
  const storesQuery = useMemo(() => (base && !storeId ? { ...base, groupBy: 'store' as const } : null), [base, storeId]);
  const skusQuery = useMemo(() => (base ? { ...base, groupBy: 'sku' as const, limit: TOP_SKUS } : null), [base]);

  const timeline = useFetched('timeline', keyOf(timelineQuery), async (signal) => ({
    breakdown: await deskApi.causes(timelineQuery!, signal),
    group,
    period: period!,
  }));
  const byStore = useFetched('byStore', keyOf(storesQuery), (signal) => deskApi.causes(storesQuery!, signal));
  const bySku = useFetched('bySku', keyOf(skusQuery), (signal) => deskApi.causes(skusQuery!, signal));

  const reload = () => {
    timeline.reload();
    byStore.reload();
    bySku.reload();
  };
  return { base, timelineQuery, timeline, byStore, bySku, reload };
}

export type CauseFigures = ReturnType<typeof useCauseFigures>;
