import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientReportSummary, Store } from '@kefu/contracts';
import { formatDateTime, formatRelative } from '../time/format';
import { PlatformBadge } from '../ui/badges';
import { reportDates } from './report-format';

/** The cells of a report in a list (the agency's and the brand's): store, period, dates, tickets, when made (and `madeBy`). */
export function ReportRowCells({ report: r, store, now, madeBy }: { report: ClientReportSummary; store: Store | undefined; now: number; madeBy?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span role="cell" className="ticket-row__store">
        {store && <PlatformBadge platform={store.platform} />}
        <span className="ticket-row__store-name report-row__store">{r.storeName}</span>
      </span>
      <span role="cell">
        <span className={`period-tag period-tag--${r.period}`}>{t(`reports.periods.${r.period}`)}</span>
      </span>
      <span role="cell" className="report-row__dates">
        {reportDates(r.periodStart, r.periodEnd, i18n.language)}
      </span>
      <span role="cell" className="num report-row__total">
        {r.ticketTotal}
      </span>
      <span role="cell" className="report-row__generated" title={formatDateTime(r.generatedAt, i18n.language)}>
        {formatRelative(r.generatedAt, now, t, i18n.language)}
        {madeBy}
      </span>
    </>
  );
}
