import { useTranslation } from 'react-i18next';
import type { ResponseRate, SlaSummary, Store } from '@kefu/contracts';
import type { ApiRequestError } from '../api/client';
import { Card } from '../analytics/ServiceCards';
import { shareLabel } from '../analytics/chart-data';
import { rateLabel, secondsLabel } from '../sla/format';
import { combineRates, limitLabel, percentileLabels, promiseScale, standing, type CombinedRate } from './service-figures';

interface Fetched<T> {
  data: T | null;
  loading: boolean;
  error: ApiRequestError | null;
  reload(): void;
}

/** First-response P50/P90 and the share answered later than promised, drawn against the promise. */
export function PromiseCard({ summary, promiseSeconds, uniform, showStores }: { summary: Fetched<SlaSummary>; promiseSeconds: number; uniform: boolean; showStores: boolean }) {
  const { t } = useTranslation();
  const o = summary.data?.overall;
  const decided = o ? o.met + o.breached : 0;
  const limit = limitLabel(promiseSeconds, t);
  const p50 = o?.firstResponseP50 ?? null;
  const p90 = o?.firstResponseP90 ?? null;
  const scale = promiseScale(p50, p90, promiseSeconds);
  const stores = (summary.data?.byStore ?? []).filter((s) => s.met + s.breached > 0);
  return (
    <Card
      title={t('portal.overview.promise.title')}
      hint={uniform ? t('portal.overview.promise.hint', { limit }) : t('portal.overview.promise.hintMixed', { limit })}
      testId="portal-promise"
      loading={summary.loading}
      error={summary.error}
      onRetry={summary.reload}
    >
      <div className="an-stats">
        <Figure label={t('portal.overview.promise.p50')} value={secondsLabel(p50, t)} tone={standing(p50, promiseSeconds)} testId="portal-p50" />
        <Figure label={t('portal.overview.promise.p90')} value={secondsLabel(p90, t)} tone={standing(p90, promiseSeconds)} testId="portal-p90" />
        <Figure
          label={t('portal.overview.promise.breachRate')}
          value={o ? rateLabel(o.breachRate, t) : '—'}
          tone={o?.breachRate ? 'over' : o && decided > 0 ? 'within' : null}
          sub={o ? t('portal.overview.promise.breachedOf', { breached: o.breached, decided }) : undefined}
          testId="portal-breach-rate"
        />
      </div>
      {o && decided === 0 ? (
        <p className="an-empty">{t('portal.overview.promise.empty')}</p>
      ) : (
        <div className="promise-scale" role="img" aria-label={t('portal.overview.promise.scaleLabel', { p50: secondsLabel(p50, t), p90: secondsLabel(p90, t), limit })}>
          <div className="promise-scale__labels promise-scale__labels--top" aria-hidden="true">
            <span className="promise-scale__label promise-scale__label--promise" style={labelAt(scale.promise)}>
              {t('portal.overview.promise.mark', { limit })}
            </span>
          </div>
          <div className="promise-scale__track">
            {scale.p90 !== null && <span className={`promise-scale__bar promise-scale__bar--${standing(p90, promiseSeconds)}`} style={{ width: `${scale.p90}%` }} />}
            {scale.p50 !== null && <span className={`promise-scale__bar promise-scale__bar--p50 promise-scale__bar--${standing(p50, promiseSeconds)}`} style={{ width: `${scale.p50}%` }} />}
            <span className="promise-scale__mark" style={{ left: `${scale.promise}%` }} />
          </div>
          <div className="promise-scale__labels" aria-hidden="true">
            {percentileLabels(scale).map((l) => (
              <span key={l.text} className="promise-scale__label" style={labelAt(l.at)}>
                {l.text}
              </span>
            ))}
          </div>
        </div>
      )}
      {showStores && stores.length > 1 && (
        <table className="an-table an-table--compact" aria-label={t('portal.overview.byStore')}>
          <thead>
            <tr>
              <th scope="col">{t('portal.overview.columns.store')}</th>
              <th scope="col" className="num">
                {t('portal.overview.columns.p50')}
              </th>
              <th scope="col" className="num">
                {t('portal.overview.columns.p90')}
              </th>
              <th scope="col" className="num">
                {t('portal.overview.columns.breachRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
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
      )}
    </Card>
  );
}

/** The platforms' response rate today and this week (each store's platform limit), overall and by store. */
export function PlatformRateCard({ today, week, stores, showStores }: { today: Fetched<ResponseRate>; week: Fetched<ResponseRate>; stores: Store[]; showStores: boolean }) {
  const { t } = useTranslation();
  const limits = new Set(stores.map((s) => s.responseRule.seconds));
  const limit = limits.size === 1 ? limitLabel([...limits][0], t) : null;
  const todayRate = today.data ? combineRates(today.data.items) : null;
  const weekRate = week.data ? combineRates(week.data.items) : null;
  const byStore = (rate: Fetched<ResponseRate>, storeId: string) => rate.data?.items.find((i) => i.storeId === storeId) ?? null;
  return (
    <Card
      title={t('portal.overview.rate.title')}
      hint={limit ? t('portal.overview.rate.hint', { limit }) : t('portal.overview.rate.hintMixed')}
      testId="portal-rate"
      loading={today.loading || week.loading}
      error={today.error ?? week.error}
      onRetry={() => {
        today.reload();
        week.reload();
      }}
    >
      <div className="an-stats an-stats--two">
        <RateFigure label={t('portal.overview.rate.today')} rate={todayRate} testId="portal-rate-today" />
        <RateFigure label={t('portal.overview.rate.week')} rate={weekRate} testId="portal-rate-week" />
      </div>
      {showStores && stores.length > 1 && (
        <table className="an-table an-table--compact" aria-label={t('portal.overview.byStore')}>
          <thead>
            <tr>
              <th scope="col">{t('portal.overview.columns.store')}</th>
              <th scope="col" className="num">
                {t('portal.overview.columns.today')}
              </th>
              <th scope="col" className="num">
                {t('portal.overview.columns.week')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="an-table__name" title={s.name}>
                  {s.name} <span className="an-muted">· {limitLabel(s.responseRule.seconds, t)}</span>
                </th>
                <td className="num">{shareLabel(byStore(today, s.id)?.rate ?? null)}</td>
                <td className="num">{shareLabel(byStore(week, s.id)?.rate ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

/** A label on the scale, kept inside it at the ends. */
const labelAt = (at: number) => ({ left: `${at}%`, transform: at < 6 ? 'none' : at > 94 ? 'translateX(-100%)' : 'translateX(-50%)' });

const TONES = { within: 'green', near: 'amber', over: 'red' } as const;

function Figure({ label, value, sub, tone, testId }: { label: string; value: string; sub?: string; tone: keyof typeof TONES | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className={`an-stat${tone ? ` an-stat--${TONES[tone]}` : ''}`} data-testid={testId} data-standing={tone ?? undefined}>
      <div className="an-stat__label">{label}</div>
      <div className="an-stat__value">{value}</div>
      <div className="an-stat__sub">{sub ?? (tone ? t(`portal.overview.promise.${tone}`) : '\u00a0')}</div>
    </div>
  );
}

function RateFigure({ label, rate, testId }: { label: string; rate: CombinedRate | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="an-stat" data-testid={testId} data-eligible={rate?.eligible} data-met={rate?.met}>
      <div className="an-stat__label">{label}</div>
      <div className="an-stat__value">{shareLabel(rate?.rate ?? null)}</div>
      <div className="an-stat__sub">
        {!rate ? '\u00a0' : rate.eligible === 0 ? t('portal.overview.rate.none') : t('portal.overview.rate.metOf', { met: rate.met, eligible: rate.eligible })}
        {rate && rate.pending > 0 && <> · {t('portal.overview.rate.pending', { count: rate.pending })}</>}
      </div>
    </div>
  );
}
