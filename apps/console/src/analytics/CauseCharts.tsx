import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CauseCode, Store } from '@kefu/contracts';
import type { CauseKey } from './cause-colors';
import { CauseChart } from './CauseChart';
import { bucketLabel, causeOrder, paretoRows, skuRows, stackKeys, storeRows, timeRows, type CauseRow } from './chart-data';
import { CauseLegend, ChartSkeleton } from './ChartStates';
import { drillContext, type Drill } from './filters';
import { ParetoPanel } from './ParetoPanel';
import { Card } from './ServiceCards';
import { TOP_SKUS, type CauseFigures } from './useCauseFigures';
import type { TimeGroup } from './period';

interface Props {
  figures: CauseFigures;
  /** The grouping asked for (the chart shows the one of the answer on screen until the new one arrives). */
  group: TimeGroup;
  storeId: string;
  storeName: string | undefined;
  typeName: string | undefined;
  storeById: Map<string, Store>;
  previousLabel: string;
  onDrill(drill: Drill): void;
  /** A cause over the whole period (the Pareto's rows). */
  onDrillCause(cause: CauseCode): void;
}

const barHeight = (rows: number) => Math.max(120, rows * 32 + 36);

/** The tickets by root cause: over time, by store, by SKU, and the Pareto of causes; every bar opens its tickets. */
export function CauseCharts({ figures, group, storeId, storeName, typeName, storeById, previousLabel, onDrill, onDrillCause }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { timeline, byStore, bySku } = figures;

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
  const timeAxis = useCallback((r: CauseRow) => bucketLabel(r.id, shownGroup, lang), [shownGroup, lang]);
  const timeTip = useCallback(
    (r: CauseRow) => (shownGroup === 'week' ? t('analytics.weekOf', { date: bucketLabel(r.id, 'week', lang, true) }) : bucketLabel(r.id, shownGroup, lang, true)),
    [shownGroup, lang, t],
  );
  const plainName = useCallback((r: CauseRow) => r.name, []);
  const skuTip = useCallback((r: CauseRow) => (r.sub ? `${r.name} · ${r.sub}` : r.name), []);

  const drillTime = useCallback(
    (row: CauseRow, cause: CauseKey) => onDrill({ target: { cause, scope: row.scope }, context: drillContext(timeTip(row), storeName, typeName), expected: row.values[cause] ?? 0 }),
    [onDrill, timeTip, storeName, typeName],
  );
  const drillStore = useCallback(
    (row: CauseRow, cause: CauseKey) => onDrill({ target: { cause, scope: row.scope }, context: drillContext(row.name, typeName), expected: row.values[cause] ?? 0 }),
    [onDrill, typeName],
  );
  const drillSku = useCallback(
    (row: CauseRow, cause: CauseKey) => {
      const store = row.scope.storeId ? storeById.get(row.scope.storeId)?.name : undefined;
      onDrill({ target: { cause, scope: row.scope }, context: drillContext(skuTip(row), store, typeName), expected: row.values[cause] ?? 0 });
    },
    [onDrill, skuTip, storeById, typeName],
  );

  return (
    <>
      <Card title={t('analytics.timeline.title')} hint={t(`analytics.timeline.hint.${shownGroup}`)} testId="timeline-card" loading={timeline.loading} error={timeline.error} onRetry={timeline.reload}>
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
          {b === null ? <ChartSkeleton height={280} /> : <ParetoPanel rows={pRows} previousTotal={b.previous.total} onDrill={onDrillCause} />}
        </div>
      </section>
    </>
  );
}
