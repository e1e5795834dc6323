import { useEffect } from 'react';
import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deskApi } from '../api/desk-api';
import { errorText } from '../api/error-text';
import { useDownload } from '../analytics/download';
import { apiErrorOf } from '../data/errors';
import { useStores } from '../desk/useStores';
import { ReportDocument } from '../reports/ReportDocument';
import { reportDates } from '../reports/report-format';
import { Icon } from '../ui/icons';
import { ReportThread } from './ReportThread';

/** #/portal/reports/<id>. */
export function PortalReportRoute() {
  const { reportId } = useParams({ from: '/portal/reports/$reportId' });
  return <PortalReport key={reportId} reportId={reportId} />;
}

/** One report as the agency made it (printable alone), beside its thread with the agency. */
export function PortalReport({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const { storeById } = useStores();
  const query = useQuery({ queryKey: ['report', reportId], queryFn: ({ signal }) => deskApi.report(reportId, signal) });
  const csv = useDownload();
  const report = query.data ?? null;
  const error = apiErrorOf(query.error);

  useEffect(() => {
    if (!report) return;
    const before = document.title;
    // The printed file's default name comes from the title.
    document.title = `${report.content.storeName} · ${t(`reports.periods.${report.period}`)} · ${reportDates(report.periodStart, report.periodEnd, i18n.language)}`;
    return () => {
      document.title = before;
    };
  }, [report, t, i18n.language]);

  return (
    <div className="portal-report">
      <main className="report-screen" data-testid="portal-report" aria-busy={!report && !error}>
        <div className="report-toolbar no-print">
          <Link to="/portal/reports" className="button button--ghost report-toolbar__back">
            <Icon name="arrowLeft" size={14} />
            {t('portal.reports.back')}
          </Link>
          <div className="report-toolbar__actions">
            {csv.error && (
              <span className="report-toolbar__error" role="alert">
                <Icon name="alert" size={13} /> {errorText(csv.error, t)}
              </span>
            )}
            <button type="button" className="button" disabled={!report || csv.busy !== null} onClick={() => void csv.download('report', () => deskApi.reportCsv(reportId, i18n.language), 'report.csv')} data-testid="portal-report-csv">
              {csv.busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
              {t('portal.reports.csv')}
            </button>
            <button type="button" className="button button--primary" disabled={!report} onClick={() => window.print()} data-testid="portal-report-print">
              <Icon name="printer" size={14} />
              {t('portal.reports.print')}
            </button>
          </div>
        </div>
        {error ? (
          <div className="board__forbidden" role="alert">
            <Icon name={error.statusCode === 404 ? 'fileText' : 'alert'} size={22} />
            <p>{error.statusCode === 404 ? t('portal.reports.notFound') : errorText(error, t)}</p>
            {error.statusCode !== 404 && (
              <button type="button" className="button button--small" onClick={() => void query.refetch()}>
                {t('portal.retry')}
              </button>
            )}
          </div>
        ) : !report ? (
          <div className="board-empty" role="status">
            <span className="spinner" aria-hidden="true" />
            <p>{t('portal.reports.loading')}</p>
          </div>
        ) : (
          <ReportDocument report={report} store={storeById.get(report.storeId)} generatedBy={report.generatedById ? t('portal.reports.byAgency') : null} />
        )}
      </main>
      {!error && <ReportThread reportId={reportId} />}
    </div>
  );
}
