import { useTranslation } from 'react-i18next';
import type { ReportContent } from '@kefu/contracts';
import { per1000Label } from '../analytics/guard-rows';
import { changeTone, per1000Change } from './report-format';

type ReplyGuard = NonNullable<ReportContent['replyGuard']>;

/** The reply guard in a client report: violations per 1,000 replies against the period before, and the counts behind it. */
export function ReplyGuardBlock({ guard }: { guard: ReplyGuard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const change = per1000Change(guard.per1000, guard.previousPer1000, lang);
  // Fewer violations are good news.
  const tone = changeTone(guard.per1000, guard.previousPer1000, false);
  return (
    <div className="service-block report-guard" data-testid="report-guard">
      <h3 className="service-block__title">{t('reports.page.guard.title')}</h3>
      <dl className="service-block__rows report-guard__rows">
        <div className="service-row">
          <dt>{t('reports.page.guard.per1000')}</dt>
          <dd>
            <strong data-testid="report-guard-per1000">{per1000Label(guard.per1000, lang)}</strong>
            {change && <span className={`rchange${tone ? ` rchange--${tone}` : ''}`}>{change}</span>}
            {guard.previousPer1000 !== null && <span className="service-row__previous">{t('reports.page.previous', { value: per1000Label(guard.previousPer1000, lang) })}</span>}
          </dd>
        </div>
        <div className="service-row">
          <dt>{t('reports.page.guard.replies')}</dt>
          <dd>
            <strong data-testid="report-guard-replies">{guard.replies}</strong>
          </dd>
        </div>
        <div className="service-row">
          <dt>{t('reports.page.guard.blocked')}</dt>
          <dd>
            <strong data-testid="report-guard-blocked">{guard.blocked}</strong>
          </dd>
        </div>
        <div className="service-row">
          <dt>{t('reports.page.guard.overrides')}</dt>
          <dd>
            <strong data-testid="report-guard-overrides">{guard.overrides}</strong>
          </dd>
        </div>
      </dl>
    </div>
  );
}
