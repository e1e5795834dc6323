import { useEffect, useMemo, useRef, useState } from 'react';
import { DeskEvent, type KbArticle, type KbVariable, type QuickReply } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';
import { fillVariables, findPlaceholders } from './kb-text';

/** An article offered to the agent, its texts filled for the conversation. */
export interface KbCandidate {
  article: KbArticle;
  score: number;
  shortAnswer: string;
  body: string;
  /** Variables the texts still carry as `{placeholder}`. */
  missing: string[];
}

export type KbValues = Partial<Record<KbVariable, string | null | undefined>>;

/** A burst of customer messages refreshes the suggestions once. */
const REFRESH_DEBOUNCE_MS = 600;
const SEARCH_DEBOUNCE_MS = 300;

const toCandidate = (article: KbArticle, score: number, values: KbValues): KbCandidate => {
  const shortAnswer = fillVariables(article.shortAnswer || article.body, values);
  const body = fillVariables(article.body, values);
  const missing = [...new Set([...findPlaceholders(shortAnswer), ...findPlaceholders(body)].map((p) => p.name))];
  return { article, score, shortAnswer, body, missing };
};

interface Fetched {
  items: KbCandidate[];
  /** The customer's words the suggestions answer, or the search text. */
  query: string;
  error: string | null;
  loading: boolean;
}

const idle: Fetched = { items: [], query: '', error: null, loading: true };
const describe = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/**
 * The articles suggested for a conversation, refetched (debounced) when the customer writes, and a
 * search by hand in the store's articles: while `search` has text, its hits replace the suggestions.
 */
export function useKbCandidates(conversationId: string, storeId: string, lang: string | null, values: KbValues, search: string) {
  const { epoch } = useDeskLive();
  // Each answer remembers what it was asked for: while the current ask is pending the last answer stays on screen.
  const [suggested, setSuggested] = useState<Fetched & { key: string }>({ ...idle, key: '' });
  const [searched, setSearched] = useState<Fetched & { key: string; hits: { article: KbArticle; score: number }[] }>({ ...idle, key: '', hits: [] });
  const [refreshes, setRefreshes] = useState(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const suggestKey = `${conversationId}:${epoch}:${refreshes}`;
  useEffect(() => {
    const ctrl = new AbortController();
    const key = `${conversationId}:${epoch}:${refreshes}`;
    deskApi
      .kbSuggest(conversationId, ctrl.signal)
      .then((r) =>
        setSuggested({
          items: r.items.map((s) => ({
            article: s.article,
            score: s.score,
            shortAnswer: s.filled.shortAnswer || s.filled.body,
            body: s.filled.body,
            missing: s.filled.missing,
          })),
          query: r.query,
          error: null,
          loading: false,
          key,
        }),
      )
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        const e = describe(err);
        setSuggested((s) => ({ ...s, error: e.statusCode === 0 ? 'network' : e.message, loading: false, key }));
      });
    return () => ctrl.abort();
  }, [conversationId, epoch, refreshes]);

  useLiveEvent(DeskEvent.MessageCreated, (m) => {
    if (m.conversationId !== conversationId || m.direction !== 'inbound') return;
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => setRefreshes((n) => n + 1), REFRESH_DEBOUNCE_MS);
  });
  useEffect(
    () => () => {
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    },
    [],
  );

  const q = search.trim();
  const searchKey = `${q}:${storeId}:${lang}`;
  useEffect(() => {
    if (!q) return;
    const ctrl = new AbortController();
    const key = `${q}:${storeId}:${lang}`;
    const timer = setTimeout(() => {
      deskApi
        .kbSearch({ q, storeId, lang: lang === 'zh' || lang === 'en' ? lang : undefined, limit: 5 }, ctrl.signal)
        .then((r) => setSearched({ items: [], hits: r.items, query: q, error: null, loading: false, key }))
        .catch((err: unknown) => {
          if (isAbort(err)) return;
          const e = describe(err);
          setSearched({ items: [], hits: [], query: q, error: e.statusCode === 0 ? 'network' : e.message, loading: false, key });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, storeId, lang]);

  const { customerName, storeName, orderRef } = values;
  const hits = searched.hits;
  const found = useMemo(
    () => hits.map((h) => toCandidate(h.article, h.score, { customerName, storeName, orderRef })),
    [hits, customerName, storeName, orderRef],
  );
  if (q) return { searching: true, items: found, query: searched.query, error: searched.error, loading: searched.key !== searchKey };
  return { searching: false, items: suggested.items, query: suggested.query, error: suggested.error, loading: suggested.key !== suggestKey };
}

// Quick replies change rarely: one fetch per store for a few minutes, shared by every conversation.
const QUICK_REPLY_TTL_MS = 5 * 60_000;
const quickReplyCache = new Map<string, { at: number; promise: Promise<QuickReply[]> }>();

export function loadQuickReplies(storeId: string): Promise<QuickReply[]> {
  const hit = quickReplyCache.get(storeId);
  if (hit && Date.now() - hit.at < QUICK_REPLY_TTL_MS) return hit.promise;
  const promise = deskApi.quickReplies({ storeId, limit: 200 }).then((p) => p.items);
  promise.catch(() => quickReplyCache.delete(storeId));
  quickReplyCache.set(storeId, { at: Date.now(), promise });
  return promise;
}

/** Forgets the cached quick replies (after the leads changed them). */
export const forgetQuickReplies = (): void => quickReplyCache.clear();

/** The store's quick replies (its own and the global ones), loaded once `enabled` (the `/` menu opened). */
export function useQuickReplies(storeId: string, enabled: boolean): { replies: QuickReply[]; loading: boolean; failed: boolean } {
  const [state, setState] = useState<{ storeId: string; replies: QuickReply[]; failed: boolean } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadQuickReplies(storeId)
      .then((replies) => live && setState({ storeId, replies, failed: false }))
      .catch(() => live && setState({ storeId, replies: [], failed: true }));
    return () => {
      live = false;
    };
  }, [storeId, enabled]);
  const current = state?.storeId === storeId ? state : null;
  return { replies: current?.replies ?? [], loading: enabled && !current, failed: current?.failed ?? false };
}
