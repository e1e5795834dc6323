import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import type { ResponseRate, ResponseRateGroupBy, ResponseRateItem, Store, User } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { responseRateLabel, ruleLabel, secondsLabel } from '../sla/format';
import { rateTone, sortByRate } from '../sla/platform-response';
import { ResponseRateBar } from '../sla/ResponseRateBar';
import { bucketLabel } from './chart-data';
import type { TimeGroup } from './period';
import { rateBuckets, rateTotals } from './response-rows';
import { ResponseRateChart } from './ResponseRateChart';
import { Card, Stat } from './ServiceCards';

interface Props {
  report: ResponseRate | null;
  group: ResponseRateGroupBy;
  onGroupChange(group: ResponseRateGroupBy): void;
  /** The screen's buckets over time (the API answers by day; weeks and months are summed here). */
  timeGroup: TimeGroup;
  firstDay: string;
  lastDay: string;
  /** The store the screen is filtered on ('' = every store): grouping by store says nothing then. */
  storeId: string;
  storeById: Map<string, Store>;
  userById: Map<string, User>;
  loading: boolean;
  error: ApiRequestError | null;
  onRetry(): void;
}

/** The platforms' response rate of the period (each store's rule): overall, and by store, agent or over time. */
export const PlatformResponseCard = memo(function PlatformResponseCard(props: Props) {
  const { report, group, onGroupChange, timeGroup, firstDay, lastDay, storeId, storeById, userById, loading, error, onRetry } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const items = useMemo(() => (report?.groupBy === group ? report.items : []), [report, group]);
  const totals = report ? rateTotals(items) : null;
  const store = storeId ? storeById.get(storeId) : undefined;
  const tone = rateTone(totals?.rate ?? null);
  const nameOf = useCallback(
    (i: ResponseRateItem) =>
      group === 'store' ? (storeById.get(i.storeId ?? '')?.name ?? '…') : i.agentId ? (userById.get(i.agentId)?.name ?? t('sla.unknownAgent')) : t('analytics.platform.noAgent'),
    [group, storeById, userById, t],
  );
  const rows = useMemo(() => (group === 'day' ? [] : sortByRate(items.filter((i) => i.eligible + i.pending > 0), nameOf)), [group, items, nameOf]);
  const buckets = useMemo(() => (group === 'day' ? rateBuckets(items, timeGroup, firstDay, lastDay) : []), [group, items, timeGroup, firstDay, lastDay]);
  const axisLabel = useCallback((id: string) => bucketLabel(id, timeGroup, lang), [timeGroup, lang]);
  const tipLabel = useCallback(
    (id: string) => (timeGroup === 'week' ? t('analytics.weekOf', { date: bucketLabel(id, 'week', lang, true) }) : bucketLabel(id, timeGroup, lang, true)),
    [timeGroup, lang, t],
  );
  const groups: { key: ResponseRateGroupBy; label: string }[] = [
    { key: 'store', label: t('analytics.platform.groups.store') },
    { key: 'agent', label: t('analytics.platform.groups.agent') },
    { key: 'day', label: t(`analytics.groups.${timeGroup}`) },
  ];

  return (
    <Card
      title={t('analytics.platform.title')}
      hint={store ? ruleLabel(store.responseRule, t) : t('analytics.platform.hint')}
      testId="platform-response-card"
      loading={loading}
      error={error}
      onRetry={onRetry}
      tools={
        <SegmentedChoice label={t('analytics.platform.by')} options={groups} value={group} onChange={onGroupChange} disabled={(k) => k === 'store' && storeId !== ''} testId="platform-by" />
      }
    >
      <div className="an-stats">
        <Stat
          label={t('analytics.platform.rate')}
          value={totals ? responseRateLabel(totals.rate, t) : '—'}
          tone={tone ?? undefined}
          sub={totals && totals.eligible > 0 ? t('analytics.platform.metOf', { met: totals.met, eligible: totals.eligible }) : undefined}
          testId="platform-rate"
        />
        <Stat
          label={t('analytics.platform.missed')}
          value={totals ? String(totals.eligible - totals.met) : '—'}
          tone={totals && totals.eligible > totals.met ? 'red' : undefined}
          sub={t('analytics.platform.missedHint')}
          testId="platform-missed"
        />
        <Stat label={t('analytics.platform.pending')} value={totals ? String(totals.pending) : '—'} sub={t('analytics.platform.pendingHint')} testId="platform-pending" />
      </div>
      {totals && totals.eligible + totals.pending === 0 ? (
        <p className="an-empty">{t('analytics.platform.empty')}</p>
      ) : group === 'day' ? (
        report && <ResponseRateChart buckets={buckets} axisLabel={axisLabel} tooltipLabel={tipLabel} height={170} label={t('analytics.platform.chartLabel', { by: t(`analytics.groups.${timeGroup}`) })} />
      ) : (
        <div className={`rate-table-wrap${rows.length > 7 ? ' rate-table-wrap--scroll' : ''}`}>
          <table className="an-table an-table--compact rate-table">
            <thead>
              <tr>
                <th scope="col">{t(`analytics.platform.groups.${group}`)}</th>
                <th scope="col">{t('analytics.platform.rate')}</th>
                <th scope="col" className="num">
                  {t('analytics.platform.met')}
                </th>
                <th scope="col" className="num" title={t('analytics.platform.p50Hint')}>
                  {t('analytics.platform.p50')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const rowStore = group === 'store' ? storeById.get(r.storeId ?? '') : undefined;
                return (
                  <tr
                    key={`${r.storeId ?? ''}/${r.agentId ?? ''}`}
                    data-testid="platform-rate-row"
                    data-key={group === 'store' ? r.storeId : (r.agentId ?? 'none')}
                    data-tone={rateTone(r.rate) ?? 'none'}
                    title={t('analytics.platform.rowTitle', { met: r.met, eligible: r.eligible, pending: r.pending })}
                  >
                    <th scope="row" className="an-table__name">
                      <span className="rate-table__name" title={nameOf(r)}>
                        {nameOf(r)}
                      </span>
                      {rowStore && <span className="rate-table__rule">{ruleLabel(rowStore.responseRule, t)}</span>}
                    </th>
                    <td>
                      <div className="rate-table__rate">
                        <ResponseRateBar rate={r.rate} />
                        <span className={`rate-table__value${rateTone(r.rate) ? ` is-${rateTone(r.rate)}` : ''}`} data-testid="platform-rate-value">
                          {responseRateLabel(r.rate, t)}
                        </span>
                      </div>
                    </td>
                    <td className="num">
                      {r.met}/{r.eligible}
                    </td>
                    <td className="num">{secondsLabel(r.responseP50, t)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
});
