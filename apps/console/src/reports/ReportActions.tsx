import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientReport } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import type { ApiRequestError } from '../api/client';
import { errorText } from '../api/error-text';
import { useDownload } from '../analytics/download';
import { Icon } from '../ui/icons';
import { reportDates } from './report-format';

/** The agency's report page and the brand's portal show the same report: their words and test ids differ. */
export type ReportAudience = 'agency' | 'brand';

const WORDS = {
  agency: { csv: 'reports.page.csv', print: 'reports.page.print', notFound: 'reports.page.notFound', retry: 'reports.retry', testId: 'report' },
  brand: { csv: 'portal.reports.csv', print: 'portal.reports.print', notFound: 'portal.reports.notFound', retry: 'portal.retry', testId: 'portal-report' },
} as const;

/** While a report is open, the page title names it: the printed file's default name comes from the title. */
export function useReportTitle(report: ClientReport | null): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    if (!report) return;
    const before = document.title;
    document.title = `${report.content.storeName} · ${t(`reports.periods.${report.period}`)} · ${reportDates(report.periodStart, report.periodEnd, i18n.language)}`;
    return () => {
      document.title = before;
    };
  }, [report, t, i18n.language]);
}

/** CSV (in the reader's language) and print, with the download's error beside them. */
export function ReportExportActions({ reportId, report, audience }: { reportId: string; report: ClientReport | null; audience: ReportAudience }) {
  const { t, i18n } = useTranslation();
  const csv = useDownload();
  const w = WORDS[audience];
  return (
    <>
      {csv.error && (
        <span className="report-toolbar__error" role="alert">
          <Icon name="alert" size={13} /> {errorText(csv.error, t)}
        </span>
      )}
      <button type="button" className="button" disabled={!report || csv.busy !== null} onClick={() => void csv.download('report', () => deskApi.reportCsv(reportId, i18n.language), 'report.csv')} data-testid={`${w.testId}-csv`}>
        {csv.busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
        {t(w.csv)}
      </button>
      <button type="button" className="button button--primary" disabled={!report} onClick={() => window.print()} data-testid={`${w.testId}-print`}>
        <Icon name="printer" size={14} />
        {t(w.print)}
      </button>
    </>
  );
}

/** A report that could not be loaded: gone (or not the reader's), or an error to retry, in the reader's words. */
export function ReportLoadError({ error, onRetry, audience }: { error: ApiRequestError; onRetry(): void; audience: ReportAudience }) {
  const { t } = useTranslation();
  const w = WORDS[audience];
  const gone = error.statusCode === 404;
  return (
    <div className="board__forbidden" role="alert">
      <Icon name={gone ? 'fileText' : 'alert'} size={22} />
      <p>{gone ? t(w.notFound) : errorText(error, t)}</p>
      {!gone && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t(w.retry)}
        </button>
      )}
    </div>
  );
}
