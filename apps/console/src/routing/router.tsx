import { createHashHistory, createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, redirect, useRouteContext } from '@tanstack/react-router';
import { z } from 'zod';
import { CONVERSATION_STATUSES, ReportPeriod, text, type User } from '@kefu/contracts';
import { DeskLayout } from '../desk/Desk';
import { INBOX_VIEWS } from '../inbox/filters';
import { InboxRoute } from '../inbox/InboxRoute';
import { AnalyticsSearch } from '../analytics/filters';
import { TicketSearch } from '../tickets/ticket-search';
import { ReviewSearch } from '../guard/review-figures';
import { PortalLayout } from '../portal/PortalLayout';
import { ConversationsSearch, OverviewSearch, StatementSearch, portalRedirect } from '../portal/portal-search';
import { StatementsSearch } from '../billing/statement-search';
import { STATEMENT_ROLES } from '../billing/statement-roles';

// The desk's screens as typed routes in the address's hash (#/c/<id>, #/sla …, so a reload or a shared link keeps
// the screen and its filters); the screens other than the inbox load when first opened.

export interface DeskRouterContext {
  user: User;
  logout(): void;
}

type Role = User['role'];
const LEADS: ReadonlySet<Role> = new Set(['supervisor', 'admin']);
const ANALYSIS: ReadonlySet<Role> = new Set(['analyst', 'supervisor', 'admin']);
const ADMINS: ReadonlySet<Role> = new Set(['admin']);

/** A screen for some roles only: anyone else lands in the inbox. */
const only =
  (roles: ReadonlySet<Role>) =>
  ({ context }: { context: DeskRouterContext }) => {
    if (!roles.has(context.user.role)) throw redirect({ to: '/' });
  };

/** The inbox's filters in the address: a bad value is dropped, not an error. */
export const InboxSearch = z.object({
  view: z.enum(INBOX_VIEWS as [string, ...string[]]).optional().catch(undefined),
  store: text().max(64).optional().catch(undefined),
  status: z.enum([...CONVERSATION_STATUSES, 'all']).optional().catch(undefined),
  q: text().max(200).optional().catch(undefined),
});
export type InboxSearch = z.infer<typeof InboxSearch>;

/** The SLA board's view in the address: one store, one agent ('none': unassigned), the wall screen. */
export const BoardSearch = z.object({
  store: text().max(64).optional().catch(undefined),
  agent: text().max(64).optional().catch(undefined),
  wall: z.boolean().optional().catch(undefined),
});
export type BoardSearch = z.infer<typeof BoardSearch>;

/** The client reports' filters in the address (#/reports?store=…&period=week): a link, Back and a reload keep them. */
export const ReportsSearch = z.object({
  store: text().max(64).optional().catch(undefined),
  period: ReportPeriod.optional().catch(undefined),
});
export type ReportsSearch = z.infer<typeof ReportsSearch>;

/** A brand's staff (`client`) get the portal's frame; everyone else the desk's. */
function RootLayout() {
  const { user } = useRouteContext({ from: '__root__' });
  return user.role === 'client' ? <PortalLayout /> : <DeskLayout />;
}

const rootRoute = createRootRouteWithContext<DeskRouterContext>()({
  component: RootLayout,
  // A client sees the portal and nothing else; the agency's people never the portal.
  beforeLoad: ({ context, location }) => {
    const to = portalRedirect(context.user.role, location.pathname);
    if (to) throw redirect({ to });
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: InboxSearch,
  // Analysts start at their desk.
  beforeLoad: ({ context }) => {
    if (context.user.role === 'analyst') throw redirect({ to: '/analytics' });
  },
  component: InboxRoute,
});
const conversationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/c/$conversationId', validateSearch: InboxSearch, component: InboxRoute });
const conversationTicketRoute = createRoute({ getParentRoute: () => rootRoute, path: '/c/$conversationId/t/$ticketId', validateSearch: InboxSearch, component: InboxRoute });
const ticketsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/tickets', validateSearch: TicketSearch, component: lazyRouteComponent(() => import('../tickets/TicketList'), 'TicketList') });
const slaRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sla',
  validateSearch: BoardSearch,
  beforeLoad: only(LEADS),
  component: lazyRouteComponent(() => import('../sla/SlaBoard'), 'SlaBoard'),
});
const kbRoute = createRoute({ getParentRoute: () => rootRoute, path: '/kb', beforeLoad: only(LEADS), component: lazyRouteComponent(() => import('../kb/KbScreen'), 'KbScreen') });
const analyticsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/analytics',
  validateSearch: AnalyticsSearch,
  beforeLoad: only(ANALYSIS),
  component: lazyRouteComponent(() => import('../analytics/AnalyticsScreen'), 'AnalyticsScreen'),
});
const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  validateSearch: ReportsSearch,
  beforeLoad: only(ANALYSIS),
  component: lazyRouteComponent(() => import('../reports/ReportsScreen'), 'ReportsScreen'),
});
const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/$reportId',
  beforeLoad: only(ANALYSIS),
  component: lazyRouteComponent(() => import('../reports/ReportPage'), 'ReportRoute'),
});
// The agency's fees, store by store (analysts and admins: who the API lets read them).
const statementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/statements',
  validateSearch: StatementsSearch,
  beforeLoad: only(STATEMENT_ROLES),
  component: lazyRouteComponent(() => import('../billing/StatementsScreen'), 'StatementsScreen'),
});

// Setting the desk up (admins only): stores with their hours, holidays, policies and channels; people; the audit log.
const adminStoresRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/stores', beforeLoad: only(ADMINS), component: lazyRouteComponent(() => import('../admin/StoresScreen'), 'StoresScreen') });
const adminStoreRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/stores/$storeId', beforeLoad: only(ADMINS), component: lazyRouteComponent(() => import('../admin/StoreEditor'), 'StoreEditorRoute') });
const adminPeopleRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/people', beforeLoad: only(ADMINS), component: lazyRouteComponent(() => import('../admin/PeopleScreen'), 'PeopleScreen') });
const adminAuditRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/audit', beforeLoad: only(ADMINS), component: lazyRouteComponent(() => import('../admin/AuditScreen'), 'AuditScreen') });
const adminDeskRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/desk', beforeLoad: only(ADMINS), component: lazyRouteComponent(() => import('../admin/DeskSettingsScreen'), 'DeskSettingsScreen') });

const guardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/guard', beforeLoad: only(LEADS), component: lazyRouteComponent(() => import('../guard/GuardScreen'), 'GuardScreen') });
const guardReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/guard/review',
  validateSearch: ReviewSearch,
  beforeLoad: only(LEADS),
  component: lazyRouteComponent(() => import('../guard/ReviewScreen'), 'ReviewScreen'),
});

// The brand's portal (clients only: the root's guard).
const portalRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal', validateSearch: OverviewSearch, component: lazyRouteComponent(() => import('../portal/OverviewScreen'), 'OverviewScreen') });
const portalReportsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal/reports', component: lazyRouteComponent(() => import('../portal/PortalReports'), 'PortalReports') });
const portalReportRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal/reports/$reportId', component: lazyRouteComponent(() => import('../portal/PortalReport'), 'PortalReportRoute') });
const portalStatementRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal/statement', validateSearch: StatementSearch, component: lazyRouteComponent(() => import('../portal/StatementScreen'), 'StatementScreen') });
const portalConversationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal/conversations', validateSearch: ConversationsSearch, component: lazyRouteComponent(() => import('../portal/PortalConversations'), 'PortalConversations') });
const portalConversationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal/conversations/$conversationId', validateSearch: ConversationsSearch, component: lazyRouteComponent(() => import('../portal/PortalConversations'), 'PortalConversations') });

const routeTree = rootRoute.addChildren([inboxRoute, conversationRoute, conversationTicketRoute, ticketsRoute, slaRoute, kbRoute, analyticsRoute, reportsRoute, reportRoute, statementsRoute, guardRoute, guardReviewRoute, adminStoresRoute, adminStoreRoute, adminPeopleRoute, adminAuditRoute, adminDeskRoute, portalRoute, portalReportsRoute, portalReportRoute, portalStatementRoute, portalConversationsRoute, portalConversationRoute]);

export function createDeskRouter(user: User) {
  const context: DeskRouterContext = { user, logout: () => undefined };
  return createRouter({
    routeTree,
    history: createHashHistory(),
    context,
    // An address that names no screen is the inbox.
    notFoundMode: 'root',
    defaultNotFoundComponent: () => {
      throw redirect({ to: '/' });
    },
    defaultPendingMs: 150,
  });
}

export type DeskRouter = ReturnType<typeof createDeskRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: DeskRouter;
  }
}
