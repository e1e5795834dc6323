import { useSyncExternalStore } from 'react';
import { conversationHref } from '@kefu/contracts';

// The screen lives in the URL hash, so a reload or a shared link keeps it: #/c/<id> is the inbox
// with that conversation open (#/c/<id>/t/<ticketId> with one of its tickets in view), #/sla the
// supervisors' SLA board, #/tickets the after-sales ticket list, #/analytics the analysts' desk,
// #/reports the client reports (#/reports/<id> one of them), anything else the inbox.
const CONVERSATION = /^#\/c\/([0-9a-zA-Z-]{1,64})(?:\/t\/([0-9a-zA-Z-]{1,64}))?$/;
const SLA_BOARD = '#/sla';
const TICKETS = '#/tickets';
const ANALYTICS = '#/analytics';
const REPORTS = '#/reports';
const KB = '#/kb';
const REPORT = /^#\/reports\/([0-9a-zA-Z-]{1,64})$/;

export type Screen = 'inbox' | 'sla' | 'tickets' | 'analytics' | 'reports' | 'kb';

const readConversationId = (): string | null => CONVERSATION.exec(window.location.hash)?.[1] ?? null;
const readTicketId = (): string | null => CONVERSATION.exec(window.location.hash)?.[2] ?? null;
const readReportId = (): string | null => REPORT.exec(window.location.hash)?.[1] ?? null;
function readScreen(): Screen {
  const hash = window.location.hash;
  if (hash === SLA_BOARD) return 'sla';
  if (hash === TICKETS) return 'tickets';
  if (hash === ANALYTICS) return 'analytics';
  if (hash === REPORTS || REPORT.test(hash)) return 'reports';
  if (hash === KB) return 'kb';
  return 'inbox';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export const useOpenConversationId = (): string | null => useSyncExternalStore(subscribe, readConversationId);
/** The ticket a link asked to show in the open conversation's side panel. */
export const useFocusedTicketId = (): string | null => useSyncExternalStore(subscribe, readTicketId);
export const useScreen = (): Screen => useSyncExternalStore(subscribe, readScreen);
/** The client report open on #/reports/<id>, or null on the list. */
export const useReportId = (): string | null => useSyncExternalStore(subscribe, readReportId);

export { conversationHref };
export const SLA_BOARD_HREF = SLA_BOARD;
export const TICKETS_HREF = TICKETS;
export const ANALYTICS_HREF = ANALYTICS;
export const REPORTS_HREF = REPORTS;
/** The knowledge base (supervisors and admins). */
export const KB_HREF = KB;
export const reportHref = (id: string): string => `#/reports/${id}`;

/**
 * Where a signed-in user starts when the address names no screen: analysts at their desk, everyone
 * else in the inbox. Called before the desk first renders (it reads the address then), so nothing
 * needs telling.
 */
export function openHomeScreen(role: string): void {
  const hash = window.location.hash;
  if (role === 'analyst' && (hash === '' || hash === '#' || hash === '#/')) {
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}${ANALYTICS}`);
  }
}

export function openConversation(id: string | null): void {
  const hash = id ? conversationHref(id) : '';
  if (window.location.hash === hash) return;
  if (id) window.location.hash = hash;
  else history.pushState(null, '', window.location.pathname + window.location.search);
  if (!id) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function openSlaBoard(): void {
  if (window.location.hash !== SLA_BOARD) window.location.hash = SLA_BOARD;
}
