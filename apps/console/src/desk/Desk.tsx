import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, User } from '@kefu/contracts';
import { ActivityProvider } from '../collision/ActivityProvider';
import { ConversationPane } from '../conversation/ConversationPane';
import { REPLY_INPUT_ID } from '../conversation/ReplyBox';
import { InboxPanel, SEARCH_INPUT_ID } from '../inbox/InboxPanel';
import { DEFAULT_FILTERS, loadFilters, saveFilters, type InboxFilters } from '../inbox/filters';
import { useLastSeen } from '../inbox/last-seen';
import { useInbox } from '../inbox/useInbox';
import { useDeskShortcuts } from '../keyboard/useDeskShortcuts';
import { openConversation, useOpenConversationId, useScreen } from '../routing/hash-route';
import { Sidebar } from '../shell/Sidebar';
import { SlaBoard } from '../sla/SlaBoard';
import { isLead, useDirectory } from './useDirectory';
import { useStores } from './useStores';

const SEARCH_DEBOUNCE_MS = 250;

/** The signed-in desk: sidebar, live inbox and the open conversation, or (supervisors) the SLA board. */
export function Desk({ user, onLogout }: { user: User; onLogout(): void }) {
  const { t } = useTranslation();
  const { stores, storesLoaded, storeById } = useStores();
  const directory = useDirectory(user);
  const [filters, setFilters] = useState<InboxFilters>(() => loadFilters(user.id));
  const [searchText, setSearchText] = useState('');
  const openId = useOpenConversationId();
  const lead = isLead(user);
  // #/sla is the board for supervisors and admins; anyone else gets the inbox there.
  const onBoard = useScreen() === 'sla' && lead;
  const lastOpenId = useRef(openId);
  const [cursorId, setCursorId] = useState<string | null>(openId);
  const { isUnread, markSeen } = useLastSeen(user.id);

  // A remembered store the user no longer serves is dropped once the stores are known.
  const storeFilterValid = !filters.storeId || !storesLoaded || storeById.has(filters.storeId);
  const effectiveFilters = useMemo(() => (storeFilterValid ? filters : { ...filters, storeId: '' }), [filters, storeFilterValid]);
  const inbox = useInbox(effectiveFilters, user.id);

  useEffect(() => saveFilters(user.id, filters), [user.id, filters]);

  // Leaving the board for the inbox brings back the conversation that was open there.
  useEffect(() => {
    if (openId) lastOpenId.current = openId;
  }, [openId]);
  const toInbox = () => {
    if (onBoard) openConversation(lastOpenId.current);
  };

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

  // The inbox shortcuts apply to the inbox only; the board has its own row keys.
  useDeskShortcuts({
    move(delta) {
      if (onBoard) return;
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
      if (onBoard) return;
      const id = cursorId ?? inbox.items[0]?.id;
      if (id) openConversation(id);
    },
    focusSearch() {
      if (onBoard) return;
      document.getElementById(SEARCH_INPUT_ID)?.focus();
    },
    focusReply() {
      document.getElementById(REPLY_INPUT_ID)?.focus();
    },
  });

  return (
    <ActivityProvider meId={user.id}>
      <div className={`desk${onBoard ? ' desk--board' : ''}`}>
        <Sidebar
          user={user}
          screen={onBoard ? 'sla' : 'inbox'}
          showSlaBoard={lead}
          view={filters.view}
          onViewChange={(view) => {
            changeFilters({ view });
            toInbox();
          }}
          stores={stores}
          storeId={effectiveFilters.storeId}
          onStoreChange={(storeId) => {
            changeFilters({ storeId });
            toInbox();
          }}
          onLogout={onLogout}
        />
        {onBoard ? (
          <SlaBoard userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} directory={directory} />
        ) : (
          <>
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
              meId={user.id}
              userById={directory.userById}
            />
            <ConversationPane conversationId={openId} me={user} storeById={storeById} directory={directory} onSeen={markSeen} />
          </>
        )}
      </div>
    </ActivityProvider>
  );
}
