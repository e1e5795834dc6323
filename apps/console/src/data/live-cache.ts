import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveBus, LiveEvent } from '../live/live-bus';

/** What a reducer answers when only the server can tell: the query is fetched again after `delayMs`. */
export class Stale {
  constructor(readonly delayMs = 0) {}
}

/** How one family of cached queries (the first element of their key) changes with a live event. */
export type LiveReducer<T> = (data: T, event: LiveEvent, key: QueryKey) => T | Stale;

/** The store an event concerns, when it names one. */
export const storeOf = (event: LiveEvent): string | undefined => ('storeId' in event.payload ? (event.payload.storeId ?? undefined) : undefined);

const reducers = new Map<string, LiveReducer<unknown>>();

/** Registers the reducer of a query family; every cached query of that family follows the live events through it. */
export function liveFamily<T>(family: string, reducer: LiveReducer<T>): string {
  reducers.set(family, reducer as LiveReducer<unknown>);
  return family;
}

/** How long a live query's answer counts as fresh: the socket keeps it so, and a reconnect reads it again. */
export const LIVE_STALE_MS = 5 * 60_000;

/** Whether a query family follows the live events (its answers need no reading again when a screen mounts). */
export const isLiveFamily = (family: unknown): boolean => reducers.has(String(family));

/** Live changes are remembered this long, to be applied again on top of an answer fetched while they arrived. */
const MEMORY_MS = 30_000;
const recent: { at: number; event: LiveEvent }[] = [];

function remember(event: LiveEvent): void {
  const now = performance.now();
  recent.push({ at: now, event });
  while (recent.length > 0 && now - recent[0].at > MEMORY_MS) recent.shift();
}

/**
 * The query function of a live query: the answer, with the live changes that arrived while it was on its way applied
 * again on top (the server may have answered before or after them).
 */
export function liveQueryFn<T>(fetch: () => Promise<T>) {
  return async ({ queryKey }: { queryKey: QueryKey }): Promise<T> => {
    const startedAt = performance.now();
    const data = await fetch();
    const reducer = reducers.get(String(queryKey[0])) as LiveReducer<T> | undefined;
    if (!reducer) return data;
    let d = data;
    for (const r of recent) {
      if (r.at < startedAt) continue;
      const next = reducer(d, r.event, queryKey);
      if (!(next instanceof Stale)) d = next as Awaited<T>;
    }
    return d;
  };
}

/**
 * Applies every live event to the cached queries through their family's reducer, fetches again (debounced) what a
 * reducer cannot decide, and invalidates everything on a reconnect. Returns the unsubscribe function.
 */
export function syncCacheWithLive(client: QueryClient, bus: LiveBus): () => void {
  const scheduled = new Map<string, { due: number; timer: ReturnType<typeof setTimeout> }>();
  const refetchLater = (key: QueryKey, delayMs: number) => {
    const hash = JSON.stringify(key);
    const due = performance.now() + delayMs;
    const pending = scheduled.get(hash);
    if (pending && pending.due <= due) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      scheduled.delete(hash);
      void client.invalidateQueries({ queryKey: key, exact: true });
    }, delayMs);
    scheduled.set(hash, { due, timer });
  };

  const off = bus.onAny((event) => {
    remember(event);
    for (const query of client.getQueryCache().getAll()) {
      const reducer = reducers.get(String(query.queryKey[0]));
      if (!reducer || query.state.data === undefined) continue;
      const next = reducer(query.state.data, event, query.queryKey);
      if (next instanceof Stale) refetchLater(query.queryKey, next.delayMs);
      else if (next !== query.state.data) client.setQueryData(query.queryKey, next);
    }
  });
  return () => {
    off();
    for (const { timer } of scheduled.values()) clearTimeout(timer);
  };
}
