import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientReport } from '@kefu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ReportDocument } from './ReportDocument';
import { ReportExportActions, ReportLoadError, useReportTitle } from './ReportActions';
import type { ApiRequestError } from '../api/client';
import { apiErrorOf, toApiError } from '../data/errors';
import { deskApi } from '../api/desk-api';
import { errorText } from '../api/error-text';
import { REPORTS_HREF, reportHref } from '../routing/links';
import { Icon } from '../ui/icons';
import { useMe } from '../desk/me';
import { useDirectory } from '../desk/useDirectory';
import { useStores } from '../desk/useStores';

const REPORT = 'report';

/**
 * One client report as a printable page: the three findings first, then tickets by type and cause
 * against the period before, the SKUs behind each cause, carriers, and how well the desk served.
 * Print gives an A4 document without the console around it.
 */
/** #/reports/<id>. */
export function ReportRoute() {
  const { reportId } = useParams({ from: '/reports/$reportId' });
  return <ReportPage key={reportId} reportId={reportId} />;
}

export function ReportPage({ reportId }: { reportId: string }) {
  const me = useMe();
  const { storeById } = useStores();
  const { userById } = useDirectory(me);
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: [REPORT, reportId], queryFn: () => deskApi.report(reportId) });
  const [regenerating, setRegenerating] = useState(false);
  const [regenError, setRegenError] = useState<ApiRequestError | null>(null);

  const report: ClientReport | null = query.data ?? null;
  const error = apiErrorOf(query.error);

  useReportTitle(report);

  const regenerate = async () => {
    if (!report) return;
    setRegenerating(true);
    setRegenError(null);
    try {
      const fresh = await deskApi.generateReport(report.storeId, report.period, report.periodStart);
      if (fresh.id !== reportId) window.location.hash = reportHref(fresh.id);
      else client.setQueryData([REPORT, reportId], fresh);
    } catch (err) {
      setRegenError(toApiError(err));
    } finally {
      setRegenerating(false);
    }
  };

  return (
    <main className="report-screen" data-testid="report-screen" aria-busy={!report && !error}>
      <div className="report-toolbar no-print">
        <a href={REPORTS_HREF} className="button button--ghost report-toolbar__back">
          <Icon name="arrowLeft" size={14} />
          {t('reports.page.back')}
        </a>
        <div className="report-toolbar__actions">
          {regenError && (
            <span className="report-toolbar__error" role="alert">
              <Icon name="alert" size={13} /> {errorText(regenError, t)}
            </span>
          )}
          <button type="button" className="button" disabled={!report || regenerating} onClick={() => void regenerate()} data-testid="report-regenerate" title={t('reports.page.regenerateHint')}>
            {regenerating ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" size={14} />}
            {t('reports.page.regenerate')}
          </button>
          <ReportExportActions reportId={reportId} report={report} audience="agency" />
        </div>
      </div>

      {error ? (
        <ReportLoadError error={error} onRetry={() => void query.refetch()} audience="agency" />
      ) : !report ? (
        <div className="board-empty" role="status">
          <span className="spinner" aria-hidden="true" />
          <p>{t('reports.page.loading')}</p>
        </div>
      ) : (
        <ReportDocument report={report} store={storeById.get(report.storeId)} generatedBy={report.generatedById ? (userById.get(report.generatedById)?.name ?? t('reports.someone')) : null} />
      )}
    </main>
  );
}
