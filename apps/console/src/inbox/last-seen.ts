import { useCallback, useSyncExternalStore } from 'react';

// When the current user last saw each conversation (its lastMessageAt at that moment, on the
// server's clock), kept per user in localStorage and shared between tabs.
type SeenMap = Record<string, string>;

const MAX_ENTRIES = 2_000;
const keyOf = (userId: string) => `kefu.lastSeen.${userId}`;

const cache = new Map<string, SeenMap>();
const listeners = new Set<() => void>();

function read(userId: string): SeenMap {
  let map = cache.get(userId);
  if (!map) {
    try {
      map = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '{}') as SeenMap;
    } catch {
      map = {};
    }
    cache.set(userId, map);
  }
  return map;
}

function write(userId: string, map: SeenMap): void {
  let entries = Object.entries(map);
  if (entries.length > MAX_ENTRIES) {
    entries = entries.sort((a, b) => (a[1] < b[1] ? 1 : -1)).slice(0, MAX_ENTRIES);
    map = Object.fromEntries(entries);
  }
  cache.set(userId, map);
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(map));
  } catch {
    // Storage full or unavailable: unread marks last as long as the tab.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('kefu.lastSeen.')) {
      cache.clear();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useLastSeen(userId: string) {
  const seen = useSyncExternalStore(subscribe, () => read(userId));

  const markSeen = useCallback(
    (conversationId: string, lastMessageAt: string) => {
      const current = read(userId);
      const previous = current[conversationId];
      if (previous && Date.parse(previous) >= Date.parse(lastMessageAt)) return;
      write(userId, { ...current, [conversationId]: lastMessageAt });
    },
    [userId],
  );

  const isUnread = useCallback(
    (conversationId: string, lastMessageAt: string) => {
      const at = seen[conversationId];
      return !at || Date.parse(lastMessageAt) > Date.parse(at);
    },
    [seen],
  );

  return { isUnread, markSeen };
}
