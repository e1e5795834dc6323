import { conversationHref } from '@kefu/contracts';
import type { DeskRouter } from './router';

// Addresses of the desk's screens (the router keeps them in the hash) and moving between them from code that has no
// route at hand (a notification, the inbox's keys).

let router: DeskRouter | null = null;
/** The router of the signed-in desk (set when it is made). */
export const setLinksRouter = (r: DeskRouter | null): void => {
  router = r;
};

/** The same address the server puts in an SLA alert's link. */
export { conversationHref };
export const reportHref = (id: string): string => `#/reports/${id}`;
export const REPORTS_HREF = '#/reports';

/** Whether an address is the inbox's (its filters carry over from one conversation to the next). */
export const isInboxPath = (pathname: string): boolean => pathname === '/' || pathname.startsWith('/c/');

/** Opens a conversation in the inbox, keeping the inbox's filters when already there (or the inbox alone, for null). */
export function openConversation(id: string | null): void {
  if (!router) return;
  const keep = isInboxPath(router.state.location.pathname);
  const search = (prev: Record<string, unknown>) => (keep ? prev : {});
  if (id) void router.navigate({ to: '/c/$conversationId', params: { conversationId: id }, search });
  else void router.navigate({ to: '/', search });
}
