import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, type CauseBreakdown, type CauseCode, type TicketType } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { rateLabel } from '../sla/format';
import { serverNow } from '../time/server-clock';
import { Icon } from '../ui/icons';
import { causeColor, type CauseKey } from './cause-colors';
import { CauseChart } from './CauseChart';
import { causeName } from './labels';
import { bucketLabel, causeOrder, dayRange, direction, paretoRows, shareLabel, skuRows, stackKeys, storeRows, timeRows, type CauseRow } from './chart-data';
import { Drilldown } from './Drilldown';
import { useDownload } from './download';
import { ANALYTICS_FILTER_ID, drillQuery, loadAnalyticsFilters, periodQuery, saveAnalyticsFilters, type AnalyticsFilters, type DrillTarget } from './filters';
import { ParetoPanel, TrendBadge } from './ParetoPanel';
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
import { useShortcuts } from '../keyboard/shortcuts';
import { StoreSelect } from '../ui/StoreSelect';
import { useMe } from '../desk/me';
import { useStores } from '../desk/useStores';

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
  const userId = useMe().id;
  const { stores, storesLoaded, storeById } = useStores();
  // `/` goes to the filter bar.
  useShortcuts({ '/': () => document.getElementById(ANALYTICS_FILTER_ID)?.focus() });
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [filters, setFilters] = useState<AnalyticsFilters>(() => loadAnalyticsFilters(userId));
  const [convGroup, setConvGroup] = useState<QualityGroup>('store');
  const [drill, setDrill] = useState<Drill | null>(null);
  const csv = useDownload();

  useEffect(() => saveAnalyticsFilters(userId, filters), [userId, filters]);

  // A remembered store the user no longer sees is dropped once the stores are known.
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

  const change = (patch: Partial<AnalyticsFilters>) => setFilters((f) => ({ ...f, ...patch }));
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

          <div className="an-grid an-grid--three">
            <SlaCard sla={b?.sla ?? null} showStores={!storeId} loading={timeline.loading} error={null} onRetry={timeline.reload} />
            <CsatCard report={csatData} loading={csat.loading} error={csat.error} onRetry={csat.reload} />
            <ConversionCard report={conv} group={effectiveConvGroup} onGroupChange={setConvGroup} loading={conversion.loading} error={conversion.error} onRetry={conversion.reload} storeChosen={storeId !== ''} />
          </div>
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

/** The colour of each cause, named in the console's language; the same on every chart. */
function CauseLegend({ keys }: { keys: CauseKey[] }) {
  const { t } = useTranslation();
  if (keys.length === 0) return null;
  return (
    <ul className="legend" aria-label={t('analytics.legend')} data-testid="cause-legend">
      {keys.map((k) => (
        <li key={k} className="legend__item" data-cause={k}>
          <span className="swatch" style={{ background: causeColor(k) }} />
          {causeName(k, t)}
        </li>
      ))}
    </ul>
  );
}

function ChartSkeleton({ height }: { height: number }) {
  return <div className="chart-skeleton skeleton" style={{ height }} aria-hidden="true" />;
}

interface HeadlineProps {
  breakdown: CauseBreakdown | null;
  loading: boolean;
  csat: number | null;
  conversion: number | null;
  onAll(): void;
  onUnclassified(): void;
  onCorrected(): void;
  onTopCause(cause: CauseCode): void;
}

/** The period at a glance; the ticket figures open their tickets. */
function Headline({ breakdown: b, loading, csat, conversion, onAll, onUnclassified, onCorrected, onTopCause }: HeadlineProps) {
  const { t } = useTranslation();
  const totalChange = b && b.previous.total > 0 ? (b.total - b.previous.total) / b.previous.total : null;
  const top = b?.pareto.find((p) => p.count > 0) ?? null;
  return (
    <section className={`an-figures${loading ? ' is-stale' : ''}`} aria-label={t('analytics.figures.label')} data-testid="analytics-figures">
      <FigureButton label={t('analytics.figures.tickets')} value={b ? String(b.total) : '—'} onClick={b && b.total > 0 ? onAll : undefined} testId="figure-tickets">
        {b && (
          <span className="an-figure__sub">
            <TrendBadge row={{ direction: direction(b.total, b.previous.total), change: totalChange, previousCount: b.previous.total }} /> {t('analytics.figures.vsPrevious', { count: b.previous.total })}
          </span>
        )}
      </FigureButton>
      <FigureButton label={t('analytics.figures.topCause')} value={top ? shareLabel(top.share) : '—'} onClick={top ? () => onTopCause(top.cause) : undefined} testId="figure-top-cause">
        {top && (
          <span className="an-figure__sub an-figure__cause">
            <span className="swatch" style={{ background: causeColor(top.cause) }} />
            {causeName(top.cause, t)}
          </span>
        )}
      </FigureButton>
      <FigureButton
        label={t('analytics.figures.corrected')}
        value={b ? shareLabel(b.corrections.share) : '—'}
        onClick={b && b.corrections.corrected > 0 ? onCorrected : undefined}
        testId="figure-corrected"
        title={t('analytics.figures.correctedHint')}
      >
        {b && <span className="an-figure__sub">{t('analytics.figures.correctedOf', { corrected: b.corrections.corrected, auto: b.corrections.auto })}</span>}
      </FigureButton>
      <FigureButton label={t('analytics.figures.unclassified')} value={b ? String(b.unclassified) : '—'} onClick={b && b.unclassified > 0 ? onUnclassified : undefined} testId="figure-unclassified" tone={b?.unclassified ? 'amber' : undefined}>
        {b && <span className="an-figure__sub">{b.unclassified ? t('analytics.figures.unclassifiedHint') : t('analytics.figures.allClassified')}</span>}
      </FigureButton>
      <FigureButton label={t('analytics.figures.breachRate')} value={b ? rateLabel(b.sla.overall.breachRate, t) : '—'} tone={b?.sla.overall.breachRate ? 'red' : undefined} testId="figure-breach-rate">
        {b && (
          <span className="an-figure__sub">
            {b.sla.overall.met + b.sla.overall.breached === 0 ? t('analytics.figures.noReplies') : t('analytics.figures.breachedOf', { breached: b.sla.overall.breached, decided: b.sla.overall.met + b.sla.overall.breached })}
          </span>
        )}
      </FigureButton>
      <FigureButton label={t('analytics.figures.csat')} value={csat === null ? '—' : csat.toFixed(2)} testId="figure-csat">
        <span className="an-figure__sub">{t('analytics.csat.outOf')}</span>
      </FigureButton>
      <FigureButton label={t('analytics.figures.conversion')} value={shareLabel(conversion)} testId="figure-conversion">
        <span className="an-figure__sub">{t('analytics.figures.conversionHint')}</span>
      </FigureButton>
    </section>
  );
}

function FigureButton({ label, value, onClick, testId, tone, title, children }: { label: string; value: string; onClick?: () => void; testId: string; tone?: 'red' | 'amber'; title?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const body = (
    <>
      <span className="an-figure__label">{label}</span>
      <span className="an-figure__value">{value}</span>
      {children}
    </>
  );
  const className = `an-figure${tone ? ` an-figure--${tone}` : ''}`;
  return onClick ? (
    <button type="button" className={`${className} an-figure--link`} onClick={onClick} data-testid={testId} title={title ?? t('analytics.figures.open')}>
      {body}
    </button>
  ) : (
    <div className={className} data-testid={testId} title={title}>
      {body}
    </div>
  );
}

/** No ticket in the period: say so, and offer the ways out. */
function EmptyPeriod(props: { preset: PeriodPreset; storeName?: string; typeName?: string; onWiderPeriod(): void; onAllStores(): void; onAllTypes(): void }) {
  const { t } = useTranslation();
  return (
    <section className="an-card an-empty-period" data-testid="analytics-empty">
      <Icon name="barChart" size={30} strokeWidth={1.4} />
      <p className="board-empty__title">{t('analytics.empty.title')}</p>
      <p className="board-empty__hint">{t('analytics.empty.hint')}</p>
      <div className="an-empty-period__actions">
        {props.preset !== 'last90' && (
          <button type="button" className="button button--small" onClick={props.onWiderPeriod}>
            {t('analytics.empty.last90')}
          </button>
        )}
        {props.storeName && (
          <button type="button" className="button button--small" onClick={props.onAllStores}>
            {t('analytics.empty.allStores')}
          </button>
        )}
        {props.typeName && (
          <button type="button" className="button button--small" onClick={props.onAllTypes}>
            {t('analytics.empty.allTypes')}
          </button>
        )}
      </div>
    </section>
  );
}
