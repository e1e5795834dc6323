import { useSyncExternalStore } from 'react';

// The screen lives in the URL hash, so a reload or a shared link keeps it: #/c/<id> is the inbox
// with that conversation open (#/c/<id>/t/<ticketId> with one of its tickets in view), #/sla the
// supervisors' SLA board, #/tickets the after-sales ticket list, anything else the inbox.
const CONVERSATION = /^#\/c\/([0-9a-zA-Z-]{1,64})(?:\/t\/([0-9a-zA-Z-]{1,64}))?$/;
const SLA_BOARD = '#/sla';
const TICKETS = '#/tickets';

export type Screen = 'inbox' | 'sla' | 'tickets';

const readConversationId = (): string | null => CONVERSATION.exec(window.location.hash)?.[1] ?? null;
const readTicketId = (): string | null => CONVERSATION.exec(window.location.hash)?.[2] ?? null;
const readScreen = (): Screen => (window.location.hash === SLA_BOARD ? 'sla' : window.location.hash === TICKETS ? 'tickets' : 'inbox');

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export const useOpenConversationId = (): string | null => useSyncExternalStore(subscribe, readConversationId);
/** The ticket a link asked to show in the open conversation's side panel. */
export const useFocusedTicketId = (): string | null => useSyncExternalStore(subscribe, readTicketId);
export const useScreen = (): Screen => useSyncExternalStore(subscribe, readScreen);

export const conversationHref = (id: string, ticketId?: string | null): string => (ticketId ? `#/c/${id}/t/${ticketId}` : `#/c/${id}`);
export const SLA_BOARD_HREF = SLA_BOARD;
export const TICKETS_HREF = TICKETS;

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
