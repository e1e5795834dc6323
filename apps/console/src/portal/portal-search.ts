import { z } from 'zod';
import { CONVERSATION_STATUSES, text, type Role } from '@kefu/contracts';
import { MonthParam } from '../billing/statement-search';

// The portal's addresses: who may be there, and each screen's choices in the address (a bad value is dropped, not an error).

export const PORTAL_PERIODS = ['last7', 'last30', 'thisMonth', 'lastMonth'] as const;
export type PortalPeriod = (typeof PORTAL_PERIODS)[number];
export const DEFAULT_PORTAL_PERIOD: PortalPeriod = 'last30';

export const isPortalPath = (pathname: string): boolean => pathname === '/portal' || pathname.startsWith('/portal/');

/** Where a user at `pathname` must go instead: a client anywhere but the portal to the portal, anyone else out of it; null to stay. */
export function portalRedirect(role: Role, pathname: string): '/portal' | '/' | null {
  const portal = isPortalPath(pathname);
  if (role === 'client') return portal ? null : '/portal';
  return portal ? '/' : null;
}

const store = text().max(64).optional().catch(undefined);

/** #/portal?store=…&period=last7 */
export const OverviewSearch = z.object({ store, period: z.enum(PORTAL_PERIODS).optional().catch(undefined) });
export type OverviewSearch = z.infer<typeof OverviewSearch>;

/** #/portal/statement?month=2026-03 */
export const StatementSearch = z.object({ month: MonthParam });
export type StatementSearch = z.infer<typeof StatementSearch>;

/** #/portal/conversations?store=…&status=open&q=… */
export const ConversationsSearch = z.object({
  store,
  status: z.enum(CONVERSATION_STATUSES).optional().catch(undefined),
  q: text().max(200).optional().catch(undefined),
});
export type ConversationsSearch = z.infer<typeof ConversationsSearch>;
