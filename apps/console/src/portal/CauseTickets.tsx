import type { KeyboardEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { compareTickets, type CauseCode, type Store } from '@kefu/contracts';
import { deskApi, type DrillQuery } from '../api/desk-api';
import { causeColor } from '../analytics/cause-colors';
import { causeName } from '../analytics/labels';
import { useLiveListQuery } from '../data/live-list';
import { focusRow } from '../keyboard/shortcuts';
import { TicketStatusPill, TicketTypeLabel } from '../tickets/TicketBits';
import { formatDateTime } from '../time/format';
import { PlatformBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { Modal } from '../ui/Modal';

/**
 * The tickets behind one cause of the breakdown, in a side sheet: each opens its conversation in the portal (the
 * analysts' drill-down opens the agents' inbox, which is not the brand's). ↓/↑ move, Enter opens, Esc closes.
 */
export function CauseTickets({ query, cause, storeById, onClose }: { query: Omit<DrillQuery, 'limit' | 'cursor' | 'cause'>; cause: CauseCode; storeById: Map<string, Store>; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const list = useLiveListQuery(['portalCauseTickets', query, cause], (opts) => deskApi.analyticsTickets({ ...query, cause, ...opts }), compareTickets);
  const move = (e: KeyboardEvent<HTMLElement>) => {
    const delta = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
    if (delta === 0 || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    focusRow(e.currentTarget, '[data-drill-row]', delta);
  };
  return (
    <Modal labelledBy="cause-tickets-title" className="modal--drawer" testId="portal-cause-tickets" onCancel={onClose}>
      <header className="drawer__header">
        <div className="drawer__heading">
          <h2 className="drawer__title" id="cause-tickets-title">
            <span className="swatch swatch--big" style={{ background: causeColor(cause) }} />
            {t('portal.overview.drill.title', { cause: causeName(cause, t) })}
          </h2>
          {!list.loading && <p className="drawer__context">{t('portal.overview.drill.count', { count: list.total })}</p>}
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('portal.overview.drill.close')} title={`${t('portal.overview.drill.close')} (Esc)`}>
          <Icon name="x" size={16} />
        </button>
      </header>
      <div className="drawer__table" role="table" aria-labelledby="cause-tickets-title" aria-busy={list.loading}>
        <div className="drill-row drill-row--head" role="row">
          <span role="columnheader">{t('portal.overview.drill.columns.number')}</span>
          <span role="columnheader">{t('portal.store')}</span>
          <span role="columnheader">{t('portal.overview.drill.columns.opened')}</span>
          <span role="columnheader">{t('portal.overview.drill.columns.status')}</span>
          <span role="columnheader">{t('portal.overview.drill.columns.type')}</span>
          <span role="columnheader">{t('portal.overview.drill.columns.order')}</span>
        </div>
        <div className="drawer__body" role="rowgroup" tabIndex={-1} data-autofocus="" onKeyDown={move}>
          <ListState
            error={list.error}
            loading={list.loading}
            empty={list.items.length === 0}
            errorText={(message) => t('portal.loadError', { message })}
            onRetry={list.reload}
            retryLabel={t('portal.retry')}
            icon="ticket"
            emptyTitle={t('portal.overview.drill.empty')}
          />
          {!list.loading &&
            list.items.map((ticket) => {
              const store = storeById.get(ticket.storeId);
              return (
                <Link
                  key={ticket.id}
                  to="/portal/conversations/$conversationId"
                  params={{ conversationId: ticket.conversationId }}
                  className="drill-row"
                  role="row"
                  title={t('portal.overview.drill.open')}
                  data-testid="portal-cause-ticket"
                  data-drill-row=""
                >
                  <span role="cell" className="drill-row__id">
                    <span className="mono drill-row__number">{ticket.number}</span>
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
                    <TicketTypeLabel type={ticket.type} />
                  </span>
                  <span role="cell" className="mono drill-row__order">
                    {ticket.orderRef ?? '—'}
                  </span>
                </Link>
              );
            })}
          {!list.loading && list.hasMore && (
            <button type="button" className="load-more" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
              {t('portal.overview.drill.loadMore')}
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
