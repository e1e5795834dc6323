import { useEffect, useRef, useState } from 'react';
import { Outlet, RouterProvider, useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import type { User } from '@kefu/contracts';
import { ActivityProvider } from '../collision/ActivityProvider';
import { loadFilters } from '../inbox/filters';
import { filtersOf } from '../inbox/InboxRoute';
import { useDeskNotifications } from '../notify/useDeskNotifications';
import { useTitleBadge } from '../notify/useTitleBadge';
import { isInboxPath, setLinksRouter } from '../routing/links';
import { createDeskRouter, type InboxSearch } from '../routing/router';
import { OfflineBar } from '../shell/OfflineBar';
import { RuleChangeBanner } from '../guard/RuleChangeBanner';
import { Sidebar, type Screen } from '../shell/Sidebar';
import { NudgeProvider } from '../nudge/NudgeProvider';
import { MeProvider } from './me';
import { isLead } from './useDirectory';
import { useStores } from './useStores';

/** Who sees the analysis and the client reports. */
const ANALYSIS_ROLES: ReadonlySet<User['role']> = new Set(['analyst', 'supervisor', 'admin']);

/** The signed-in desk: its router (typed routes in the address's hash), one per user. */
export function Desk({ user, onLogout }: { user: User; onLogout(): void }) {
  const [router] = useState(() => createDeskRouter(user));
  useEffect(() => {
    setLinksRouter(router);
    return () => setLinksRouter(null);
  }, [router]);
  return (
    <MeProvider user={user}>
      <RouterProvider router={router} context={{ user, logout: onLogout }} />
    </MeProvider>
  );
}

const screenOf = (pathname: string): Screen =>
  isInboxPath(pathname) ? 'inbox' : (['sla', 'tickets', 'analytics', 'reports', 'statements', 'kb', 'guard', 'admin'] as const).find((s) => pathname === `/${s}` || pathname.startsWith(`/${s}/`)) ?? 'inbox';

/** Every screen's frame: the sidebar, the offline bar, and the screen of the address. */
export function DeskLayout() {
  const { user, logout } = useRouteContext({ from: '__root__' });
  const navigate = useNavigate();
  const location = useRouterState({ select: (s) => s.location });
  const screen = screenOf(location.pathname);
  const inboxSearch = (isInboxPath(location.pathname) ? location.search : {}) as InboxSearch;
  const { view, storeId } = filtersOf(inboxSearch, loadFilters(user.id));
  const { stores } = useStores();
  const wide = screen !== 'inbox';
  const lastOpenId = useRef<string | null>(null);

  useTitleBadge(user.id);
  useDeskNotifications(user);

  // Leaving the board for the inbox brings back the conversation that was open there.
  const openId = /^\/c\/([^/]+)/.exec(location.pathname)?.[1] ?? null;
  useEffect(() => {
    if (openId) lastOpenId.current = openId;
  }, [openId]);
  const toInbox = (patch: InboxSearch) => {
    const search = { ...inboxSearch, ...patch };
    const id = wide ? lastOpenId.current : openId;
    if (id) void navigate({ to: '/c/$conversationId', params: { conversationId: id }, search });
    else void navigate({ to: '/', search });
  };

  return (
    <ActivityProvider meId={user.id}>
      <NudgeProvider>
        <div className={`desk${wide ? ' desk--board' : ''}${screen === 'reports' && location.pathname !== '/reports' ? ' desk--report' : ''}${screen === 'statements' ? ' desk--statements' : ''}`}>
          <Sidebar
            user={user}
            screen={screen}
            showSlaBoard={isLead(user)}
            showAnalytics={ANALYSIS_ROLES.has(user.role)}
            view={view}
            onViewChange={(v) => toInbox({ view: v })}
            stores={stores}
            storeId={storeId}
            onStoreChange={(s) => toInbox({ store: s || undefined })}
            onLogout={logout}
          />
          <OfflineBar meId={user.id} />
          <RuleChangeBanner user={user} />
          <Outlet />
        </div>
      </NudgeProvider>
    </ActivityProvider>
  );
}
