import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import type { CauseBreakdown, ConversionReport, CsatReport } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { errorText } from '../api/error-text';
import { rateLabel, secondsLabel } from '../sla/format';
import { Icon } from '../ui/icons';
import { causeColor } from './cause-colors';
import { causeName } from './labels';
import { bucketLabel, ratingRows, shareLabel } from './chart-data';

export type QualityGroup = 'store' | 'agent' | 'day';

interface CardProps {
  title: string;
  hint?: string;
  testId: string;
  loading: boolean;
  error: ApiRequestError | null;
  onRetry(): void;
  tools?: ReactNode;
  children: ReactNode;
}

/** A card of the analysts' desk: title, tools, and its body dimmed while fresh figures load. */
export function Card({ title, hint, testId, loading, error, onRetry, tools, children }: CardProps) {
  const { t } = useTranslation();
  return (
    <section className={`an-card${loading ? ' is-loading' : ''}`} data-testid={testId} aria-busy={loading} aria-label={title}>
      <header className="an-card__header">
        <h2 className="an-card__title">{title}</h2>
        {hint && <span className="an-card__hint">{hint}</span>}
        {tools && <div className="an-card__tools">{tools}</div>}
      </header>
      {error && (
        <div className="inline-error" role="alert">
          <Icon name="alert" size={14} />
          <span>{error.statusCode === 0 ? t('errors.network') : t('analytics.loadError', { message: errorText(error, t) })}</span>
          <button type="button" className="link-button" onClick={onRetry}>
            {t('analytics.retry')}
          </button>
        </div>
      )}
      <div className="an-card__body">{children}</div>
    </section>
  );
}

/** A headline figure of a card. */
export function Stat({ label, value, sub, tone, testId }: { label: string; value: string; sub?: string; tone?: 'red' | 'green' | 'amber'; testId?: string }) {
  return (
    <div className={`an-stat${tone ? ` an-stat--${tone}` : ''}`} data-testid={testId}>
      <div className="an-stat__label">{label}</div>
      <div className="an-stat__value">{value}</div>
      {sub && <div className="an-stat__sub">{sub}</div>}
    </div>
  );
}

/** First-response times and breaches of the period (the SLA summary the breakdown carries). */
export const SlaCard = memo(function SlaCard({ sla, showStores, loading, error, onRetry }: { sla: CauseBreakdown['sla'] | null; showStores: boolean; loading: boolean; error: ApiRequestError | null; onRetry(): void }) {
  const { t } = useTranslation();
  const o = sla?.overall;
  const decided = o ? o.met + o.breached : 0;
  const stores = (sla?.byStore ?? []).filter((s) => s.met + s.breached > 0).sort((a, b) => (b.breachRate ?? 0) - (a.breachRate ?? 0));
  return (
    <Card title={t('analytics.sla.title')} hint={t('analytics.sla.hint')} testId="sla-card" loading={loading} error={error} onRetry={onRetry}>
      <div className="an-stats">
        <Stat label={t('analytics.sla.p50')} value={o ? secondsLabel(o.firstResponseP50, t) : '—'} />
        <Stat label={t('analytics.sla.p90')} value={o ? secondsLabel(o.firstResponseP90, t) : '—'} />
        <Stat label={t('analytics.sla.breachRate')} value={o ? rateLabel(o.breachRate, t) : '—'} tone={o?.breachRate ? 'red' : undefined} sub={o ? t('analytics.sla.breachedOf', { breached: o.breached, decided }) : undefined} />
      </div>
      {o && decided === 0 ? (
        <p className="an-empty">{t('analytics.sla.empty')}</p>
      ) : (
        showStores &&
        stores.length > 1 && (
          <table className="an-table an-table--compact">
            <thead>
              <tr>
                <th scope="col">{t('analytics.sla.store')}</th>
                <th scope="col" className="num">
                  P50
                </th>
                <th scope="col" className="num">
                  P90
                </th>
                <th scope="col" className="num">
                  {t('analytics.sla.breachRateShort')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stores.slice(0, 6).map((s) => (
                <tr key={s.storeId}>
                  <th scope="row" className="an-table__name" title={s.storeName}>
                    {s.storeName}
                  </th>
                  <td className="num">{secondsLabel(s.firstResponseP50, t)}</td>
                  <td className="num">{secondsLabel(s.firstResponseP90, t)}</td>
                  <td className={`num${s.breachRate ? ' is-bad' : ''}`}>{rateLabel(s.breachRate, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </Card>
  );
});

/** Customer satisfaction: average, response rate, the spread of ratings and what lay behind the low ones. */
export const CsatCard = memo(function CsatCard({ report, loading, error, onRetry }: { report: CsatReport | null; loading: boolean; error: ApiRequestError | null; onRetry(): void }) {
  const { t } = useTranslation();
  const o = report?.overall;
  const ratings = o ? ratingRows(o.distribution) : [];
  const low = (report?.lowRatingCauses ?? []).filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  return (
    <Card title={t('analytics.csat.title')} hint={t('analytics.csat.hint')} testId="csat-card" loading={loading} error={error} onRetry={onRetry}>
      <div className="an-stats">
        <Stat label={t('analytics.csat.average')} value={o?.average !== null && o?.average !== undefined ? o.average.toFixed(2) : '—'} sub={t('analytics.csat.outOf')} testId="csat-average" />
        <Stat label={t('analytics.csat.responseRate')} value={shareLabel(o?.responseRate ?? null)} sub={o ? t('analytics.csat.responses', { count: o.responses, sent: o.sent }) : undefined} />
        <Stat label={t('analytics.csat.satisfied')} value={shareLabel(o?.satisfiedShare ?? null)} sub={t('analytics.csat.satisfiedHint')} tone={o?.satisfiedShare !== null && o?.satisfiedShare !== undefined && o.satisfiedShare >= 0.8 ? 'green' : undefined} />
      </div>
      {o && o.responses === 0 ? (
        <p className="an-empty">{o.sent === 0 ? t('analytics.csat.emptyNoSurveys') : t('analytics.csat.emptyNoAnswers', { count: o.sent })}</p>
      ) : (
        o && (
          <div className="csat">
            <ul className="hbars" aria-label={t('analytics.csat.distribution')}>
              {ratings.map((r) => (
                <li key={r.rating} className="hbars__row">
                  <span className="hbars__label">{t('analytics.csat.stars', { count: r.rating })}</span>
                  <span className="hbars__track">
                    <span className={`hbars__fill hbars__fill--r${r.rating}`} style={{ width: `${r.share * 100}%` }} />
                  </span>
                  <span className="hbars__value">{r.count}</span>
                </li>
              ))}
            </ul>
            <div className="csat__low">
              <div className="an-subtitle">{t('analytics.csat.lowCauses')}</div>
              {low.length === 0 ? (
                <p className="an-muted">{t('analytics.csat.noLow')}</p>
              ) : (
                <ul className="cause-counts">
                  {low.slice(0, 5).map((c) => (
                    <li key={c.cause ?? 'none'}>
                      <span className="swatch" style={{ background: causeColor(c.cause ?? 'none') }} />
                      <span className="cause-counts__name">{c.cause ? causeName(c.cause, t) : t('analytics.csat.noTicket')}</span>
                      <span className="cause-counts__value">{c.count}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )
      )}
    </Card>
  );
});

interface ConversionProps {
  report: ConversionReport | null;
  group: QualityGroup;
  onGroupChange(group: QualityGroup): void;
  loading: boolean;
  error: ApiRequestError | null;
  onRetry(): void;
  /** One store is chosen: grouping by store says nothing. */
  storeChosen: boolean;
}

/** Pre-sale inquiries that became orders within 48 h: overall, and by store, agent or day. */
export const ConversionCard = memo(function ConversionCard({ report, group, onGroupChange, loading, error, onRetry, storeChosen }: ConversionProps) {
  const { t, i18n } = useTranslation();
  const o = report?.overall;
  const items = (report?.groupBy === group ? report.items : []).filter((i) => i.presale > 0);
  const rows =
    group === 'day'
      ? [...items].sort((a, b) => (a.day ?? '').localeCompare(b.day ?? ''))
      : [...items].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || b.presale - a.presale);
  const nameOf = (i: (typeof items)[number]) =>
    group === 'day' ? bucketLabel(i.day ?? '', 'day', i18n.language, true) : group === 'store' ? (i.storeName ?? '—') : (i.agentName ?? t('analytics.conversion.noAgent'));
  const best = Math.max(0.0001, ...rows.map((r) => r.rate ?? 0));
  return (
    <Card
      title={t('analytics.conversion.title')}
      hint={t('analytics.conversion.hint')}
      testId="conversion-card"
      loading={loading}
      error={error}
      onRetry={onRetry}
      tools={
        <SegmentedChoice
          label={t('analytics.conversion.by')}
          options={(['store', 'agent', 'day'] as const).map((g) => ({ key: g, label: t(`analytics.conversion.groups.${g}`) }))}
          value={group}
          onChange={onGroupChange}
          disabled={(g) => g === 'store' && storeChosen}
          testId="conversion-by"
        />
      }
    >
      <div className="an-stats">
        <Stat label={t('analytics.conversion.rate')} value={shareLabel(o?.rate ?? null)} tone={o?.rate ? 'green' : undefined} testId="conversion-rate" />
        <Stat label={t('analytics.conversion.presale')} value={o ? String(o.presale) : '—'} sub={o ? t('analytics.conversion.converted', { count: o.converted }) : undefined} />
        <Stat label={t('analytics.conversion.p50')} value={o ? secondsLabel(o.firstResponseP50, t) : '—'} sub={t('analytics.conversion.p50Hint')} />
      </div>
      {o && o.presale === 0 ? (
        <p className="an-empty">{t('analytics.conversion.empty')}</p>
      ) : (
        <ul className={`hbars hbars--rates${rows.length > 8 ? ' hbars--scroll' : ''}`} aria-label={t('analytics.conversion.byLabel', { by: t(`analytics.conversion.groups.${group}`) })}>
          {rows.map((r, i) => (
            <li key={`${r.storeId ?? ''}/${r.agentId ?? ''}/${r.day ?? ''}/${i}`} className="hbars__row" title={t('analytics.conversion.rowTitle', { converted: r.converted, presale: r.presale })}>
              <span className="hbars__label">{nameOf(r)}</span>
              <span className="hbars__track">
                <span className="hbars__fill hbars__fill--accent" style={{ width: `${((r.rate ?? 0) / best) * 100}%` }} />
              </span>
              <span className="hbars__value">
                {shareLabel(r.rate)} <span className="an-muted">({r.converted}/{r.presale})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
});
