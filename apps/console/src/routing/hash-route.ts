import { useSyncExternalStore } from 'react';

// The open conversation lives in the URL hash (#/c/<id>), so a reload or a shared link keeps it.
const PATTERN = /^#\/c\/([0-9a-zA-Z-]{1,64})$/;

const readConversationId = (): string | null => PATTERN.exec(window.location.hash)?.[1] ?? null;

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export const useOpenConversationId = (): string | null => useSyncExternalStore(subscribe, readConversationId);

export function openConversation(id: string | null): void {
  const hash = id ? `#/c/${id}` : '';
  if (window.location.hash === hash) return;
  if (id) window.location.hash = hash;
  else history.pushState(null, '', window.location.pathname + window.location.search);
  if (!id) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
