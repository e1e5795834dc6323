import { useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useStores } from '../desk/useStores';
import { useListShortcuts } from '../keyboard/shortcuts';
import { useReportList } from '../reports/useReports';
import { useNowMinute } from '../time/clock';
import { ListState } from '../ui/ListState';
import { ReportRowCells } from '../reports/ReportRowCells';
import { useAgencyName } from './PortalLayout';

/** #/portal/reports — the agency's weekly and monthly reports of the brand's stores, newest first. */
export function PortalReports() {
  const { t } = useTranslation();
  const agency = useAgencyName();
  const now = useNowMinute();
  const { storeById } = useStores();
  const list = useReportList({ storeId: '', period: '' });
  const bodyRef = useRef<HTMLDivElement>(null);
  useListShortcuts(bodyRef, '[data-report-row]', () => null);

  return (
    <main className="tickets reports portal-screen" data-testid="portal-reports" aria-labelledby="portal-reports-title">
      <header className="board__header">
        <div className="board__heading">
          <h1 className="board__title" id="portal-reports-title">
            {t('portal.reports.title')}
          </h1>
          <p className="board__subtitle">{t('portal.reports.subtitle', { agency })}</p>
        </div>
      </header>
      <div className="tickets__table" role="table" aria-labelledby="portal-reports-title" aria-busy={list.loading}>
        <div className="report-row report-row--head" role="row">
          <span role="columnheader">{t('portal.reports.columns.store')}</span>
          <span role="columnheader">{t('portal.reports.columns.period')}</span>
          <span role="columnheader">{t('portal.reports.columns.dates')}</span>
          <span role="columnheader" className="num">
            {t('portal.reports.columns.tickets')}
          </span>
          <span role="columnheader">{t('portal.reports.columns.generated')}</span>
        </div>
        <div className="tickets__body" role="rowgroup" ref={bodyRef} data-testid="portal-report-list">
          <ListState
            error={list.error}
            loading={list.loading}
            empty={list.items.length === 0}
            errorText={(message) => t('portal.loadError', { message })}
            onRetry={list.reload}
            retryLabel={t('portal.retry')}
            icon="fileText"
            emptyTitle={t('portal.reports.empty')}
            emptyHint={t('portal.reports.emptyHint')}
          />
          {!list.loading &&
            list.items.map((r) => {
              const store = storeById.get(r.storeId);
              return (
                <Link key={r.id} to="/portal/reports/$reportId" params={{ reportId: r.id }} className="report-row ticket-row" role="row" data-testid="portal-report-row" data-report-id={r.id} data-store-id={r.storeId} data-report-row="">
                  <ReportRowCells report={r} store={store} now={now} />
                </Link>
              );
            })}
          {!list.loading && list.hasMore && (
            <button type="button" className="load-more" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
              {t('portal.reports.loadMore')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}
