import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Page } from '@kefu/contracts';
import { apiErrorOf, toApiError } from './errors';
import { isLiveFamily, LIVE_STALE_MS, liveQueryFn } from './live-cache';

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** A list as cached: the rows loaded so far (first page and more), the server's total and where it goes on. */
export interface LiveList<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/**
 * A row arriving live in a sorted list: inserted, moved or dropped. `visible` false drops it; `merge` combines it with
 * the row already there (an event may overtake another). Rows and total change only when something changed.
 */
export function applyRow<T extends { id: string }>(list: LiveList<T>, row: T, visible: boolean, order: (a: T, b: T) => number, merge: (previous: T | undefined, incoming: T) => T | null = (_p, r) => r): LiveList<T> {
  const index = list.items.findIndex((r) => r.id === row.id);
  if (!visible) {
    if (index === -1) return list;
    return { ...list, items: list.items.filter((r) => r.id !== row.id), total: Math.max(0, list.total - 1) };
  }
  const merged = merge(index === -1 ? undefined : list.items[index], row);
  if (merged === null) return list;
  const rest = index === -1 ? list.items : list.items.filter((r) => r.id !== row.id);
  const items = [...rest, merged].sort(order);
  return { ...list, items, total: list.total + (index === -1 ? 1 : 0) };
}

/** A further page appended, leaving out rows already there (live rows can overlap a page). */
export function appendPage<T extends { id: string }>(list: LiveList<T>, page: Page<T>, order: (a: T, b: T) => number): LiveList<T> {
  const known = new Set(list.items.map((r) => r.id));
  return { items: [...list.items, ...page.items.filter((r) => !known.has(r.id))].sort(order), total: page.total, nextCursor: page.nextCursor };
}

/**
 * A paginated list kept live through its family's reducer: the first page (as many rows as were loaded, when it is read
 * again on a reconnect), more on demand.
 */
export function useLiveListQuery<T extends { id: string }>(key: QueryKey, fetchPage: (opts: { limit: number; cursor?: string }) => Promise<Page<T>>, order: (a: T, b: T) => number) {
  const client = useQueryClient();
  const [loadingMore, setLoadingMore] = useState(false);
  const query = useQuery({
    queryKey: key,
    staleTime: isLiveFamily(key[0]) ? LIVE_STALE_MS : 0,
    queryFn: liveQueryFn(async (): Promise<LiveList<T>> => {
      const loaded = client.getQueryData<LiveList<T>>(key)?.items.length ?? 0;
      const page = await fetchPage({ limit: Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, loaded)) });
      return { items: [...page.items].sort(order), total: page.total, nextCursor: page.nextCursor };
    }),
  });
  const data = query.data;

  // "Load more" reads the list it was asked on; the key is compared by content, so its identity does not matter.
  const latest = useRef({ key, fetchPage, order });
  useEffect(() => {
    latest.current = { key, fetchPage, order };
  });
  const inFlight = useRef(false);
  const loadMore = useCallback(async () => {
    const { key: listKey, fetchPage: fetchMore, order: listOrder } = latest.current;
    const current = client.getQueryData<LiveList<T>>(listKey);
    if (!current?.nextCursor || inFlight.current) return;
    inFlight.current = true;
    setLoadingMore(true);
    try {
      const page = await fetchMore({ limit: PAGE_SIZE, cursor: current.nextCursor });
      client.setQueryData<LiveList<T>>(listKey, (d) => (d ? appendPage(d, page, listOrder) : d));
    } catch (err) {
      console.warn('Could not load more', toApiError(err).message);
    } finally {
      inFlight.current = false;
      setLoadingMore(false);
    }
  }, [client]);

  return {
    items: data?.items ?? [],
    total: data?.total ?? 0,
    hasMore: !!data?.nextCursor,
    loading: query.isPending,
    loadingMore,
    error: apiErrorOf(query.error),
    loadMore,
    reload: () => void query.refetch(),
  };
}
