import { useCallback, useEffect, useRef, useState } from 'react';
import type { Conversation, ConversationStatus, Store, User } from '@kefu/contracts';
import { ConversationPane } from '../conversation/ConversationPane';
import { useConversationWrites } from '../conversation/useConversation';
import type { Directory } from '../desk/useDirectory';
import { useShortcuts } from '../keyboard/shortcuts';
import { openConversation } from '../routing/links';
import { INBOX_VIEWS, toFilter, type InboxFilters, type InboxView } from './filters';
import { InboxPanel } from './InboxPanel';
import { useLastSeen } from './last-seen';
import { useInbox } from './useInbox';

const SEARCH_DEBOUNCE_MS = 250;

interface Props {
  me: User;
  filters: InboxFilters;
  onFiltersChange(patch: Partial<InboxFilters>): void;
  onClearFilters(): void;
  stores: Store[];
  storeById: Map<string, Store>;
  directory: Directory;
  openId: string | null;
  focusTicketId: string | null;
}

/**
 * The inbox and the open conversation, worked from the keyboard: J/K (↓/↑) move the cursor (J past the last row loads
 * more), Enter opens it, R writes to it, E resolves it, Shift+E resolves it and opens the next, P sets it pending,
 * 1–4 switch views, `/` searches.
 */
export function InboxScreen({ me, filters, onFiltersChange, onClearFilters, stores, storeById, directory, openId, focusTicketId }: Props) {
  const [searchText, setSearchText] = useState(filters.q);
  const [cursorId, setCursorId] = useState<string | null>(openId);
  const inbox = useInbox(toFilter(filters), me.id);
  const { isUnread, markSeen } = useLastSeen(me.id);
  const writes = useConversationWrites();
  const searchRef = useRef<HTMLInputElement>(null);
  /** The conversation whose reply box takes the focus once it is open (R on a row, or the next after Shift+E). */
  const [replyTo, setReplyTo] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => onFiltersChange({ q: searchText }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText, onFiltersChange]);

  // The cursor follows the conversation opened by a click or a link.
  const [followed, setFollowed] = useState(openId);
  if (openId !== followed) {
    setFollowed(openId);
    if (openId) setCursorId(openId);
  }

  const items = inbox.items;
  const cursor = cursorId ?? openId;
  const indexOf = (id: string | null) => (id ? items.findIndex((c) => c.id === id) : -1);

  const moveTo = useCallback((c: Conversation | undefined) => {
    if (!c) return;
    setCursorId(c.id);
    const row = document.querySelector<HTMLElement>(`[data-testid="inbox-item"][data-conversation-id="${c.id}"]`);
    row?.focus({ preventScroll: true });
  }, []);

  const move = (delta: 1 | -1) => {
    if (items.length === 0) return;
    const from = indexOf(cursor);
    if (delta === 1 && from === items.length - 1 && inbox.hasMore) {
      void inbox.loadMore();
      return;
    }
    moveTo(items[from === -1 ? (delta === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, from + delta))]);
  };

  /**
   * Where to go once `id` is done: in my queue the most urgent chat left (answering moved this one down), elsewhere
   * the row after it (or before it, at the end).
   */
  const nextAfter = (id: string): Conversation | undefined => {
    if (filters.view === 'queue') return items.find((c) => c.id !== id);
    const i = indexOf(id);
    return i === -1 ? items[0] : (items[i + 1] ?? items[i - 1]);
  };

  const setStatusOf = async (status: ConversationStatus, next: boolean) => {
    const id = cursor;
    if (!id) return;
    const after = next ? nextAfter(id) : undefined;
    try {
      await writes.setStatus(id, status);
    } catch (err) {
      console.warn('status not changed', err);
      return;
    }
    if (after && after.id !== id) {
      setCursorId(after.id);
      setReplyTo(after.id);
      openConversation(after.id);
    }
  };

  const switchView = (view: InboxView) => onFiltersChange({ view });

  useShortcuts({
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    Enter: () => {
      const id = cursor ?? items[0]?.id;
      if (id) openConversation(id);
    },
    '/': () => searchRef.current?.focus(),
    // R writes to the highlighted row: it opens it first; on the open conversation its reply box answers.
    r: () => {
      if (!cursor || cursor === openId) return false;
      setReplyTo(cursor);
      openConversation(cursor);
    },
    e: () => void setStatusOf('resolved', false),
    E: () => void setStatusOf('resolved', true),
    p: () => void setStatusOf('pending', false),
    ...Object.fromEntries(INBOX_VIEWS.map((view, i) => [String(i + 1), () => switchView(view)])),
    // Asked before the open conversation's keys (R above all).
  }, true, 1);

  const unread = useCallback((c: Conversation) => c.id !== openId && isUnread(c.id, c.lastMessageAt), [openId, isUnread]);

  return (
    <>
      <InboxPanel
        filters={filters}
        searchText={searchText}
        searchRef={searchRef}
        onSearchTextChange={setSearchText}
        onFiltersChange={onFiltersChange}
        onClearFilters={() => {
          setSearchText('');
          onClearFilters();
        }}
        stores={stores}
        storeById={storeById}
        items={items}
        total={inbox.total}
        loading={inbox.loading}
        loadingMore={inbox.loadingMore}
        hasMore={inbox.hasMore}
        error={inbox.error}
        onLoadMore={() => void inbox.loadMore()}
        onReload={inbox.reload}
        openId={openId}
        cursorId={cursor}
        isUnread={unread}
        onSelect={setCursorId}
        meId={me.id}
        userById={directory.userById}
      />
      <ConversationPane
        conversationId={openId}
        focusTicketId={focusTicketId}
        me={me}
        storeById={storeById}
        directory={directory}
        onSeen={markSeen}
        focusReply={replyTo !== null && replyTo === openId}
        onReplyFocused={() => setReplyTo(null)}
      />
    </>
  );
}
