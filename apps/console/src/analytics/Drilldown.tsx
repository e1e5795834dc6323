import { type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compareTickets, type Store } from '@kefu/contracts';
import { useLiveListQuery } from '../data/live-list';
import { deskApi, type DrillQuery } from '../api/desk-api';
import { conversationHref } from '../routing/links';
import { TicketStatusPill, TicketTypeLabel } from '../tickets/TicketBits';
import { formatDateTime } from '../time/format';
import { PlatformBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { Modal } from '../ui/Modal';
import { causeColor, type CauseKey } from './cause-colors';
import { causeName } from './labels';
import { useDownload } from './download';


interface Props {
  query: Omit<DrillQuery, 'limit' | 'cursor'>;
  cause: CauseKey | null;
  /** What the figure was: "Week of Mar 2 · Store A", "Corrected by agents". */
  context: string;
  /** How many tickets the chart counted there (the list may differ if tickets changed since). */
  expected: number | null;
  storeById: Map<string, Store>;
  onClose(): void;
}

/**
 * The tickets behind one figure, in a side sheet over the charts: number, store, opened, type,
 * status, cause and order; each row opens its conversation with the ticket in view. Esc closes it.
 */
export function Drilldown({ query, cause, context, expected, storeById, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const list = useLiveListQuery(['drilldown', query], (opts) => deskApi.analyticsTickets({ ...query, ...opts }), compareTickets);
  const csv = useDownload();

  const title = cause ? causeName(cause, t) : t('analytics.drill.allTickets');
  return (
    <Modal labelledBy="drilldown-title" describedBy="drilldown-context" className="modal--drawer" testId="drilldown" onCancel={onClose}>
      <header className="drawer__header">
        <div className="drawer__heading">
          <h2 className="drawer__title" id="drilldown-title">
            {cause && <span className="swatch swatch--big" style={{ background: causeColor(cause) }} />}
            {title}
          </h2>
          <p className="drawer__context" id="drilldown-context">
            {context}
            {!list.loading && <span className="drawer__count"> · {t('analytics.drill.count', { count: list.total })}</span>}
          </p>
        </div>
        <button
          type="button"
          className="button button--small"
          disabled={csv.busy !== null || list.total === 0}
          onClick={() => void csv.download('tickets', () => deskApi.analyticsTicketsCsv(query), 'tickets.csv')}
          data-testid="drilldown-csv"
        >
          {csv.busy ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={14} />}
          {t('analytics.export.csv')}
        </button>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('analytics.drill.close')} title={`${t('analytics.drill.close')} (Esc)`} data-testid="drilldown-close">
          <Icon name="x" size={16} />
        </button>
      </header>
      {csv.error && (
        <div className="inline-error" role="alert">
          <Icon name="alert" size={14} />
          <span>{t('analytics.export.error', { message: csv.error.message })}</span>
        </div>
      )}
      {expected !== null && !list.loading && !list.error && list.total !== expected && <p className="drawer__note">{t('analytics.drill.changed', { count: expected })}</p>}

      <div className="drawer__table" role="table" aria-labelledby="drilldown-title" aria-busy={list.loading}>
        <div className="drill-row drill-row--head" role="row">
          <span role="columnheader">{t('analytics.drill.columns.ticket')}</span>
          <span role="columnheader">{t('analytics.drill.columns.store')}</span>
          <span role="columnheader">{t('analytics.drill.columns.created')}</span>
          <span role="columnheader">{t('analytics.drill.columns.status')}</span>
          <span role="columnheader">{t('analytics.drill.columns.cause')}</span>
          <span role="columnheader">{t('analytics.drill.columns.order')}</span>
        </div>
        <div className="drawer__body" role="rowgroup" tabIndex={-1} data-autofocus="" onKeyDown={moveBetweenRows} data-testid="drilldown-list">
          {list.error && (
            <div className="inline-error" role="alert">
              <Icon name="alert" size={14} />
              <span>{list.error.statusCode === 0 ? t('errors.network') : t('analytics.loadError', { message: list.error.message })}</span>
            </div>
          )}
          {list.loading && (
            <div className="board-empty" role="status">
              <span className="spinner" aria-hidden="true" />
            </div>
          )}
          {!list.loading && !list.error && list.items.length === 0 && (
            <div className="board-empty">
              <Icon name="ticket" size={26} strokeWidth={1.4} />
              <p className="board-empty__title">{t('analytics.drill.empty')}</p>
              <p className="board-empty__hint">{t('analytics.drill.emptyHint')}</p>
            </div>
          )}
          {!list.loading &&
            list.items.map((ticket) => {
              const store = storeById.get(ticket.storeId);
              return (
                <a key={ticket.id} href={conversationHref(ticket.conversationId, ticket.id)} className="drill-row" role="row" data-testid="drilldown-row" data-ticket-id={ticket.id} data-drill-row="">
                  <span role="cell" className="drill-row__id">
                    <span className="mono drill-row__number">{ticket.number}</span>
                    <TicketTypeLabel type={ticket.type} />
                  </span>
                  <span role="cell" className="drill-row__store">
                    {store && <PlatformBadge platform={store.platform} />}
                    <span className="drill-row__ellipsis">{store?.name ?? '…'}</span>
                  </span>
                  <span role="cell" className="drill-row__created">
                    {formatDateTime(ticket.createdAt, i18n.language)}
                  </span>
                  <span role="cell">
                    <TicketStatusPill status={ticket.status} />
                  </span>
                  <span role="cell" className="drill-row__cause">
                    {ticket.cause ? (
                      <>
                        <span className="swatch" style={{ background: causeColor(ticket.cause) }} />
                        <span className="drill-row__ellipsis">{causeName(ticket.cause, t)}</span>
                      </>
                    ) : (
                      <span className="an-muted">{t('analytics.unclassified')}</span>
                    )}
                  </span>
                  <span role="cell" className="mono drill-row__order">
                    {ticket.orderRef ?? '—'}
                  </span>
                </a>
              );
            })}
          {!list.loading && list.hasMore && (
            <button
              type="button"
              className="load-more"
              disabled={list.loadingMore}
              onClick={() => void list.loadMore()}
            >
              {list.loadingMore ? t('analytics.drill.loadingMore') : t('analytics.drill.loadMore', { count: list.total - list.items.length })}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}

/** ↓/↑ (or j/k) move between the rows; Enter opens the focused one (it is a link). */
function moveBetweenRows(e: KeyboardEvent<HTMLElement>) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const delta = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
  if (delta === 0) return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-drill-row]')];
  if (rows.length === 0) return;
  e.preventDefault();
  const row = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-drill-row]') : null;
  const next = row ? rows[rows.indexOf(row) + delta] : delta === 1 ? rows[0] : rows.at(-1);
  next?.focus();
}
