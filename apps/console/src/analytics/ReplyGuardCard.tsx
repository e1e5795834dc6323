import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import type { GuardStatsRow, Store, User } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { useGuardRules } from '../guard/useGuardRules';
import { bucketLabel } from './chart-data';
import { guardBuckets, guardRanking, guardTotals, per1000Label, type GuardGroup, type GuardRow } from './guard-rows';
import type { TimeGroup } from './period';
import { Card, Stat } from './ServiceCards';
import { ViolationRateChart } from './ViolationRateChart';

interface Props {
  /** The period's rows by store (its totals: every reply and event is in one store's row). */
  totalsRows: GuardStatsRow[] | null;
  /** The rows of `group`, null while the first answer loads. */
  rows: GuardStatsRow[] | null;
  group: GuardGroup;
  onGroupChange(group: GuardGroup): void;
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

/** The reply guard of the period: violations (blocked attempts, overrides) per 1,000 replies, overall and by store, agent, rule or over time. */
export const ReplyGuardCard = memo(function ReplyGuardCard(props: Props) {
  const { totalsRows, rows, group, onGroupChange, timeGroup, firstDay, lastDay, storeId, storeById, userById, loading, error, onRetry } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rules = useGuardRules().data;
  const ruleById = useMemo(() => new Map((rules ?? []).map((r) => [r.id, r])), [rules]);
  const totals = totalsRows ? guardTotals(totalsRows) : null;
  const nameOf = useCallback(
    (key: string) => {
      if (group === 'store') return storeById.get(key)?.name ?? '…';
      if (group === 'agent') return userById.get(key)?.name ?? t('sla.unknownAgent');
      const rule = ruleById.get(key);
      return rule ? (lang.startsWith('zh') ? rule.message.zh : rule.message.en) : t('guard.review.unknownRule', { id: key.slice(0, 8) });
    },
    [group, storeById, userById, ruleById, lang, t],
  );
  const ranked = useMemo(() => (rows && group !== 'day' ? guardRanking(rows, group) : []), [rows, group]);
  const maxRate = Math.max(1, ...ranked.map((r) => r.per1000 ?? 0));
  const buckets = useMemo(() => (rows && group === 'day' ? guardBuckets(rows, timeGroup, firstDay, lastDay) : []), [rows, group, timeGroup, firstDay, lastDay]);
  const axisLabel = useCallback((id: string) => bucketLabel(id, timeGroup, lang), [timeGroup, lang]);
  const tipLabel = useCallback(
    (id: string) => (timeGroup === 'week' ? t('analytics.weekOf', { date: bucketLabel(id, 'week', lang, true) }) : bucketLabel(id, timeGroup, lang, true)),
    [timeGroup, lang, t],
  );
  const groups: { key: GuardGroup; label: string }[] = [
    { key: 'store', label: t('analytics.guard.groups.store') },
    { key: 'agent', label: t('analytics.guard.groups.agent') },
    { key: 'rule', label: t('analytics.guard.groups.rule') },
    { key: 'day', label: t(`analytics.groups.${timeGroup}`) },
  ];
  const nothing = totals !== null && totals.per1000 === null;

  return (
    <Card
      title={t('analytics.guard.title')}
      hint={t('analytics.guard.hint')}
      testId="reply-guard-card"
      loading={loading}
      error={error}
      onRetry={onRetry}
      tools={
        <SegmentedChoice label={t('analytics.guard.by')} options={groups} value={group} onChange={onGroupChange} disabled={(k) => k === 'store' && storeId !== ''} testId="guard-by" />
      }
    >
      <div className="an-stats">
        <Stat
          label={t('analytics.guard.per1000')}
          value={totals ? per1000Label(totals.per1000, lang) : '—'}
          tone={totals?.violations ? 'amber' : undefined}
          sub={totals ? t('analytics.guard.replies', { count: totals.replies }) : undefined}
          testId="guard-per1000"
        />
        <Stat label={t('analytics.guard.blocked')} value={totals ? String(totals.blocked) : '—'} tone={totals?.blocked ? 'red' : undefined} sub={t('analytics.guard.blockedHint')} testId="guard-blocked" />
        <Stat label={t('analytics.guard.overrides')} value={totals ? String(totals.overrides) : '—'} tone={totals?.overrides ? 'amber' : undefined} sub={t('analytics.guard.overridesHint')} testId="guard-overrides" />
      </div>
      {nothing ? (
        <p className="an-empty">{t('analytics.guard.empty')}</p>
      ) : group === 'day' ? (
        rows && <ViolationRateChart buckets={buckets} axisLabel={axisLabel} tooltipLabel={tipLabel} height={170} label={t('analytics.guard.chartLabel', { by: t(`analytics.groups.${timeGroup}`) })} />
      ) : rows && ranked.length === 0 ? (
        <p className="an-empty">{t('analytics.guard.noViolations')}</p>
      ) : (
        <>
          <div className={`rate-table-wrap${ranked.length > 7 ? ' rate-table-wrap--scroll' : ''}`}>
            <table className="an-table an-table--compact rate-table">
              <thead>
                <tr>
                  <th scope="col">{t(`analytics.guard.groups.${group}`)}</th>
                  <th scope="col">{t('analytics.guard.per1000Short')}</th>
                  <th scope="col" className="num">
                    {t('analytics.guard.blocked')}
                  </th>
                  <th scope="col" className="num">
                    {t('analytics.guard.overrides')}
                  </th>
                  {group !== 'rule' && (
                    <th scope="col" className="num">
                      {t('analytics.guard.repliesShort')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {ranked.map((r) => {
                  const action = group === 'rule' ? ruleById.get(r.key)?.action : undefined;
                  return <GuardTableRow key={r.key} row={r} name={nameOf(r.key)} sub={action && t(`guard.${action}`)} maxRate={maxRate} showReplies={group !== 'rule'} />;
                })}
              </tbody>
            </table>
          </div>
          {group === 'rule' && ranked.length > 0 && <p className="an-muted an-note">{t('analytics.guard.ruleNote')}</p>}
        </>
      )}
    </Card>
  );
});

/** A store, agent or rule (with its action under it): its rate as a bar against the highest row's, and its counts. */
function GuardTableRow({ row, name, sub, maxRate, showReplies }: { row: GuardRow; name: string; sub?: string; maxRate: number; showReplies: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-testid="guard-rate-row" data-key={row.key} title={t('analytics.guard.rowTitle', { blocked: row.blocked, overrides: row.overrides, replies: row.replies })}>
      <th scope="row" className="an-table__name">
        <span className="rate-table__name" title={name}>
          {name}
        </span>
        {sub && <span className="rate-table__rule">{sub}</span>}
      </th>
      <td>
        <div className="rate-table__rate">
          <span className={`rate-bar rate-bar--${row.violations ? 'amber' : 'none'}`} aria-hidden="true">
            <span className="rate-bar__fill" style={{ width: `${((row.per1000 ?? 0) / maxRate) * 100}%` }} />
          </span>
          <span className={`rate-table__value${row.violations ? ' is-amber' : ''}`} data-testid="guard-rate-value">
            {per1000Label(row.per1000, i18n.language)}
          </span>
        </div>
      </td>
      <td className={`num${row.blocked ? ' is-bad' : ''}`}>{row.blocked}</td>
      <td className="num">{row.overrides}</td>
      {showReplies && <td className="num">{row.replies}</td>}
    </tr>
  );
}
