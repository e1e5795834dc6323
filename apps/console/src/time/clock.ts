import { useSyncExternalStore } from 'react';
import { serverNow } from './server-clock';

// One shared one-second ticker for every countdown on screen.
let now = serverNow();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick() {
  now = serverNow();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = serverNow();
    timer = setInterval(tick, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;

/** The current time on the server's clock, re-rendering the caller every second. */
export const useNow = (): number => useSyncExternalStore(subscribe, snapshot);

const minuteSnapshot = () => Math.floor(now / 60_000) * 60_000;

/** The current minute: for labels like "Today" that need no per-second re-render. */
export const useNowMinute = (): number => useSyncExternalStore(subscribe, minuteSnapshot);
