import { useCallback, useSyncExternalStore } from 'react';
import type { User } from '@kefu/contracts';
import { isLead } from '../desk/useDirectory';

// Per user, in this browser: whether notifications are muted, whether the waiting nudges are, and whether the desktop
// permission was asked already.
const muteKey = (userId: string) => `kefu.notify.muted.${userId}`;
const nudgesKey = (userId: string) => `kefu.notify.nudgesMuted.${userId}`;
const askedKey = (userId: string) => `kefu.notify.asked.${userId}`;
const listeners = new Set<() => void>();

function readRaw(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const read = (key: string): boolean => readRaw(key) === 'true';

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

/**
 * Whether the waiting nudges (`sla.nudge`) are muted: until chosen, for supervisors and admins (who receive every
 * store's), not for agents.
 */
export const areNudgesMuted = (user: User): boolean => {
  const chosen = readRaw(nudgesKey(user.id));
  return chosen === null ? isLead(user) : chosen === 'true';
};

/** The mute switch of the waiting nudges' notifications and sounds (the chats still show them). */
export function useNudgesMuted(user: User): [boolean, (muted: boolean) => void] {
  const muted = useSyncExternalStore(subscribe, () => areNudgesMuted(user));
  const set = useCallback((m: boolean) => write(nudgesKey(user.id), m), [user.id]);
  return [muted, set];
}

/** Asks for the desktop permission once per user and browser (the browser then remembers the answer). */
export function askPermissionOnce(userId: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default' || read(askedKey(userId))) return;
  write(askedKey(userId), true);
  void Notification.requestPermission();
}
