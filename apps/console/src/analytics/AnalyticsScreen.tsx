import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, type CauseCode, type ResponseRateGroupBy, type TicketType } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { serverNow } from '../time/server-clock';
import { Icon } from '../ui/icons';
import type { CauseKey } from './cause-colors';
import { CauseChart } from './CauseChart';
import { bucketLabel, causeOrder, dayRange, paretoRows, skuRows, stackKeys, storeRows, timeRows, type CauseRow } from './chart-data';
import { Drilldown } from './Drilldown';
import { useDownload } from './download';
import { ANALYTICS_FILTER_ID, analyticsFiltersOf, analyticsSearchOf, drillQuery, periodQuery, type AnalyticsFilters, type DrillTarget } from './filters';
import { ParetoPanel } from './ParetoPanel';
import {
  PERIOD_PRESETS,
  TIME_GROUPS,
  addDays,
  customRangeProblem,
  groupAllowed,
  periodTimezone,
  resolvePeriod,
  suggestedGroup,
  zonedDate,
  type PeriodPreset,
  type TimeGroup,
} from './period';
import { Card, ConversionCard, CsatCard, SlaCard, type QualityGroup } from './ServiceCards';
import { useFetched } from './useFetched';
import { CauseLegend, ChartSkeleton, EmptyPeriod } from './ChartStates';
import { Headline } from './Headline';
import { useShortcuts } from '../keyboard/shortcuts';
import { StoreSelect } from '../ui/StoreSelect';
import { useStores } from '../desk/useStores';
import { useMe } from '../desk/me';
import { useDirectory } from '../desk/useDirectory';
import { PlatformResponseCard } from './PlatformResponseCard';
import { guardApi } from '../guard/guard-api';
import type { GuardGroup } from './guard-rows';
import { ReplyGuardCard } from './ReplyGuardCard';

const TOP_SKUS = 10;

interface Drill {
  target: DrillTarget;
  context: string;
  expected: number | null;
}

const keyOf = (q: object | null) => (q ? JSON.stringify(q) : null);

/**
 * The analysts' desk: after-sales tickets by root cause over time, by store and by SKU, the Pareto
 * of causes with their trend, and how well the desk served (SLA, CSAT, conversion). Every bar
 * opens the tickets behind it.
 */
export function AnalyticsScreen() {
  const { stores, storesLoaded, storeById } = useStores();
  // `/` goes to the filter bar.
  useShortcuts({ '/': () => document.getElementById(ANALYTICS_FILTER_ID)?.focus() });
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const search = useSearch({ from: '/analytics' });
  const navigate = useNavigate({ from: '/analytics' });
  const filters = useMemo(() => analyticsFiltersOf(search), [search]);
  const [convGroup, setConvGroup] = useState<QualityGroup>('store');
  const [platformGroup, setPlatformGroup] = useState<ResponseRateGroupBy>('store');
  const [guardGroup, setGuardGroup] = useState<GuardGroup>('store');
  const { userById } = useDirectory(useMe());
  const [drill, setDrill] = useState<Drill | null>(null);
  const csv = useDownload();

  // A store in the address the user does not see is dropped once the stores are known.
  const storeId = filters.storeId && storesLoaded && !storeById.has(filters.storeId) ? '' : filters.storeId;
  const timezone = periodTimezone(stores, storeId);
  const today = zonedDate(serverNow(), timezone);
  const { preset, customFrom, customTo, type } = filters;
  // Computed again when the day (in that timezone) rolls over, not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const period = useMemo(() => resolvePeriod({ preset, customFrom, customTo }, serverNow(), timezone), [preset, customFrom, customTo, today, timezone]);
  const group: TimeGroup = period && !groupAllowed(filters.group, period.days) ? suggestedGroup(period.days) : filters.group;

  // One request per dataset, each only when the filters it depends on change (the stores must be
  // known first: they decide the timezone of the period).
  const base = useMemo(() => (period && storesLoaded ? periodQuery({ storeId, type }, period) : null), [period, storesLoaded, storeId, type]);
  const timelineQuery = useMemo(() => (base && period ? { ...base, groupBy: group } : null), [base, period, group]);
  const storesQuery = useMemo(() => (base && !storeId ? { ...base, groupBy: 'store' as const } : null), [base, storeId]);
  const skusQuery = useMemo(() => (base ? { ...base, groupBy: 'sku' as const, limit: TOP_SKUS } : null), [base]);
  const qualityBase = useMemo(() => (period && storesLoaded ? { from: period.from, to: period.to, storeId: storeId || undefined } : null), [period, storesLoaded, storeId]);
  const effectiveConvGroup: QualityGroup = convGroup === 'store' && storeId ? 'agent' : convGroup;

  const timeline = useFetched('timeline', keyOf(timelineQuery), async (signal) => ({
    breakdown: await deskApi.causes(timelineQuery!, signal),
    group,
    period: period!,
  }));
  const byStore = useFetched('byStore', keyOf(storesQuery), (signal) => deskApi.causes(storesQuery!, signal));
  const bySku = useFetched('bySku', keyOf(skusQuery), (signal) => deskApi.causes(skusQuery!, signal));
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

  const b = timeline.data?.breakdown ?? null;
  const order = useMemo(() => causeOrder(b), [b]);
  const tRows = useMemo(() => (timeline.data ? timeRows(timeline.data.breakdown, timeline.data.group, timeline.data.period.firstDay, timeline.data.period.lastDay) : []), [timeline.data]);
  const tKeys = useMemo(() => stackKeys(tRows, order), [tRows, order]);
  const sRows = useMemo(() => (byStore.data ? storeRows(byStore.data) : []), [byStore.data]);
  const sKeys = useMemo(() => stackKeys(sRows, order), [sRows, order]);
  const kRows = useMemo(() => (bySku.data ? skuRows(bySku.data, TOP_SKUS) : []), [bySku.data]);
  const kKeys = useMemo(() => stackKeys(kRows, order), [kRows, order]);
  const pRows = useMemo(() => (b ? paretoRows(b) : []), [b]);
  const legendKeys = useMemo(() => {
    const keys = new Set<CauseKey>([...tKeys, ...sKeys, ...kKeys]);
    return [...order.filter((c) => keys.has(c)), ...(keys.has('none') ? (['none'] as const) : [])];
  }, [order, tKeys, sKeys, kKeys]);

  const shownGroup = timeline.data?.group ?? group;
  const storeName = storeId ? storeById.get(storeId)?.name : undefined;
  const typeName = type ? t(`tickets.types.${type}`) : undefined;
  const contextOf = useCallback((...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · '), []);

  const timeAxis = useCallback((r: CauseRow) => bucketLabel(r.id, shownGroup, lang), [shownGroup, lang]);
  const timeTip = useCallback(
    (r: CauseRow) => (shownGroup === 'week' ? t('analytics.weekOf', { date: bucketLabel(r.id, 'week', lang, true) }) : bucketLabel(r.id, shownGroup, lang, true)),
    [shownGroup, lang, t],
  );
  const plainName = useCallback((r: CauseRow) => r.name, []);
  const skuTip = useCallback((r: CauseRow) => (r.sub ? `${r.name} · ${r.sub}` : r.name), []);

  const drillTime = useCallback(
    (row: CauseRow, cause: CauseKey) => setDrill({ target: { cause, scope: row.scope }, context: contextOf(timeTip(row), storeName, typeName), expected: row.values[cause] ?? 0 }),
    [contextOf, timeTip, storeName, typeName],
  );
  const drillStore = useCallback(
    (row: CauseRow, cause: CauseKey) => setDrill({ target: { cause, scope: row.scope }, context: contextOf(row.name, typeName), expected: row.values[cause] ?? 0 }),
    [contextOf, typeName],
  );
  const drillSku = useCallback(
    (row: CauseRow, cause: CauseKey) => {
      const store = row.scope.storeId ? storeById.get(row.scope.storeId)?.name : undefined;
      setDrill({ target: { cause, scope: row.scope }, context: contextOf(skuTip(row), store, typeName), expected: row.values[cause] ?? 0 });
    },
    [contextOf, skuTip, storeById, typeName],
  );
  const periodLabel = period ? dayRange(period.firstDay, period.lastDay, lang) : '';
  const drillCause = useCallback(
    (cause: CauseCode) => setDrill({ target: { cause, scope: {} }, context: contextOf(periodLabel, storeName, typeName), expected: null }),
    [contextOf, periodLabel, storeName, typeName],
  );
  const drillAll = (target: Omit<DrillTarget, 'scope'>, label: string, expected: number) =>
    setDrill({ target: { ...target, scope: {} }, context: contextOf(label, periodLabel, storeName, typeName), expected });

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

  const forbidden = timeline.error?.statusCode === 403;
  const empty = b !== null && !timeline.loading && b.total === 0;
  const previousLabel = period ? dayRange(addDays(period.firstDay, -period.days), addDays(period.firstDay, -1), lang) : '';
  const csatData = csat.data;
  const conv = conversion.data;

  return (
    <main className="board analytics" data-testid="analytics-screen" aria-labelledby="analytics-title">
      <header className="board__header analytics__header">
        <div className="board__heading">
          <h1 className="board__title" id="analytics-title">
            {t('analytics.title')}
          </h1>
          <p className="board__subtitle" data-testid="analytics-period-label">
            {period ? t('analytics.periodCaption', { period: periodLabel, previous: previousLabel }) : t('analytics.choosePeriod')}
          </p>
        </div>
        <div className="board__tools">
          <button
            type="button"
            className="button"
            disabled={!timelineQuery || csv.busy !== null}
            onClick={() => void csv.download('causes', () => deskApi.causesCsv(timelineQuery!), 'causes.csv')}
            data-testid="analytics-export-causes"
            title={t('analytics.export.causesHint')}
          >
            {csv.busy === 'causes' ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
            {t('analytics.export.causes')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!base || csv.busy !== null}
            onClick={() => void csv.download('tickets', () => deskApi.analyticsTicketsCsv(base!), 'tickets.csv')}
            data-testid="analytics-export-tickets"
            title={t('analytics.export.ticketsHint')}
          >
            {csv.busy === 'tickets' ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
            {t('analytics.export.tickets')}
          </button>
          <button
            type="button"
            className="icon-button icon-button--bordered"
            onClick={() => {
              timeline.reload();
              byStore.reload();
              bySku.reload();
              csat.reload();
              conversion.reload();
              platform.reload();
              guardTotals.reload();
              guardRows.reload();
            }}
            title={t('analytics.refresh')}
            aria-label={t('analytics.refresh')}
          >
            <Icon name="refresh" size={15} />
          </button>
        </div>
      </header>

      <div className="an-filters" role="group" aria-label={t('analytics.filters.label')} data-testid="analytics-filters">
        <label className="an-filter">
          <span className="an-filter__label">{t('analytics.filters.store')}</span>
          <StoreSelect id={ANALYTICS_FILTER_ID} stores={stores} value={storeId} onChange={(id) => change({ storeId: id })} allLabel={t('analytics.filters.allStores')} testId="analytics-store" />
        </label>
        <label className="an-filter">
          <span className="an-filter__label">{t('analytics.filters.period')}</span>
          <select className="select" data-testid="analytics-period" value={filters.preset} onChange={(e) => choosePreset(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`analytics.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        {filters.preset === 'custom' && (
          <div className="an-filter an-filter--range">
            <span className="an-filter__label">{t('analytics.filters.dates')}</span>
            <div className="an-range">
              <input
                type="date"
                className="input input--date"
                value={filters.customFrom}
                max={filters.customTo || undefined}
                aria-label={t('analytics.filters.from')}
                aria-invalid={rangeProblem !== null && rangeProblem !== 'incomplete'}
                data-testid="analytics-from"
                onChange={(e) => change({ customFrom: e.target.value })}
              />
              <span aria-hidden="true">–</span>
              <input
                type="date"
                className="input input--date"
                value={filters.customTo}
                min={filters.customFrom || undefined}
                aria-label={t('analytics.filters.to')}
                aria-invalid={rangeProblem !== null && rangeProblem !== 'incomplete'}
                data-testid="analytics-to"
                onChange={(e) => change({ customTo: e.target.value })}
              />
            </div>
          </div>
        )}
        <label className="an-filter">
          <span className="an-filter__label">{t('analytics.filters.type')}</span>
          <select className="select" data-testid="analytics-type" value={filters.type} onChange={(e) => change({ type: e.target.value as TicketType | '' })}>
            <option value="">{t('analytics.filters.allTypes')}</option>
            {TICKET_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`tickets.types.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="an-filter">
          <span className="an-filter__label" id="analytics-group-label">
            {t('analytics.filters.groupBy')}
          </span>
          <div className="seg" role="group" aria-labelledby="analytics-group-label">
            {TIME_GROUPS.map((g) => {
              const allowed = !period || groupAllowed(g, period.days);
              return (
                <button
                  key={g}
                  type="button"
                  className={`seg__option${group === g ? ' is-active' : ''}`}
                  aria-pressed={group === g}
                  disabled={!allowed}
                  title={allowed ? undefined : t('analytics.filters.tooManyDays')}
                  onClick={() => change({ group: g })}
                  data-testid={`analytics-group-${g}`}
                >
                  {t(`analytics.groups.${g}`)}
                </button>
              );
            })}
          </div>
        </div>
        {rangeProblem && rangeProblem !== 'incomplete' && (
          <p className="an-filters__problem" role="alert">
            <Icon name="alert" size={13} />
            {t(`analytics.filters.problems.${rangeProblem}`)}
          </p>
        )}
      </div>

      {csv.error && (
        <div className="inline-error an-banner" role="alert">
          <Icon name="alert" size={14} />
          <span>{csv.error.statusCode === 0 ? t('errors.network') : t('analytics.export.error', { message: csv.error.message })}</span>
          <button type="button" className="link-button" onClick={csv.clearError}>
            {t('common.dismiss')}
          </button>
        </div>
      )}

      {forbidden ? (
        <div className="board__forbidden" role="alert">
          <Icon name="lock" size={22} />
          <p>{t('analytics.forbidden')}</p>
        </div>
      ) : (
        <>
          <Headline
            breakdown={b}
            loading={timeline.loading}
            csat={csatData?.overall.average ?? null}
            conversion={conv?.overall.rate ?? null}
            onAll={() => b && drillAll({}, t('analytics.figures.tickets'), b.total)}
            onUnclassified={() => b && drillAll({ cause: 'none' }, '', b.unclassified)}
            onCorrected={() => b && drillAll({ corrections: 'corrected' }, t('analytics.figures.corrected'), b.corrections.corrected)}
            onTopCause={(cause) => drillCause(cause)}
          />

          {empty ? (
            <EmptyPeriod
              preset={filters.preset}
              storeName={storeName}
              typeName={typeName}
              onWiderPeriod={() => choosePreset('last90')}
              onAllStores={() => change({ storeId: '' })}
              onAllTypes={() => change({ type: '' })}
            />
          ) : (
            <>
              <Card
                title={t('analytics.timeline.title')}
                hint={t(`analytics.timeline.hint.${shownGroup}`)}
                testId="timeline-card"
                loading={timeline.loading}
                error={timeline.error}
                onRetry={timeline.reload}
              >
                <CauseLegend keys={legendKeys} />
                {b === null && timeline.loading ? (
                  <ChartSkeleton height={280} />
                ) : (
                  <CauseChart rows={tRows} keys={tKeys} layout="time" axisLabel={timeAxis} tooltipLabel={timeTip} onDrill={drillTime} height={280} label={t('analytics.timeline.title')} />
                )}
              </Card>

              <div className={`an-grid${storeId ? ' an-grid--single' : ''}`}>
                {!storeId && (
                  <Card title={t('analytics.stores.title')} hint={t('analytics.stores.hint')} testId="stores-card" loading={byStore.loading} error={byStore.error} onRetry={byStore.reload}>
                    {byStore.data === null ? (
                      <ChartSkeleton height={220} />
                    ) : sRows.length === 0 ? (
                      <p className="an-empty">{t('analytics.noTickets')}</p>
                    ) : (
                      <CauseChart rows={sRows} keys={sKeys} layout="category" axisLabel={plainName} tooltipLabel={plainName} onDrill={drillStore} height={barHeight(sRows.length)} label={t('analytics.stores.title')} testId="store-chart" />
                    )}
                  </Card>
                )}
                <Card
                  title={t('analytics.skus.title', { count: TOP_SKUS })}
                  hint={bySku.data && bySku.data.groupCount > TOP_SKUS ? t('analytics.skus.hintOf', { count: bySku.data.groupCount }) : t('analytics.skus.hint')}
                  testId="skus-card"
                  loading={bySku.loading}
                  error={bySku.error}
                  onRetry={bySku.reload}
                >
                  {bySku.data === null ? (
                    <ChartSkeleton height={220} />
                  ) : kRows.length === 0 ? (
                    <p className="an-empty">{t('analytics.skus.empty')}</p>
                  ) : (
                    <CauseChart rows={kRows} keys={kKeys} layout="category" axisLabel={plainName} tooltipLabel={skuTip} onDrill={drillSku} height={barHeight(kRows.length)} label={t('analytics.skus.title', { count: TOP_SKUS })} testId="sku-chart" />
                  )}
                </Card>
              </div>

              <section className="an-card" data-testid="pareto" aria-labelledby="pareto-title" aria-busy={timeline.loading}>
                <header className="an-card__header">
                  <h2 className="an-card__title" id="pareto-title">
                    {t('analytics.pareto.title')}
                  </h2>
                  <span className="an-card__hint">{t('analytics.pareto.hint', { previous: previousLabel })}</span>
                </header>
                <div className={`an-card__body${timeline.loading ? ' is-stale' : ''}`}>
                  {b === null ? <ChartSkeleton height={280} /> : <ParetoPanel rows={pRows} previousTotal={b.previous.total} onDrill={drillCause} />}
                </div>
              </section>
            </>
          )}

          <div className="an-grid">
            <SlaCard sla={b?.sla ?? null} showStores={!storeId} loading={timeline.loading} error={null} onRetry={timeline.reload} />
            <PlatformResponseCard
              report={platform.data}
              group={effectivePlatformGroup}
              onGroupChange={setPlatformGroup}
              timeGroup={group}
              firstDay={period?.firstDay ?? ''}
              lastDay={period?.lastDay ?? ''}
              storeId={storeId}
              storeById={storeById}
              userById={userById}
              loading={platform.loading}
              error={platform.error}
              onRetry={platform.reload}
            />
          </div>
          <div className="an-grid">
            <CsatCard report={csatData} loading={csat.loading} error={csat.error} onRetry={csat.reload} />
            <ConversionCard report={conv} group={effectiveConvGroup} onGroupChange={setConvGroup} loading={conversion.loading} error={conversion.error} onRetry={conversion.reload} storeChosen={storeId !== ''} />
          </div>
          <ReplyGuardCard
            totalsRows={guardTotals.data?.items ?? null}
            rows={guardRows.data?.groupBy === effectiveGuardGroup ? guardRows.data.items : null}
            group={effectiveGuardGroup}
            onGroupChange={setGuardGroup}
            timeGroup={group}
            firstDay={period?.firstDay ?? ''}
            lastDay={period?.lastDay ?? ''}
            storeId={storeId}
            storeById={storeById}
            userById={userById}
            loading={guardTotals.loading || guardRows.loading}
            error={guardTotals.error ?? guardRows.error}
            onRetry={() => {
              guardTotals.reload();
              guardRows.reload();
            }}
          />
        </>
      )}

      {drill && period && (
        <Drilldown
          key={JSON.stringify(drill.target)}
          query={drillQuery({ storeId, type }, period, drill.target)}
          cause={drill.target.cause ?? null}
          context={drill.context}
          expected={drill.expected}
          storeById={storeById}
          onClose={() => setDrill(null)}
        />
      )}
    </main>
  );
}

const barHeight = (rows: number) => Math.max(120, rows * 32 + 36);
