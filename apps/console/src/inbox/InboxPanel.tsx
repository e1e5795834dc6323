import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { StoreSelect } from '../ui/StoreSelect';
import type { Conversation, Store, User } from '@kefu/contracts';
import { useActivityMap } from '../collision/ActivityProvider';
import { EMPTY_WATCHERS } from '../collision/activity-state';
import { Icon } from '../ui/icons';
import { Kbd } from '../ui/badges';
import { STATUS_FILTERS, hasActiveFilters, type InboxFilters, type StatusFilter } from './filters';
import { InboxRow } from './InboxRow';

/** A row's height before it is measured (two lines of text and the meta line). */
const ROW_ESTIMATE_PX = 84;
/** "Load as you move": the next page is asked for when this many rows are left below the visible ones. */
const LOAD_AHEAD_ROWS = 15;

interface Props {
  filters: InboxFilters;
  searchText: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchTextChange(text: string): void;
  onFiltersChange(patch: Partial<InboxFilters>): void;
  onClearFilters(): void;
  stores: Store[];
  storeById: Map<string, Store>;
  items: Conversation[];
  total: number;
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  error: Error | null;
  onLoadMore(): void;
  onReload(): void;
  openId: string | null;
  cursorId: string | null;
  isUnread(c: Conversation): boolean;
  onSelect(id: string): void;
  meId: string;
  userById: Map<string, User>;
}

export function InboxPanel(props: Props) {
  const { t } = useTranslation();
  const { filters, items, storeById, meId, userById } = props;
  const activity = useActivityMap();
  // Rows name a colleague's chat; "Mine" and "Unassigned" need no name.
  const assigneeName = (c: Conversation) =>
    filters.view === 'all' && c.assigneeId && c.assigneeId !== meId ? (userById.get(c.assigneeId)?.name ?? t('conversation.assignedToOther')) : null;
  const filtered = hasActiveFilters({ ...filters, q: props.searchText });
  const { hasMore, loadingMore, onLoadMore, cursorId, loading } = props;

  // Only the rows in sight (and a few around) are in the page: thousands of conversations scroll like fifty.
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: loading ? 0 : items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 8,
    getItemKey: (i) => items[i].id,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.length > 0 ? rows[rows.length - 1].index : -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= items.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [lastShown, items.length, hasMore, loadingMore, onLoadMore]);

  // The cursor stays in sight; the row under it takes the focus when the focus was in the list (not in the reply box).
  const cursorIndex = cursorId ? items.findIndex((c) => c.id === cursorId) : -1;
  useEffect(() => {
    if (cursorIndex === -1) return;
    virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      const list = scrollRef.current;
      const active = document.activeElement;
      if (!list || (active && active !== document.body && !list.contains(active))) return;
      list.querySelector<HTMLElement>(`[data-index="${cursorIndex}"] [data-testid="inbox-item"]`)?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
    // Only a move of the cursor scrolls (not every new row above it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursorId]);

  return (
    <section className="inbox" aria-label={t('inbox.title')}>
      <header className="inbox__header">
        <div className="inbox__title-row">
          <h1 className="inbox__title">{t(`nav.${filters.view}`)}</h1>
          {!props.loading && <span className="inbox__count">{t('inbox.count', { count: props.total })}</span>}
        </div>
        <label className="search">
          <Icon name="search" size={15} />
          <input
            ref={props.searchRef}
            type="search"
            data-testid="filter-search"
            value={props.searchText}
            placeholder={t('inbox.search')}
            aria-label={t('inbox.search')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => props.onSearchTextChange(e.target.value)}
          />
          {!props.searchText && <Kbd>/</Kbd>}
        </label>
        <div className="inbox__filters">
          <StoreSelect
            testId="filter-store"
            label={t('inbox.store')}
            allLabel={t('inbox.allStores')}
            stores={props.stores}
            value={filters.storeId}
            onChange={(storeId) => props.onFiltersChange({ storeId })}
          />
          <select
            className="select"
            data-testid="filter-status"
            aria-label={t('inbox.status')}
            disabled={filters.view === 'queue'}
            title={filters.view === 'queue' ? t('inbox.queueStatus') : undefined}
            value={filters.view === 'queue' ? 'open' : filters.status}
            onChange={(e) => props.onFiltersChange({ status: e.target.value as StatusFilter })}
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </header>

      <div className="inbox__list" data-testid="inbox-list" data-loaded={items.length} aria-busy={props.loading} ref={scrollRef}>
        {props.error && (
          <div className="inline-error" role="alert">
            <Icon name="alert" size={14} />
            <span>{t('inbox.loadError', { message: props.error.message })}</span>
            <button type="button" className="link-button" onClick={props.onReload}>
              {t('inbox.retry')}
            </button>
          </div>
        )}
        {props.loading && !props.error && <InboxSkeleton />}
        {!props.loading && items.length === 0 && !props.error && (
          <div className="inbox__empty">
            <Icon name="inbox" size={28} strokeWidth={1.4} />
            <p className="inbox__empty-title">{filtered ? t('inbox.emptyFiltered') : filters.view === 'queue' ? t('inbox.emptyQueue') : t('inbox.empty')}</p>
            {filtered ? (
              <button type="button" className="button button--ghost" onClick={props.onClearFilters}>
                {t('inbox.clearFilters')}
              </button>
            ) : (
              <p className="inbox__empty-hint">{t('inbox.emptyHint')}</p>
            )}
          </div>
        )}
        {!props.loading && items.length > 0 && (
          <div className="inbox__rows" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((v) => {
              const c = items[v.index];
              return (
                <div key={v.key} className="inbox__slot" data-index={v.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${v.start}px)` }}>
                  <InboxRow
                    conversation={c}
                    store={storeById.get(c.storeId)}
                    unread={props.isUnread(c)}
                    active={c.id === props.openId}
                    cursor={c.id === props.cursorId}
                    showQueued={filters.view === 'unassigned'}
                    assigneeName={assigneeName(c)}
                    watchers={activity.get(c.id) ?? EMPTY_WATCHERS}
                    onSelect={props.onSelect}
                  />
                </div>
              );
            })}
          </div>
        )}
        {!props.loading && props.hasMore && (
          <button type="button" className="load-more" data-testid="load-more" onClick={props.onLoadMore} disabled={props.loadingMore}>
            {props.loadingMore ? t('inbox.loadingMore') : t('inbox.loadMore')}
          </button>
        )}
      </div>
    </section>
  );
}

function InboxSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="skeleton-list" aria-label={t('inbox.loading')}>
      {Array.from({ length: 7 }, (_, i) => (
        <div className="skeleton-row" key={i}>
          <span className="skeleton skeleton--avatar" />
          <span className="skeleton-row__lines">
            <span className="skeleton" style={{ width: `${45 + ((i * 17) % 30)}%` }} />
            <span className="skeleton" style={{ width: `${70 + ((i * 11) % 25)}%` }} />
          </span>
        </div>
      ))}
    </div>
  );
}
