import { useCallback, useSyncExternalStore } from 'react';

// Per user, in this browser: whether notifications are muted, and whether the desktop permission was asked already.
const muteKey = (userId: string) => `kefu.notify.muted.${userId}`;
const askedKey = (userId: string) => `kefu.notify.asked.${userId}`;
const listeners = new Set<() => void>();

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'true';
  } catch {
    return false;
  }
}

function write(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // not remembered
  }
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const isMuted = (userId: string): boolean => read(muteKey(userId));

/** The mute switch of desktop notifications and sounds. */
export function useMuted(userId: string): [boolean, (muted: boolean) => void] {
  const muted = useSyncExternalStore(subscribe, () => read(muteKey(userId)));
  const set = useCallback((m: boolean) => write(muteKey(userId), m), [userId]);
  return [muted, set];
}

/** Asks for the desktop permission once per user and browser (the browser then remembers the answer). */
export function askPermissionOnce(userId: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default' || read(askedKey(userId))) return;
  write(askedKey(userId), true);
  void Notification.requestPermission();
}
