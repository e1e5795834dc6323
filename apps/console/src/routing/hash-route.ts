import { useSyncExternalStore } from 'react';

// The screen lives in the URL hash, so a reload or a shared link keeps it: #/c/<id> is the inbox
// with that conversation open, #/sla the supervisors' SLA board, anything else the inbox.
const CONVERSATION = /^#\/c\/([0-9a-zA-Z-]{1,64})$/;
const SLA_BOARD = '#/sla';

export type Screen = 'inbox' | 'sla';

const readConversationId = (): string | null => CONVERSATION.exec(window.location.hash)?.[1] ?? null;
const readScreen = (): Screen => (window.location.hash === SLA_BOARD ? 'sla' : 'inbox');

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export const useOpenConversationId = (): string | null => useSyncExternalStore(subscribe, readConversationId);
export const useScreen = (): Screen => useSyncExternalStore(subscribe, readScreen);

export const conversationHref = (id: string): string => `#/c/${id}`;
export const SLA_BOARD_HREF = SLA_BOARD;

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
