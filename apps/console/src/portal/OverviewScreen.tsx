import { useMemo, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CauseCode } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { dayRange, paretoRows } from '../analytics/chart-data';
import { ChartSkeleton } from '../analytics/ChartStates';
import { ParetoPanel } from '../analytics/ParetoPanel';
import { periodTimezone, resolvePeriod, zonedDate } from '../analytics/period';
import { Card, ConversionCard, CsatCard, type QualityGroup } from '../analytics/ServiceCards';
import { useFetched } from '../analytics/useFetched';
import { useStores } from '../desk/useStores';
import { serverNow } from '../time/server-clock';
import { StoreSelect } from '../ui/StoreSelect';
import { CauseTickets } from './CauseTickets';
import { useAgencyName } from './PortalLayout';
import { DEFAULT_PORTAL_PERIOD, PORTAL_PERIODS, type PortalPeriod } from './portal-search';
import { portalApi } from './portal-api';
import { promiseOf, responseWindows } from './service-figures';
import { PlatformRateCard, PromiseCard } from './ServiceFigures';

const keyOf = (q: object | null) => (q ? JSON.stringify(q) : null);

/** #/portal — how the agency serves the brand's customers: response against the promise, the platform rate, CSAT, causes. */
export function OverviewScreen() {
  const { t, i18n } = useTranslation();
  const agency = useAgencyName();
  const { stores, storesLoaded, storeById } = useStores();
  const search = useSearch({ from: '/portal' });
  const navigate = useNavigate({ from: '/portal' });
  const [drill, setDrill] = useState<CauseCode | null>(null);
  const [conversionGroup, setConversionGroup] = useState<QualityGroup>('day');

  const storeId = search.store && storesLoaded && !storeById.has(search.store) ? '' : (search.store ?? '');
  const preset: PortalPeriod = search.period ?? DEFAULT_PORTAL_PERIOD;
  const inScope = useMemo(() => (storeId ? stores.filter((s) => s.id === storeId) : stores), [stores, storeId]);
  const timezone = periodTimezone(stores, storeId);
  const today = zonedDate(serverNow(), timezone);
  // Computed again when the day rolls over in that timezone, not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const period = useMemo(() => resolvePeriod({ preset, customFrom: '', customTo: '' }, serverNow(), timezone), [preset, timezone, today]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const windows = useMemo(() => responseWindows(serverNow(), timezone), [timezone, today]);

  const base = useMemo(() => (period && storesLoaded ? { from: period.from, to: period.to, storeId: storeId || undefined } : null), [period, storesLoaded, storeId]);
  const todayQuery = useMemo(() => (storesLoaded ? { from: windows.today, storeId: storeId || undefined, groupBy: 'store' as const } : null), [windows, storesLoaded, storeId]);
  const weekQuery = useMemo(() => (storesLoaded ? { from: windows.week, storeId: storeId || undefined, groupBy: 'store' as const } : null), [windows, storesLoaded, storeId]);

  const summary = useFetched('portalSla', keyOf(base), (signal) => deskApi.slaSummary(base!, signal));
  const rateToday = useFetched('portalRate', keyOf(todayQuery), (signal) => portalApi.responseRate(todayQuery!, signal));
  const rateWeek = useFetched('portalRate', keyOf(weekQuery), (signal) => portalApi.responseRate(weekQuery!, signal));
  const csat = useFetched('csat', keyOf(base), (signal) => deskApi.csat(base!, signal));
  const causes = useFetched('causes', keyOf(base), (signal) => deskApi.causes(base!, signal));
  const conversionQuery = useMemo(() => (base ? { ...base, groupBy: conversionGroup } : null), [base, conversionGroup]);
  const conversion = useFetched('conversion', keyOf(conversionQuery), (signal) => deskApi.conversion(conversionQuery!, signal));
  const pareto = useMemo(() => (causes.data ? paretoRows(causes.data) : []), [causes.data]);
  const promise = promiseOf(inScope);

  const change = (next: { store?: string; period?: PortalPeriod }) =>
    void navigate({
      search: (prev) => {
        const merged = { ...prev, ...next };
        return { store: merged.store || undefined, period: merged.period === DEFAULT_PORTAL_PERIOD ? undefined : merged.period };
      },
      replace: true,
    });

  return (
    <main className="board analytics portal-screen" data-testid="portal-overview" aria-labelledby="portal-overview-title">
      <header className="board__header">
        <div className="board__heading">
          <h1 className="board__title" id="portal-overview-title">
            {t('portal.overview.title')}
          </h1>
          <p className="board__subtitle">
            {t('portal.overview.subtitle', { agency })}
            {period && <> · {dayRange(period.firstDay, period.lastDay, i18n.language)}</>}
          </p>
        </div>
        <div className="board__tools portal-overview__tools">
          {stores.length > 1 && <StoreSelect stores={stores} value={storeId} onChange={(id) => change({ store: id })} allLabel={t('portal.allStores')} label={t('portal.store')} testId="portal-store" />}
          <div className="seg" role="group" aria-label={t('portal.periods.label')}>
            {PORTAL_PERIODS.map((p) => (
              <button key={p} type="button" className={`seg__option${preset === p ? ' is-active' : ''}`} aria-pressed={preset === p} onClick={() => change({ period: p })} data-testid={`portal-period-${p}`}>
                {t(`portal.periods.${p}`)}
              </button>
            ))}
          </div>
        </div>
      </header>

      <div className="an-grid">
        <PromiseCard summary={summary} promiseSeconds={promise.seconds} uniform={promise.uniform} showStores={!storeId} />
        <PlatformRateCard today={rateToday} week={rateWeek} stores={inScope} showStores={!storeId} />
      </div>

      <Card title={t('portal.overview.causes.title')} hint={t('portal.overview.causes.hint')} testId="portal-causes" loading={causes.loading} error={causes.error} onRetry={causes.reload}>
        {causes.data === null ? (
          <ChartSkeleton height={280} />
        ) : causes.data.total === 0 ? (
          <p className="an-empty">{t('portal.overview.causes.empty')}</p>
        ) : (
          <ParetoPanel rows={pareto} previousTotal={causes.data.previous.total} onDrill={setDrill} />
        )}
      </Card>

      <div className="an-grid">
        <CsatCard report={csat.data} loading={csat.loading} error={csat.error} onRetry={csat.reload} />
        <ConversionCard report={conversion.data} group={conversionGroup} onGroupChange={setConversionGroup} loading={conversion.loading} error={conversion.error} onRetry={conversion.reload} storeChosen={storeId !== '' || stores.length === 1} />
      </div>

      {drill && base && <CauseTickets query={base} cause={drill} storeById={storeById} onClose={() => setDrill(null)} />}
    </main>
  );
}
