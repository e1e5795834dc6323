import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CauseCode } from '@kefu/contracts';
import { Icon } from '../ui/icons';
import { useShortcuts } from '../keyboard/shortcuts';
import { useMe } from '../desk/me';
import { useDirectory } from '../desk/useDirectory';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsHeader, ExportError } from './AnalyticsHeader';
import { CauseCharts } from './CauseCharts';
import { dayRange } from './chart-data';
import { EmptyPeriod } from './ChartStates';
import { Drilldown } from './Drilldown';
import { useDownload } from './download';
import { ANALYTICS_FILTER_ID, drillContext, drillQuery, type Drill, type DrillTarget } from './filters';
import { Headline } from './Headline';
import { addDays } from './period';
import { QualityCards } from './QualityCards';
import { useAnalyticsFilters } from './useAnalyticsFilters';
import { useCauseFigures } from './useCauseFigures';
import { useQualityFigures } from './useQualityFigures';

/**
 * The analysts' desk: after-sales tickets by root cause over time, by store and by SKU, the Pareto
 * of causes with their trend, and how well the desk served (SLA, CSAT, conversion). Every bar
 * opens the tickets behind it.
 */
export function AnalyticsScreen() {
  // `/` goes to the filter bar.
  useShortcuts({ '/': () => document.getElementById(ANALYTICS_FILTER_ID)?.focus() });
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const filterState = useAnalyticsFilters();
  const { storesLoaded, storeById, filters, storeId, type, period, group, change, choosePreset } = filterState;
  const causes = useCauseFigures({ period, storesLoaded, storeId, type, group });
  const quality = useQualityFigures({ period, storesLoaded, storeId });
  const { userById } = useDirectory(useMe());
  const [drill, setDrill] = useState<Drill | null>(null);
  const csv = useDownload();

  const b = causes.timeline.data?.breakdown ?? null;
  const storeName = storeId ? storeById.get(storeId)?.name : undefined;
  const typeName = type ? t(`tickets.types.${type}`) : undefined;
  const periodLabel = period ? dayRange(period.firstDay, period.lastDay, lang) : '';
  const previousLabel = period ? dayRange(addDays(period.firstDay, -period.days), addDays(period.firstDay, -1), lang) : '';
  const drillCause = useCallback(
    (cause: CauseCode) => setDrill({ target: { cause, scope: {} }, context: drillContext(periodLabel, storeName, typeName), expected: null }),
    [periodLabel, storeName, typeName],
  );
  const drillAll = (target: Omit<DrillTarget, 'scope'>, label: string, expected: number) =>
    setDrill({ target: { ...target, scope: {} }, context: drillContext(label, periodLabel, storeName, typeName), expected });

  const forbidden = causes.timeline.error?.statusCode === 403;
  const empty = b !== null && !causes.timeline.loading && b.total === 0;

  return (
    <main className="board analytics" data-testid="analytics-screen" aria-labelledby="analytics-title">
      <AnalyticsHeader
        caption={period ? t('analytics.periodCaption', { period: periodLabel, previous: previousLabel }) : null}
        base={causes.base}
        timelineQuery={causes.timelineQuery}
        csv={csv}
        onRefresh={() => {
          causes.reload();
          quality.reload();
        }}
      />
      <AnalyticsFilterBar state={filterState} />
      <ExportError csv={csv} />

      {forbidden ? (
        <div className="board__forbidden" role="alert">
          <Icon name="lock" size={22} />
          <p>{t('analytics.forbidden')}</p>
        </div>
      ) : (
        <>
          <Headline
            breakdown={b}
            loading={causes.timeline.loading}
            csat={quality.csat.data?.overall.average ?? null}
            conversion={quality.conversion.data?.overall.rate ?? null}
            onAll={() => b && drillAll({}, t('analytics.figures.tickets'), b.total)}
            onUnclassified={() => b && drillAll({ cause: 'none' }, '', b.unclassified)}
            onCorrected={() => b && drillAll({ corrections: 'corrected' }, t('analytics.figures.corrected'), b.corrections.corrected)}
            onTopCause={drillCause}
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
            <CauseCharts
              figures={causes}
              group={group}
              storeId={storeId}
              storeName={storeName}
              typeName={typeName}
              storeById={storeById}
              previousLabel={previousLabel}
              onDrill={setDrill}
              onDrillCause={drillCause}
            />
          )}
          <QualityCards
            figures={quality}
            sla={b?.sla ?? null}
            slaLoading={causes.timeline.loading}
            onSlaRetry={causes.timeline.reload}
            timeGroup={group}
            firstDay={period?.firstDay ?? ''}
            lastDay={period?.lastDay ?? ''}
            storeId={storeId}
            storeById={storeById}
            userById={userById}
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
