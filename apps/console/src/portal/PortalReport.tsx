import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deskApi } from '../api/desk-api';
import { apiErrorOf } from '../data/errors';
import { useStores } from '../desk/useStores';
import { ReportDocument } from '../reports/ReportDocument';
import { ReportExportActions, ReportLoadError, useReportTitle } from '../reports/ReportActions';
import { Icon } from '../ui/icons';
import { ReportThread } from './ReportThread';

/** #/portal/reports/<id>. */
export function PortalReportRoute() {
  const { reportId } = useParams({ from: '/portal/reports/$reportId' });
  return <PortalReport key={reportId} reportId={reportId} />;
}

/** One report as the agency made it (printable alone), beside its thread with the agency. */
export function PortalReport({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const { storeById } = useStores();
  const query = useQuery({ queryKey: ['report', reportId], queryFn: ({ signal }) => deskApi.report(reportId, signal) });
  const report = query.data ?? null;
  const error = apiErrorOf(query.error);

  useReportTitle(report);

  return (
    <div className="portal-report">
      <main className="report-screen" data-testid="portal-report" aria-busy={!report && !error}>
        <div className="report-toolbar no-print">
          <Link to="/portal/reports" className="button button--ghost report-toolbar__back">
            <Icon name="arrowLeft" size={14} />
            {t('portal.reports.back')}
          </Link>
          <div className="report-toolbar__actions">
            <ReportExportActions reportId={reportId} report={report} audience="brand" />
          </div>
        </div>
        {error ? (
          <ReportLoadError error={error} onRetry={() => void query.refetch()} audience="brand" />
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
