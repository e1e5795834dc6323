import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { apiErrorOf } from '../data/errors';
import { serverNow } from '../time/server-clock';
import { ListState } from '../ui/ListState';
import { StoreSelect } from '../ui/StoreSelect';
import { guardApi } from './guard-api';
import { countRows, periodStart, REVIEW_GROUPS, REVIEW_PERIODS, scoreSummary, totals, type ReviewGroup, type ReviewSearch } from './review-figures';
import { ReviewEvents } from './ReviewEvents';
import { ReviewSample } from './ReviewSample';
import { ReviewScores } from './ReviewScores';
import { useReviewNames, type ReviewNames } from './useReviewNames';

/** The filters as the panels take them: ids ('' none) and the period's start. */
export interface ReviewFilters {
  storeId: string;
  agentId: string;
  ruleId: string;
  kind: '' | 'blocked' | 'override';
  from: string;
}

/**
 * Supervisors and admins: what the guard recorded (blocked attempts, overrides with their reasons) per
 * agent, store and rule, the violations per 1,000 replies, and conversations drawn at random to score.
 */
export function ReviewScreen() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/guard/review' });
  const navigate = useNavigate({ from: '/guard/review' });
  const names = useReviewNames();
  const days = search.days ?? 7;
  const by: ReviewGroup = search.by ?? 'agent';
  // The period runs to now; its start is fixed while the screen is open so the queries keep their keys.
  const [openedAt] = useState(serverNow);
  const filters: ReviewFilters = { storeId: search.store ?? '', agentId: search.agent ?? '', ruleId: search.rule ?? '', kind: search.kind ?? '', from: periodStart(days, openedAt) };
  const change = (patch: Partial<ReviewSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const storeQuery = filters.storeId || undefined;

  const byStore = useQuery({ queryKey: ['guardStats', 'store', filters.from, storeQuery], queryFn: ({ signal }) => guardApi.stats({ groupBy: 'store', from: filters.from, storeId: storeQuery }, signal) });
  const grouped = useQuery({ queryKey: ['guardStats', by, filters.from, storeQuery], queryFn: ({ signal }) => guardApi.stats({ groupBy: by, from: filters.from, storeId: storeQuery }, signal) });
  const scores = useQuery({
    queryKey: ['guardScores', filters.from, storeQuery, filters.agentId],
    queryFn: ({ signal }) => guardApi.scores({ from: filters.from, storeId: storeQuery, agentId: filters.agentId || undefined, limit: 200 }, signal),
  });
  const sum = totals(byStore.data?.items ?? []);
  const summary = scoreSummary(scores.data?.items ?? []);
  const filtered = !!(filters.storeId || filters.agentId || filters.ruleId || filters.kind);

  return (
    <main className="board guard-review-screen" data-testid="guard-review-screen">
      <header className="board__header">
        <div>
          <h1 className="board__title">{t('guard.review.title')}</h1>
          <p className="board__subtitle">{t('guard.review.subtitle')}</p>
        </div>
      </header>

      <div className="review-filters" role="group" aria-label={t('guard.review.filters.period')}>
        <select className="select" aria-label={t('guard.review.filters.period')} data-testid="review-period" value={days} onChange={(e) => change({ days: Number(e.target.value) as ReviewSearch['days'] })}>
          {REVIEW_PERIODS.map((d) => (
            <option key={d} value={d}>
              {t(`guard.review.periods.d${d}`)}
            </option>
          ))}
        </select>
        <StoreSelect stores={names.stores} value={filters.storeId} onChange={(id) => change({ store: id || undefined })} allLabel={t('guard.review.filters.allStores')} label={t('guard.review.filters.store')} testId="review-store" />
        <select className="select" aria-label={t('guard.review.filters.agent')} data-testid="review-agent" value={filters.agentId} onChange={(e) => change({ agent: e.target.value || undefined })}>
          <option value="">{t('guard.review.filters.allAgents')}</option>
          {names.agents.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <select className="select" aria-label={t('guard.review.filters.rule')} data-testid="review-rule" value={filters.ruleId} onChange={(e) => change({ rule: e.target.value || undefined })}>
          <option value="">{t('guard.review.filters.allRules')}</option>
          {names.rules.map((r) => (
            <option key={r.id} value={r.id}>
              {names.ruleLabel(r.id)}
            </option>
          ))}
        </select>
        <select className="select" aria-label={t('guard.review.filters.kind')} data-testid="review-kind" value={filters.kind} onChange={(e) => change({ kind: (e.target.value || undefined) as ReviewSearch['kind'] })}>
          <option value="">{t('guard.review.filters.allKinds')}</option>
          <option value="blocked">{t('guard.review.kinds.blocked')}</option>
          <option value="override">{t('guard.review.kinds.override')}</option>
        </select>
        {filtered && (
          <button type="button" className="button button--ghost button--small" onClick={() => change({ store: undefined, agent: undefined, rule: undefined, kind: undefined })}>
            {t('guard.review.filters.clear')}
          </button>
        )}
      </div>

      <section className="figures review-figures" aria-label={t('guard.review.counts.title')}>
        <Figure label={t('guard.review.figures.replies')} value={sum.replies} />
        <Figure label={t('guard.review.figures.blocked')} value={sum.blocked} tone={sum.blocked ? 'red' : undefined} testId="review-blocked" />
        <Figure label={t('guard.review.figures.overrides')} value={sum.overrides} tone={sum.overrides ? 'amber' : undefined} testId="review-overrides" />
        <Figure label={t('guard.review.figures.per1000')} value={sum.per1000} testId="review-per1000" />
        <Figure label={t('guard.review.figures.average')} value={summary.average ?? '—'} sub={t('guard.review.figures.scored', { count: summary.count })} />
      </section>

      <div className="review-grid">
        <section className="board-panel" data-testid="review-counts">
          <header className="board-panel__header">
            <h2 className="board-panel__title">{t('guard.review.counts.title')}</h2>
            <div className="review-groups" role="radiogroup" aria-label={t('guard.review.counts.by')}>
              {REVIEW_GROUPS.map((g) => (
                <button key={g} type="button" role="radio" aria-checked={by === g} className={`review-group${by === g ? ' is-active' : ''}`} onClick={() => change({ by: g })}>
                  {t(`guard.review.counts.groups.${g}`)}
                </button>
              ))}
            </div>
          </header>
          <div className="board-panel__body">
            <CountsTable rows={countRows(grouped.data?.items ?? [], by)} by={by} names={names} filters={filters} onPick={change} />
            <ListState
              error={apiErrorOf(grouped.error)}
              loading={grouped.isPending}
              empty={grouped.data?.items.length === 0}
              errorText={(message) => t('guard.review.loadError', { message })}
              onRetry={() => void grouped.refetch()}
              retryLabel={t('guard.review.retry')}
              icon="shield"
              emptyTitle={t('guard.review.counts.empty')}
            />
          </div>
        </section>
        <ReviewEvents filters={filters} names={names} />
        <ReviewSample storeId={filters.storeId} names={names} />
        <ReviewScores scores={scores.data?.items ?? null} summary={summary} error={scores.error ? errorText(scores.error, t) : null} names={names} />
      </div>
    </main>
  );
}

function Figure({ label, value, sub, tone, testId }: { label: string; value: number | string; sub?: string; tone?: 'red' | 'amber'; testId?: string }) {
  return (
    <div className={`figure${tone ? ` figure--${tone}` : ''}`} data-testid={testId}>
      <div className="figure__label">{label}</div>
      <div className="figure__value">{value}</div>
      {sub && <div className="review-figure__sub">{sub}</div>}
    </div>
  );
}

/** Violations per agent, store, rule or day; a row narrows the events to it (days have no filter). */
function CountsTable({ rows, by, names, filters, onPick }: { rows: ReturnType<typeof countRows>; by: ReviewGroup; names: ReviewNames; filters: ReviewFilters; onPick(patch: Partial<ReviewSearch>): void }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  const label = (key: string) => (by === 'agent' ? names.agentName(key) : by === 'store' ? names.storeName(key) : by === 'rule' ? names.ruleLabel(key) : key);
  const picked = (key: string) => (by === 'agent' ? filters.agentId : by === 'store' ? filters.storeId : by === 'rule' ? filters.ruleId : '') === key;
  const pick = (key: string) => {
    const value = picked(key) ? undefined : key;
    if (by === 'agent') onPick({ agent: value });
    else if (by === 'store') onPick({ store: value });
    else if (by === 'rule') onPick({ rule: value });
  };
  return (
    <table className="guard-table review-counts">
      <thead>
        <tr>
          <th>{t(`guard.review.counts.groups.${by}`)}</th>
          <th className="num">{t('guard.review.counts.replies')}</th>
          <th className="num">{t('guard.review.counts.blocked')}</th>
          <th className="num">{t('guard.review.counts.overrides')}</th>
          <th className="num">{t('guard.review.counts.per1000')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={picked(r.key) ? 'is-picked' : undefined} data-testid="review-count-row" data-key={r.key}>
            <td>
              {by === 'day' ? (
                label(r.key)
              ) : (
                <button type="button" className="link-button" aria-pressed={picked(r.key)} title={t('guard.review.counts.hint')} onClick={() => pick(r.key)}>
                  {label(r.key)}
                </button>
              )}
            </td>
            <td className="num">{r.replies}</td>
            <td className="num">{r.blocked}</td>
            <td className="num">{r.overrides}</td>
            <td className="num">
              <strong>{r.per1000}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
