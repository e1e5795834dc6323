import { useTranslation } from 'react-i18next';
import type { ReportContent } from '@kefu/contracts';
import { bucketLabel } from '../analytics/chart-data';
import { addDays } from '../analytics/period';
import { rateBuckets } from '../analytics/response-rows';
import { responseRateLabel } from '../sla/format';
import { rateTone } from '../sla/platform-response';
import { pointsLabel, changeTone, dayTick } from './report-format';

type PlatformResponse = NonNullable<ReportContent['sla']['platformResponse']>;

/**
 * The platform's response rate in a client report: the period's rate against the one before, the rule, and
 * each day's rate as a small column (days without a decided wait left empty).
 */
export function PlatformResponseBlock({ platform, periodStart, periodEnd }: { platform: PlatformResponse; periodStart: string; periodEnd: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const days = rateBuckets(platform.byDay, 'day', periodStart, addDays(periodEnd, -1));
  const change = pointsLabel(platform.rate, platform.previousRate);
  const tone = changeTone(platform.rate, platform.previousRate, true);
  const labelled = days.length <= 10;
  return (
    <div className="report-platform" data-testid="report-platform">
      <div className="service-block">
        <h3 className="service-block__title">{t('reports.page.platform.kpi')}</h3>
        <dl className="service-block__rows">
          <div className="service-row">
            <dt>{t('reports.page.platform.rate')}</dt>
            <dd>
              <strong className={`report-platform__rate report-platform__rate--${rateTone(platform.rate) ?? 'none'}`} data-testid="report-platform-rate">
                {responseRateLabel(platform.rate, t)}
              </strong>
              {change && <span className={`rchange${tone ? ` rchange--${tone}` : ''}`}>{change}</span>}
              {platform.previousRate !== null && <span className="service-row__previous">{t('reports.page.previous', { value: responseRateLabel(platform.previousRate, t) })}</span>}
            </dd>
          </div>
          <div className="service-row">
            <dt>{t('reports.page.platform.rule')}</dt>
            <dd>
              <strong data-testid="report-platform-rule">{t('reports.page.platform.ruleValue', { seconds: platform.ruleSeconds })}</strong>
            </dd>
          </div>
          <div className="service-row">
            <dt>{t('reports.page.platform.met')}</dt>
            <dd>
              <strong data-testid="report-platform-met">{t('reports.page.platform.metOf', { met: platform.met, eligible: platform.eligible })}</strong>
            </dd>
          </div>
        </dl>
      </div>
      <figure className="day-rates">
        <figcaption className="day-rates__caption">{t('reports.page.platform.byDay')}</figcaption>
        <div className="day-rates__days" role="list" aria-label={t('reports.page.platform.byDay')}>
          {days.map((d) => {
            const dayTone = rateTone(d.rate);
            const name = bucketLabel(d.id, 'day', lang, true);
            const figures = d.eligible ? t('reports.page.platform.dayTitle', { rate: responseRateLabel(d.rate, t), met: d.met, eligible: d.eligible }) : t('reports.page.platform.noWait');
            return (
              <div key={d.id} className="day-rates__day" role="listitem" aria-label={`${name}: ${figures}`} title={`${name}: ${figures}`} data-testid="report-platform-day" data-day={d.id} data-rate={d.rate ?? ''}>
                {labelled && <span className="day-rates__value">{d.eligible ? responseRateLabel(d.rate, t) : ''}</span>}
                <span className="day-rates__track">
                  {dayTone && <span className={`day-rates__fill day-rates__fill--${dayTone}`} style={{ height: `${Math.max(2, (d.rate ?? 0) * 100)}%` }} />}
                </span>
                <span className="day-rates__tick">{dayTick(d.id, days.length, lang)}</span>
              </div>
            );
          })}
        </div>
      </figure>
    </div>
  );
}
