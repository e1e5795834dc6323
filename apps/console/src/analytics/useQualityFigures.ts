import { useMemo, useState } from 'react';
import type { ResponseRateGroupBy } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { guardApi } from '../guard/guard-api';
import type { GuardGroup } from './guard-rows';
import type { ResolvedPeriod } from './period';
import type { QualityGroup } from './ServiceCards';
import { useFetched } from './useFetched';

const keyOf = (q: object | null) => (q ? JSON.stringify(q) : null);

interface Inputs {
  period: ResolvedPeriod | null;
  storesLoaded: boolean;
  storeId: string;
}

/**
 * How well the desk served in the period (the ticket type does not apply): CSAT, conversion, the platform's response
 * rate and the reply guard, each card with its own grouping (by store says nothing once one store is chosen).
 */
export function useQualityFigures({ period, storesLoaded, storeId }: Inputs) {
  const [convGroup, setConvGroup] = useState<QualityGroup>('store');
  const [platformGroup, setPlatformGroup] = useState<ResponseRateGroupBy>('store');
  const [guardGroup, setGuardGroup] = useState<GuardGroup>('store');

  const qualityBase = useMemo(() => (period && storesLoaded ? { from: period.from, to: period.to, storeId: storeId || undefined } : null), [period, storesLoaded, storeId]);
  const effectiveConvGroup: QualityGroup = convGroup === 'store' && storeId ? 'agent' : convGroup;

  const csat = useFetched('csat', keyOf(qualityBase), (signal) => deskApi.csat({ ...qualityBase!, groupBy: 'store' }, signal));
  const conversionQuery = useMemo(() => (qualityBase ? { ...qualityBase, groupBy: effectiveConvGroup } : null), [qualityBase, effectiveConvGroup]);
  const conversion = useFetched('conversion', keyOf(conversionQuery), (signal) => deskApi.conversion(conversionQuery!, signal));
  // One store chosen: by store says nothing, its days do.
  const effectivePlatformGroup: ResponseRateGroupBy = platformGroup === 'store' && storeId ? 'day' : platformGroup;
  const platformQuery = useMemo(() => (qualityBase ? { ...qualityBase, groupBy: effectivePlatformGroup } : null), [qualityBase, effectivePlatformGroup]);
  const platform = useFetched('platformResponse', keyOf(platformQuery), (signal) => deskApi.responseRate(platformQuery!, signal));
  // The reply guard: the period's totals from the rows by store (each reply and event in one), and the rows shown.
  const effectiveGuardGroup: GuardGroup = guardGroup === 'store' && storeId ? 'day' : guardGroup;
  const guardTotalsQuery = useMemo(() => (qualityBase ? { ...qualityBase, groupBy: 'store' as const } : null), [qualityBase]);
  const guardQuery = useMemo(() => (qualityBase ? { ...qualityBase, groupBy: effectiveGuardGroup } : null), [qualityBase, effectiveGuardGroup]);
  // Each answer says its grouping: while another one loads, the rows on screen are not read as of the new one.
  const guardStats = (q: NonNullable<typeof guardQuery>) => async (signal: AbortSignal) => ({ groupBy: q.groupBy, ...(await guardApi.stats(q, signal)) });
  const guardTotals = useFetched('guardStats', keyOf(guardTotalsQuery), guardStats(guardTotalsQuery!));
  const guardRows = useFetched('guardStats', keyOf(guardQuery), guardStats(guardQuery!));

  const reload = () => {
    csat.reload();
    conversion.reload();
    platform.reload();
    guardTotals.reload();
    guardRows.reload();
  };
  return {
    csat,
    conversion,
    conversionGroup: effectiveConvGroup,
    setConversionGroup: setConvGroup,
    platform,
    platformGroup: effectivePlatformGroup,
    setPlatformGroup,
    guardTotals,
    guardRows,
    guardGroup: effectiveGuardGroup,
    setGuardGroup,
    reload,
  };
}

export type QualityFigures = ReturnType<typeof useQualityFigures>;
