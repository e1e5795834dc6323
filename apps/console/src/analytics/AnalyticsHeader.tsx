import { useTranslation } from 'react-i18next';
import { deskApi } from '../api/desk-api';
import { Icon } from '../ui/icons';
import type { useDownload } from './download';
import type { periodQuery } from './filters';
import type { TimeGroup } from './period';

interface Props {
  /** What the subtitle says the figures cover (null: no period chosen yet). */
  caption: string | null;
  /** The causes' query of the figures on screen (the exports download the same); null while there is none. */
  base: ReturnType<typeof periodQuery> | null;
  timelineQuery: (ReturnType<typeof periodQuery> & { groupBy: TimeGroup }) | null;
  csv: ReturnType<typeof useDownload>;
  onRefresh(): void;
}

/** The screen's title with the period it covers, the CSV exports and a refresh. */
export function AnalyticsHeader({ caption, base, timelineQuery, csv, onRefresh }: Props) {
  const { t } = useTranslation();
  return (
    <header className="board__header analytics__header">
      <div className="board__heading">
        <h1 className="board__title" id="analytics-title">
          {t('analytics.title')}
        </h1>
        <p className="board__subtitle" data-testid="analytics-period-label">
          {caption ?? t('analytics.choosePeriod')}
        </p>
      </div>
      <div className="board__tools">
        <button
          type="button"
          className="button"
          disabled={!timelineQuery || csv.busy !== null}
          onClick={() => void csv.download('causes', () => deskApi.causesCsv(timelineQuery!), 'causes.csv')}
          data-testid="analytics-export-causes"
          title={t('analytics.export.causesHint')}
        >
          {csv.busy === 'causes' ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
          {t('analytics.export.causes')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!base || csv.busy !== null}
          onClick={() => void csv.download('tickets', () => deskApi.analyticsTicketsCsv(base!), 'tickets.csv')}
          data-testid="analytics-export-tickets"
          title={t('analytics.export.ticketsHint')}
        >
          {csv.busy === 'tickets' ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
          {t('analytics.export.tickets')}
        </button>
        <button type="button" className="icon-button icon-button--bordered" onClick={onRefresh} title={t('analytics.refresh')} aria-label={t('analytics.refresh')}>
          <Icon name="refresh" size={15} />
        </button>
      </div>
    </header>
  );
}

/** A failed export, until dismissed. */
export function ExportError({ csv }: { csv: ReturnType<typeof useDownload> }) {
  const { t } = useTranslation();
  if (!csv.error) return null;
  return (
    <div className="inline-error an-banner" role="alert">
      <Icon name="alert" size={14} />
      <span>{csv.error.statusCode === 0 ? t('errors.network') : t('analytics.export.error', { message: csv.error.message })}</span>
      <button type="button" className="link-button" onClick={csv.clearError}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
