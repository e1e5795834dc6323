import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '@kefu/contracts';
import { ActivityProvider } from '../collision/ActivityProvider';
import { DEFAULT_FILTERS, loadFilters, saveFilters, type InboxFilters } from '../inbox/filters';
import { InboxScreen } from '../inbox/InboxScreen';
import { useDeskNotifications } from '../notify/useDeskNotifications';
import { useTitleBadge } from '../notify/useTitleBadge';
import { openConversation, openHomeScreen, useFocusedTicketId, useOpenConversationId, useReportId, useScreen } from '../routing/hash-route';
import { OfflineBar } from '../shell/OfflineBar';
import { Sidebar } from '../shell/Sidebar';
import { isLead, useDirectory } from './useDirectory';
import { useStores } from './useStores';

// Screens other than the inbox load only for those who open them (the charts and their library above all).
const AnalyticsScreen = lazy(() => import('../analytics/AnalyticsScreen').then((m) => ({ default: m.AnalyticsScreen })));
const SlaBoard = lazy(() => import('../sla/SlaBoard').then((m) => ({ default: m.SlaBoard })));
const TicketList = lazy(() => import('../tickets/TicketList').then((m) => ({ default: m.TicketList })));
const KbScreen = lazy(() => import('../kb/KbScreen').then((m) => ({ default: m.KbScreen })));
const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const ReportPage = lazy(() => import('../reports/ReportPage').then((m) => ({ default: m.ReportPage })));

/** Who sees the analysis and the client reports. */
const ANALYSIS_ROLES: ReadonlySet<User['role']> = new Set(['analyst', 'supervisor', 'admin']);

/** The signed-in desk: sidebar, live inbox and the open conversation, the ticket list, (supervisors) the SLA board, or (analysts, supervisors, admins) the analysis and client reports. */
export function Desk({ user, onLogout }: { user: User; onLogout(): void }) {
  // Analysts start at their desk, before anything reads the address.
  useState(() => openHomeScreen(user.role));
  const { stores, storesLoaded, storeById } = useStores();
  const directory = useDirectory(user);
  const [filters, setFilters] = useState<InboxFilters>(() => loadFilters(user.id));
  const openId = useOpenConversationId();
  const focusTicketId = useFocusedTicketId();
  const lead = isLead(user);
  const screen = useScreen();
  // #/sla and #/kb are for supervisors and admins, #/analytics and #/reports for analysts too; anyone else gets the inbox there.
  const analysis = ANALYSIS_ROLES.has(user.role);
  const shown = (screen === 'sla' || screen === 'kb') && !lead ? 'inbox' : (screen === 'analytics' || screen === 'reports') && !analysis ? 'inbox' : screen;
  const reportId = useReportId();
  const wide = shown !== 'inbox';
  const lastOpenId = useRef(openId);

  useTitleBadge(user.id);
  useDeskNotifications(user);

  // A remembered store the user no longer serves is dropped once the stores are known.
  const storeFilterValid = !filters.storeId || !storesLoaded || storeById.has(filters.storeId);
  const effectiveFilters = useMemo(() => (storeFilterValid ? filters : { ...filters, storeId: '' }), [filters, storeFilterValid]);

  useEffect(() => saveFilters(user.id, filters), [user.id, filters]);

  // Leaving the board for the inbox brings back the conversation that was open there.
  useEffect(() => {
    if (openId) lastOpenId.current = openId;
  }, [openId]);
  const toInbox = () => {
    if (wide) openConversation(lastOpenId.current);
  };

  const changeFilters = useCallback((patch: Partial<InboxFilters>) => setFilters((f) => (Object.entries(patch).every(([k, v]) => f[k as keyof InboxFilters] === v) ? f : { ...f, ...patch })), []);
  const clearFilters = useCallback(() => setFilters({ ...DEFAULT_FILTERS, view: 'all' }), []);

  return (
    <ActivityProvider meId={user.id}>
      <div className={`desk${wide ? ' desk--board' : ''}${shown === 'reports' && reportId ? ' desk--report' : ''}`}>
        <Sidebar
          user={user}
          screen={shown}
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
        <OfflineBar meId={user.id} />
        {shown === 'inbox' ? (
          <InboxScreen
            me={user}
            filters={effectiveFilters}
            onFiltersChange={changeFilters}
            onClearFilters={clearFilters}
            stores={stores}
            storeById={storeById}
            directory={directory}
            openId={openId}
            focusTicketId={focusTicketId}
          />
        ) : (
          <Suspense fallback={<ScreenLoading />}>
            {shown === 'sla' ? (
              <SlaBoard userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} directory={directory} />
            ) : shown === 'tickets' ? (
              <TicketList userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} />
            ) : shown === 'analytics' ? (
              <AnalyticsScreen userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} />
            ) : shown === 'kb' ? (
              <KbScreen stores={stores} storeById={storeById} />
            ) : reportId ? (
              <ReportPage reportId={reportId} storeById={storeById} userById={directory.userById} />
            ) : (
              <ReportsScreen userId={user.id} stores={stores} storesLoaded={storesLoaded} storeById={storeById} userById={directory.userById} />
            )}
          </Suspense>
        )}
      </div>
    </ActivityProvider>
  );
}

function ScreenLoading() {
  return (
    <main className="board" aria-busy="true">
      <div className="board-empty" role="status">
        <span className="spinner" aria-hidden="true" />
      </div>
    </main>
  );
}
