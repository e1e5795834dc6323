import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { useDeskLive } from './DeskLiveProvider';

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

interface ListData<T> {
  /** The query these rows answer; while it differs from the current one, the list is loading. */
  key: string;
  items: T[];
  total: number;
  nextCursor: string | null;
  error: ApiRequestError | null;
}

type LiveChange<T> = { at: number; apply: (items: T[]) => T[] };

const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

export interface LiveListSource<T> {
  /** The query as a string: the list depends on its content, not on object identity. */
  key: string;
  fetchPage: (opts: { limit: number; cursor?: string }, signal?: AbortSignal) => Promise<Page<T>>;
  /** Order of the rows as the server returns them. */
  sort: (a: T, b: T) => number;
  /** Appends a further page, leaving out rows already there. */
  append: (items: T[], page: T[]) => T[];
}

/**
 * A paginated list kept live: the first page of a query, more on demand, live changes applied as they
 * arrive (and again on top of a page fetched while they arrived), everything fetched again on each
 * (re)connect so that nothing is missed. The caller wires its live events to `applyLive`.
 */
export function useLiveList<T>({ key, fetchPage, sort, append }: LiveListSource<T>) {
  const { epoch } = useDeskLive();
  const [data, setData] = useState<ListData<T>>({ key: '', items: [], total: 0, nextCursor: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  const loadedCount = useRef(0);
  const loadedKey = useRef('');
  const recentChanges = useRef<LiveChange<T>[]>([]);
  // The fetcher changes identity with every render; the key says when the query really changed.
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    loadedCount.current = data.items.length;
  }, [data.items.length]);

  useEffect(() => {
    const ctrl = new AbortController();
    const startedAt = performance.now();
    const limit = loadedKey.current === key ? Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, loadedCount.current)) : PAGE_SIZE;
    fetchRef.current({ limit }, ctrl.signal)
      .then((page) => {
        // Live changes that arrived while the request was on its way are applied again on top.
        const missed = recentChanges.current.filter((c) => c.at >= startedAt);
        const items = missed.reduce((list, change) => change.apply(list), [...page.items].sort(sort));
        loadedKey.current = key;
        setData({ key, items, total: page.total, nextCursor: page.nextCursor, error: null });
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setData((d) => (d.key === key ? { ...d, error: errorOf(err) } : { key, items: [], total: 0, nextCursor: null, error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [key, epoch, reloads, sort]);

  /** Applies a live change; `countsNew`: rows it adds or removes change the total. */
  const applyLive = (apply: (items: T[]) => T[], countsNew: boolean) => {
    const now = performance.now();
    recentChanges.current = [...recentChanges.current.filter((c) => now - c.at < 30_000), { at: now, apply }];
    setData((d) => {
      if (d.key !== key) return d;
      const items = apply(d.items);
      if (items === d.items) return d;
      const total = d.total + (countsNew ? items.length - d.items.length : 0);
      return { ...d, items, total: Math.max(total, items.length) };
    });
  };

  const loadMore = useCallback(async () => {
    if (!data.nextCursor || loadingMore || data.key !== key) return;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current({ limit: PAGE_SIZE, cursor: data.nextCursor });
      setData((d) => (d.key === key ? { ...d, items: append(d.items, page.items), nextCursor: page.nextCursor, total: page.total, error: null } : d));
    } catch (err) {
      setData((d) => (d.key === key ? { ...d, error: errorOf(err) } : d));
    } finally {
      setLoadingMore(false);
    }
  }, [data.nextCursor, data.key, key, loadingMore, append]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  const current = data.key === key;
  return {
    items: current ? data.items : [],
    total: current ? data.total : 0,
    hasMore: current && data.nextCursor !== null,
    loading: !current,
    loadingMore,
    error: current ? data.error : null,
    loadMore,
    reload,
    applyLive,
  };
}
