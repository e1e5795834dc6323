import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, User } from '@kefu/contracts';
import { ConversationPane } from '../conversation/ConversationPane';
import { REPLY_INPUT_ID } from '../conversation/ReplyBox';
import { InboxPanel, SEARCH_INPUT_ID } from '../inbox/InboxPanel';
import { DEFAULT_FILTERS, loadFilters, saveFilters, type InboxFilters } from '../inbox/filters';
import { useLastSeen } from '../inbox/last-seen';
import { useInbox } from '../inbox/useInbox';
import { useDeskShortcuts } from '../keyboard/useDeskShortcuts';
import { openConversation, useOpenConversationId } from '../routing/hash-route';
import { Sidebar } from '../shell/Sidebar';
import { useDirectory } from './useDirectory';
import { useStores } from './useStores';

const SEARCH_DEBOUNCE_MS = 250;

/** The signed-in desk: sidebar, live inbox and the open conversation. */
export function Desk({ user, onLogout }: { user: User; onLogout(): void }) {
  const { t } = useTranslation();
  const { stores, storesLoaded, storeById } = useStores();
  const directory = useDirectory(user);
  const [filters, setFilters] = useState<InboxFilters>(() => loadFilters(user.id));
  const [searchText, setSearchText] = useState('');
  const openId = useOpenConversationId();
  const [cursorId, setCursorId] = useState<string | null>(openId);
  const { isUnread, markSeen } = useLastSeen(user.id);

  // A remembered store the user no longer serves is dropped once the stores are known.
  const storeFilterValid = !filters.storeId || !storesLoaded || storeById.has(filters.storeId);
  const effectiveFilters = useMemo(() => (storeFilterValid ? filters : { ...filters, storeId: '' }), [filters, storeFilterValid]);
  const inbox = useInbox(effectiveFilters, user.id);

  useEffect(() => saveFilters(user.id, filters), [user.id, filters]);

  // The tab title counts unread conversations, for agents who keep the desk in a background tab.
  const unreadCount = inbox.items.filter((c) => c.id !== openId && isUnread(c.id, c.lastMessageAt)).length;
  const appTitle = `${t('app.nameLocal')} · ${t('app.name')}`;
  useEffect(() => {
    document.title = unreadCount > 0 ? `(${unreadCount}) ${appTitle}` : appTitle;
  }, [unreadCount, appTitle]);

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === searchText ? f : { ...f, q: searchText })), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const changeFilters = useCallback((patch: Partial<InboxFilters>) => setFilters((f) => ({ ...f, ...patch })), []);
  const clearFilters = useCallback(() => {
    setSearchText('');
    setFilters({ ...DEFAULT_FILTERS, view: 'all' });
  }, []);

  const select = useCallback((id: string) => setCursorId(id), []);
  const unread = useCallback((c: Conversation) => c.id !== openId && isUnread(c.id, c.lastMessageAt), [openId, isUnread]);

  useDeskShortcuts({
    move(delta) {
      const items = inbox.items;
      if (items.length === 0) return;
      const from = items.findIndex((c) => c.id === (cursorId ?? openId));
      const next = items[from === -1 ? (delta === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, from + delta))];
      setCursorId(next.id);
      const row = document.querySelector<HTMLElement>(`[data-testid="inbox-item"][data-conversation-id="${next.id}"]`);
      row?.focus({ preventScroll: true });
      row?.scrollIntoView({ block: 'nearest' });
    },
    openCursor() {
      const id = cursorId ?? inbox.items[0]?.id;
      if (id) openConversation(id);
    },
    focusSearch() {
      document.getElementById(SEARCH_INPUT_ID)?.focus();
    },
    focusReply() {
      document.getElementById(REPLY_INPUT_ID)?.focus();
    },
  });

  return (
    <div className="desk">
      <Sidebar
        user={user}
        view={filters.view}
        onViewChange={(view) => changeFilters({ view })}
        stores={stores}
        storeId={effectiveFilters.storeId}
        onStoreChange={(storeId) => changeFilters({ storeId })}
        onLogout={onLogout}
      />
      <InboxPanel
        filters={effectiveFilters}
        searchText={searchText}
        onSearchTextChange={setSearchText}
        onFiltersChange={changeFilters}
        onClearFilters={clearFilters}
        stores={stores}
        storeById={storeById}
        items={inbox.items}
        total={inbox.total}
        loading={inbox.loading}
        loadingMore={inbox.loadingMore}
        hasMore={inbox.hasMore}
        error={inbox.error}
        onLoadMore={() => void inbox.loadMore()}
        onReload={inbox.reload}
        openId={openId}
        cursorId={cursorId ?? openId}
        isUnread={unread}
        onSelect={select}
      />
      <ConversationPane conversationId={openId} me={user} storeById={storeById} directory={directory} onSeen={markSeen} />
    </div>
  );
}
