import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, User } from '@kefu/contracts';
import { ANALYTICS_FILTER_ID } from '../analytics/filters';
import { ActivityProvider } from '../collision/ActivityProvider';
import { ConversationPane } from '../conversation/ConversationPane';
import { REPLY_INPUT_ID } from '../conversation/ReplyBox';
import { InboxPanel, SEARCH_INPUT_ID } from '../inbox/InboxPanel';
import { KB_ARTICLE_SEARCH_ID, KbScreen } from '../kb/KbScreen';
import { DEFAULT_FILTERS, loadFilters, saveFilters, type InboxFilters } from '../inbox/filters';
import { useLastSeen } from '../inbox/last-seen';
import { useInbox } from '../inbox/useInbox';
import { useDeskShortcuts } from '../keyboard/useDeskShortcuts';
import { ReportPage } from '../reports/ReportPage';
import { REPORTS_FILTER_ID, ReportsScreen } from '../reports/ReportsScreen';
import { openConversation, openHomeScreen, useFocusedTicketId, useOpenConversationId, useReportId, useScreen } from '../routing/hash-route';
import { Sidebar } from '../shell/Sidebar';
import { SlaBoard } from '../sla/SlaBoard';
import { TICKET_OPEN_ID } from '../tickets/TicketPanel';
import { TICKET_SEARCH_ID, TicketList } from '../tickets/TicketList';
import { isLead, useDirectory } from './useDirectory';
import { useStores } from './useStores';

const SEARCH_DEBOUNCE_MS = 250;

// The charts (and their library) load only for those who open the analysis.
const AnalyticsScreen = lazy(() => import('../analytics/AnalyticsScreen').then((m) => ({ default: m.AnalyticsScreen })));

/** Who sees the analysis and the client reports. */
const ANALYSIS_ROLES: ReadonlySet<User['role']> = new Set(['analyst', 'supervisor', 'admin']);

/** The signed-in desk: sidebar, live inbox and the open conversation, the ticket list, (supervisors) the SLA board, or (analysts, supervisors, admins) the analysis and client reports. */
export function Desk({ user, onLogout }: { user: User; onLogout(): void }) {
  const { t } = useTranslation();
  // Analysts start at their desk, before anything reads the address.
  useState(() => openHomeScreen(user.role));
  const { stores, storesLoaded, storeById } = useStores();
  const directory = useDirectory(user);
  const [filters, setFilters] = useState<InboxFilters>(() => loadFilters(user.id));
  const [searchText, setSearchText] = useState('');
  const openId = useOpenConversationId();
  const focusTicketId = useFocusedTicketId();
  const lead = isLead(user);
  const screen = useScreen();
  // #/sla is the board for supervisors and admins; anyone else gets the inbox there.
  const onBoard = screen === 'sla' && lead;
  const onTickets = screen === 'tickets';
  // #/analytics and #/reports are for analysts, supervisors and admins; agents get the inbox there.
  const analysis = ANALYSIS_ROLES.has(user.role);
  const onAnalytics = screen === 'analytics' && analysis;
  const onReports = screen === 'reports' && analysis;
  const reportId = useReportId();
  // #/kb is the knowledge base for supervisors and admins.
  const onKb = screen === 'kb' && lead;
  const wide = onBoard || onTickets || onAnalytics || onReports || onKb;
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
    if (wide) openConversation(lastOpenId.current);
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

  // The inbox shortcuts apply to the inbox only; the board has its own row keys, the ticket list its rows.
  useDeskShortcuts({
    move(delta) {
      if (onBoard || onAnalytics) return;
      if (onKb) {
        moveRow('[data-kb-row]', delta);
        return;
      }
      if (onReports) {
        moveRow('[data-report-row]', delta);
        return;
      }
      if (onTickets) {
        moveTicketRow(delta);
        return;
      }
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
      if (wide) return;
      const id = cursorId ?? inbox.items[0]?.id;
      if (id) openConversation(id);
    },
    focusSearch() {
      if (onBoard) return;
      // On the analysis screens `/` goes to the filter bar.
      if (onKb) {
        document.getElementById(KB_ARTICLE_SEARCH_ID)?.focus();
        return;
      }
      document.getElementById(onAnalytics ? ANALYTICS_FILTER_ID : onReports ? REPORTS_FILTER_ID : onTickets ? TICKET_SEARCH_ID : SEARCH_INPUT_ID)?.focus();
    },
    focusReply() {
      document.getElementById(REPLY_INPUT_ID)?.focus();
    },
    openTicket() {
      if (wide) return;
      document.getElementById(TICKET_OPEN_ID)?.click();
    },
  });

  return (
    <ActivityProvider meId={user.id}>
      <div className={`desk${wide ? ' desk--board' : ''}${onReports && reportId ? ' desk--report' : ''}`}>
        <Sidebar
          user={user}
          screen={onBoard ? 'sla' : onTickets ? 'tickets' : onAnalytics ? 'analytics' : onReports ? 'reports' : onKb ? 'kb' : 'inbox'}
          showSlaBoard={lead}
          showAnalytics={analysis}
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
        ) : onTickets ? (
          <TicketList userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} />
        ) : onAnalytics ? (
          <Suspense
            fallback={
              <main className="board" aria-busy="true">
                <div className="board-empty" role="status">
                  <span className="spinner" aria-hidden="true" />
                </div>
              </main>
            }
          >
            <AnalyticsScreen userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} />
          </Suspense>
        ) : onKb ? (
          <KbScreen stores={stores} storeById={storeById} />
        ) : onReports && reportId ? (
          <ReportPage reportId={reportId} storeById={storeById} userById={directory.userById} />
        ) : onReports ? (
          <ReportsScreen userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} userById={directory.userById} />
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
            <ConversationPane conversationId={openId} focusTicketId={focusTicketId} me={user} storeById={storeById} directory={directory} onSeen={markSeen} />
          </>
        )}
      </div>
    </ActivityProvider>
  );
}

/** j/k on the ticket list: the next or previous row gets the focus (Enter then opens it). */
function moveTicketRow(delta: 1 | -1) {
  moveRow('[data-ticket-row]', delta);
}

/** The next or previous row of a list screen gets the focus. */
function moveRow(selector: string, delta: 1 | -1) {
  const rows = [...document.querySelectorAll<HTMLElement>(selector)];
  if (rows.length === 0) return;
  const from = rows.indexOf(document.activeElement as HTMLElement);
  const next = rows[from === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, from + delta))];
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}
