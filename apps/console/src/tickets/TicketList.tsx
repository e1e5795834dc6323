import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useListShortcuts } from '../keyboard/shortcuts';
import { useTranslation } from 'react-i18next';
import { CAUSE_CODES, TICKET_STATUSES, TICKET_TYPES, type CauseCode, type Store, type Ticket, type TicketStatus, type TicketType } from '@kefu/contracts';
import { conversationHref } from '../routing/links';
import { useNowMinute } from '../time/clock';
import { formatDateTime, formatRelative } from '../time/format';
import { PlatformBadge } from '../ui/badges';
import { Icon } from '../ui/icons';
import { ListState } from '../ui/ListState';
import { Kbd } from '../ui/badges';
import { StoreSelect } from '../ui/StoreSelect';
import { ResolutionClock, TicketStatusPill, TicketTypeLabel, causeLabel } from './TicketBits';
import { DEFAULT_TICKET_FILTERS, hasTicketFilters, isLowConfidence, itemsSummary, type TicketFilters } from './ticket-format';
import { ticketFiltersOf, ticketSearchOf } from './ticket-search';
import { useTicketList } from './useTickets';
import { useStores } from '../desk/useStores';

const SEARCH_DEBOUNCE_MS = 250;
const ROW_ESTIMATE_PX = 62;
/** The next page is asked for when the rows in sight come this close to the last one loaded. */
const LOAD_AHEAD_ROWS = 15;

/** Status filter as one select: a state (open, closed, all) or one status. */
const statusValue = (f: TicketFilters) => (f.status ? `status:${f.status}` : `state:${f.state}`);
function parseStatusValue(v: string): Pick<TicketFilters, 'status' | 'state'> {
  const [kind, value] = v.split(':');
  if (kind === 'status') return { status: value as TicketStatus, state: 'all' };
  return { status: '', state: value === 'closed' || value === 'all' ? value : 'open' };
}

/** The after-sales tickets of the caller's stores, newest first, filtered and kept live. */
export function TicketList() {
  const { stores, storesLoaded, storeById } = useStores();
  const { t } = useTranslation();
  const search = useSearch({ from: '/tickets' });
  const navigate = useNavigate({ from: '/tickets' });
  const filters = useMemo(() => ticketFiltersOf(search), [search]);
  const [searchText, setSearchText] = useState(filters.q);
  // A store in the address the user does not see is dropped once the stores are known.
  const effective = filters.storeId && storesLoaded && !storeById.has(filters.storeId) ? { ...filters, storeId: '' } : filters;
  const list = useTicketList(effective);
  // Choosing a filter is a step back can undo; the typed search replaces the address.
  const setFilters = (next: TicketFilters, replace = false) => void navigate({ search: ticketSearchOf(next), replace });
  const change = (patch: Partial<TicketFilters>) => setFilters({ ...filters, ...patch });
  const filtered = hasTicketFilters({ ...effective, q: searchText });
  const bodyRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useListShortcuts(bodyRef, '[data-ticket-row]', searchRef);

  // Only the rows in sight (and a few around) are in the page, and the next page loads before the end is reached.
  const virtualizer = useVirtualizer({
    count: list.loading ? 0 : list.items.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    getItemKey: (i) => list.items[i].id,
  });
  const shown = virtualizer.getVirtualItems();
  const lastShown = shown.length > 0 ? shown[shown.length - 1].index : -1;
  const { hasMore, loadingMore, loadMore } = list;
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= list.items.length - LOAD_AHEAD_ROWS) void loadMore();
  }, [lastShown, list.items.length, hasMore, loadingMore, loadMore]);

  const typedSearch = useEffectEvent((text: string) => {
    if (text.trim() !== filters.q.trim()) setFilters({ ...filters, q: text }, true);
  });
  useEffect(() => {
    const timer = setTimeout(() => typedSearch(searchText), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);
  // Back or forward to another search: the box shows it.
  const [shownQ, setShownQ] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    if (searchText.trim() !== filters.q.trim()) setSearchText(filters.q);
  }

  return (
    <main className="tickets" data-testid="tickets-screen" aria-labelledby="tickets-title">
      <header className="tickets__header">
        <div className="tickets__heading">
          <h1 className="board__title" id="tickets-title">
            {t('tickets.list.title')}
          </h1>
          {!list.loading && <span className="inbox__count">{t('tickets.list.count', { count: list.total })}</span>}
        </div>
        <div className="tickets__filters">
          <label className="search tickets__search">
            <Icon name="search" size={15} />
            <input
              ref={searchRef}
              type="search"
              data-testid="tickets-search"
              value={searchText}
              placeholder={t('tickets.list.search')}
              aria-label={t('tickets.list.search')}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setSearchText(e.target.value)}
            />
            {!searchText && <Kbd>/</Kbd>}
          </label>
          <StoreSelect testId="tickets-filter-store" label={t('tickets.list.store')} allLabel={t('tickets.list.allStores')} stores={stores} value={effective.storeId} onChange={(storeId) => change({ storeId })} />
          <select className="select" data-testid="tickets-filter-type" aria-label={t('tickets.list.type')} value={filters.type} onChange={(e) => change({ type: e.target.value as TicketType | '' })}>
            <option value="">{t('tickets.list.allTypes')}</option>
            {TICKET_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`tickets.types.${type}`)}
              </option>
            ))}
          </select>
          <select className="select" data-testid="tickets-filter-status" aria-label={t('tickets.list.status')} value={statusValue(filters)} onChange={(e) => change(parseStatusValue(e.target.value))}>
            <option value="state:open">{t('tickets.list.states.open')}</option>
            <option value="state:closed">{t('tickets.list.states.closed')}</option>
            <option value="state:all">{t('tickets.list.states.all')}</option>
            <optgroup label={t('tickets.list.oneStatus')}>
              {TICKET_STATUSES.map((s) => (
                <option key={s} value={`status:${s}`}>
                  {t(`tickets.statuses.${s}`)}
                </option>
              ))}
            </optgroup>
          </select>
          <select className="select" data-testid="tickets-filter-cause" aria-label={t('tickets.list.cause')} value={filters.cause} onChange={(e) => change({ cause: e.target.value as CauseCode | 'none' | '' })}>
            <option value="">{t('tickets.list.anyCause')}</option>
            <option value="none">{t('tickets.list.noCause')}</option>
            {CAUSE_CODES.map((c) => (
              <option key={c} value={c}>
                {causeLabel(c, t)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={`toggle-chip${filters.overdue ? ' is-on' : ''}`}
            data-testid="tickets-filter-overdue"
            aria-pressed={filters.overdue}
            onClick={() => change({ overdue: !filters.overdue })}
          >
            <Icon name="alert" size={13} />
            {t('tickets.list.overdue')}
          </button>
          {filtered && (
            <button
              type="button"
              className="link-button tickets__clear"
              onClick={() => {
                setSearchText('');
                setFilters(DEFAULT_TICKET_FILTERS);
              }}
            >
              {t('tickets.list.clearFilters')}
            </button>
          )}
        </div>
      </header>

      <div className="tickets__table" role="table" aria-labelledby="tickets-title" aria-busy={list.loading}>
        <div className="tickets__row tickets__row--head" role="row">
          <span role="columnheader">{t('tickets.list.columns.ticket')}</span>
          <span role="columnheader">{t('tickets.list.columns.status')}</span>
          <span role="columnheader">{t('tickets.list.columns.items')}</span>
          <span role="columnheader">{t('tickets.list.columns.cause')}</span>
          <span role="columnheader">{t('tickets.list.columns.store')}</span>
          <span role="columnheader">{t('tickets.list.columns.due')}</span>
          <span role="columnheader" className="tickets__cell--end">
            {t('tickets.list.columns.created')}
          </span>
        </div>
        <div className="tickets__body" data-testid="tickets-list" data-ticket-list="" ref={bodyRef} role="rowgroup">
          <ListState
            error={list.error}
            loading={list.loading}
            empty={list.items.length === 0}
            errorText={(message) => t('tickets.list.loadError', { message })}
            onRetry={list.reload}
            retryLabel={t('tickets.list.retry')}
            icon="ticket"
            emptyTitle={filtered ? t('tickets.list.emptyFiltered') : t('tickets.list.empty')}
            emptyHint={filtered ? undefined : t('tickets.list.emptyHint')}
          />
          {!list.loading && list.items.length > 0 && (
            <div className="tickets__rows" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const ticket = list.items[v.index];
                return (
                  <div key={v.key} className="tickets__slot" data-index={v.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${v.start}px)` }}>
                    <TicketRow ticket={ticket} store={storeById.get(ticket.storeId)} />
                  </div>
                );
              })}
            </div>
          )}
          {!list.loading && list.hasMore && (
            <button type="button" className="load-more" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
              {list.loadingMore ? t('tickets.list.loadingMore') : t('tickets.list.loadMore')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}

function TicketRow({ ticket, store }: { ticket: Ticket; store: Store | undefined }) {
  const { t, i18n } = useTranslation();
  const now = useNowMinute();
  const overdue = ticket.resolutionBreachedAt !== null && ticket.status !== 'closed';
  const low = ticket.causeSource === 'auto' && isLowConfidence(ticket.causeConfidence);
  return (
    <a
      href={conversationHref(ticket.conversationId, ticket.id)}
      className={`tickets__row ticket-row${overdue ? ' is-overdue' : ''}${ticket.status === 'closed' ? ' is-closed' : ''}`}
      role="row"
      data-testid="ticket-row"
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      data-ticket-row=""
    >
      <span role="cell" className="ticket-row__id">
        <span className="mono ticket-row__number">{ticket.number}</span>
        <TicketTypeLabel type={ticket.type} />
      </span>
      <span role="cell">
        <TicketStatusPill status={ticket.status} />
      </span>
      <span role="cell" className="ticket-row__items">
        <span className="ticket-row__item-names">{itemsSummary(ticket.items, (n) => t('tickets.list.more', { count: n })) || t('tickets.list.noItems')}</span>
        <span className="ticket-row__reason">{ticket.orderRef ? <span className="mono">{ticket.orderRef}</span> : null} {ticket.customerReason}</span>
      </span>
      <span role="cell" className="ticket-row__cause">
        {ticket.cause ? (
          <span className={`cause-tag${ticket.causeSource === 'auto' ? ' cause-tag--auto' : ''}${low ? ' cause-tag--low' : ''}`} title={ticket.causeSource === 'auto' ? t('tickets.list.autoCause') : t('tickets.cause.confirmed')}>
            {low && <Icon name="alert" size={11} strokeWidth={2.2} />}
            {causeLabel(ticket.cause, t)}
          </span>
        ) : (
          <span className="details__muted">{t('tickets.list.noCause')}</span>
        )}
      </span>
      <span role="cell" className="ticket-row__store">
        {store && <PlatformBadge platform={store.platform} />}
        <span className="ticket-row__store-name">{store?.name ?? '…'}</span>
      </span>
      <span role="cell">
        <ResolutionClock ticket={ticket} compact />
      </span>
      <span role="cell" className="tickets__cell--end ticket-row__created" title={formatDateTime(ticket.createdAt, i18n.language)}>
        {formatRelative(ticket.createdAt, now, t, i18n.language)}
      </span>
    </a>
  );
}
