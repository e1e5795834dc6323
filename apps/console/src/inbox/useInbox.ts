import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DeskEvent, type Conversation } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi, type ConversationQuery } from '../api/desk-api';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';
import { applyConversation, applyMessage, appendPage, byActivity } from './inbox-list';
import { matchesFilters, toQuery, type InboxFilters } from './filters';

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

interface InboxData {
  /** The query these rows answer; while it differs from the current one, the inbox is loading. */
  key: string;
  items: Conversation[];
  total: number;
  nextCursor: string | null;
  error: ApiRequestError | null;
}

type LiveChange = { at: number; apply: (items: Conversation[]) => Conversation[] };

const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/**
 * The live inbox: the first page of the filtered list, further pages on demand, and every live event
 * applied as it arrives. On each (re)connect the loaded rows are fetched again, so nothing is missed.
 */
export function useInbox(filters: InboxFilters, userId: string) {
  const { epoch } = useDeskLive();
  // The query as a string: effects and callbacks depend on its content, not on object identity.
  const key = JSON.stringify(toQuery(filters));
  const query = useMemo(() => JSON.parse(key) as ConversationQuery, [key]);
  const [data, setData] = useState<InboxData>({ key: '', items: [], total: 0, nextCursor: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  const loadedCount = useRef(0);
  const loadedKey = useRef('');
  const recentChanges = useRef<LiveChange[]>([]);

  useEffect(() => {
    loadedCount.current = data.items.length;
  }, [data.items.length]);

  useEffect(() => {
    const ctrl = new AbortController();
    const startedAt = performance.now();
    const sameList = loadedKey.current === key;
    const limit = sameList ? Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, loadedCount.current)) : PAGE_SIZE;
    deskApi
      .conversations({ ...query, limit }, ctrl.signal)
      .then((page) => {
        // Live changes that arrived while the request was on its way are applied again on top.
        const missed = recentChanges.current.filter((c) => c.at >= startedAt);
        const items = missed.reduce((list, change) => change.apply(list), [...page.items].sort(byActivity));
        loadedKey.current = key;
        setData({ key, items, total: page.total, nextCursor: page.nextCursor, error: null });
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setData((d) => (d.key === key ? { ...d, error: errorOf(err) } : { key, items: [], total: 0, nextCursor: null, error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [key, query, epoch, reloads]);

  const applyLive = (apply: (items: Conversation[]) => Conversation[], countsNew = false) => {
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

  const onConversation = (c: Conversation) => applyLive((items) => applyConversation(items, c, matchesFilters(c, filters, userId)), true);
  useLiveEvent(DeskEvent.ConversationCreated, onConversation);
  useLiveEvent(DeskEvent.ConversationUpdated, onConversation);
  useLiveEvent(DeskEvent.MessageCreated, (m) => applyLive((items) => applyMessage(items, m)));

  const loadMore = useCallback(async () => {
    if (!data.nextCursor || loadingMore || data.key !== key) return;
    setLoadingMore(true);
    try {
      const page = await deskApi.conversations({ ...query, limit: PAGE_SIZE, cursor: data.nextCursor });
      setData((d) => (d.key === key ? { ...d, items: appendPage(d.items, page.items), nextCursor: page.nextCursor, total: page.total, error: null } : d));
    } catch (err) {
      setData((d) => (d.key === key ? { ...d, error: errorOf(err) } : d));
    } finally {
      setLoadingMore(false);
    }
  }, [data.nextCursor, data.key, key, loadingMore, query]);

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
  };
}
