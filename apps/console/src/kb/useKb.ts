import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { KbArticle, KbVariable, QuickReply } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { apiErrorOf } from '../data/errors';
import { liveFamily, liveQueryFn, Stale, type LiveReducer } from '../data/live-cache';
import { useDebounced } from '../ui/useDebounced';
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

/** The suggestions are asked again (debounced) when the customer writes in the conversation. */
const suggestReducer: LiveReducer<unknown> = (d, event, key) =>
  event.name === 'message.created' && event.payload.conversationId === key[1] && event.payload.direction === 'inbound' ? new Stale(REFRESH_DEBOUNCE_MS) : d;
export const KB_SUGGEST = liveFamily('kbSuggest', suggestReducer);

const errorText = (err: unknown): string | null => {
  const e = apiErrorOf(err);
  return e ? (e.statusCode === 0 ? 'network' : e.message) : null;
};

/**
 * The articles suggested for a conversation, refetched (debounced) when the customer writes, and a
 * search by hand in the store's articles: while `search` has text, its hits replace the suggestions.
 */
export function useKbCandidates(conversationId: string, storeId: string, lang: string | null, values: KbValues, search: string) {
  const suggested = useQuery({ queryKey: [KB_SUGGEST, conversationId], queryFn: liveQueryFn(() => deskApi.kbSuggest(conversationId)), staleTime: 0, placeholderData: keepPreviousData });
  const q = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  const typed = search.trim();
  const searched = useQuery({
    queryKey: ['kbSearch', q, storeId, lang],
    queryFn: () => deskApi.kbSearch({ q, storeId, lang: lang === 'zh' || lang === 'en' ? lang : undefined, limit: 5 }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });

  const { customerName, storeName, orderRef } = values;
  const hits = searched.data?.items;
  const found = useMemo(() => (hits ?? []).map((h) => toCandidate(h.article, h.score, { customerName, storeName, orderRef })), [hits, customerName, storeName, orderRef]);
  const answer = suggested.data;
  const offered = useMemo(
    () => (answer?.items ?? []).map((x) => ({ article: x.article, score: x.score, shortAnswer: x.filled.shortAnswer || x.filled.body, body: x.filled.body, missing: x.filled.missing })),
    [answer],
  );
  if (typed) return { searching: true, items: found, query: q, error: errorText(searched.error), loading: searched.isFetching || q !== typed };
  return { searching: false, items: offered, query: answer?.query ?? '', error: errorText(suggested.error), loading: suggested.isFetching };
}

// Quick replies change rarely: one read per store for a few minutes, shared by every conversation.
const QUICK_REPLY_TTL_MS = 5 * 60_000;
export const QUICK_REPLIES = 'quickReplies';

/** The store's quick replies (its own and the global ones), loaded once `enabled` (the `/` menu opened). */
export function useQuickReplies(storeId: string, enabled: boolean): { replies: QuickReply[]; loading: boolean; failed: boolean } {
  const query = useQuery({
    queryKey: [QUICK_REPLIES, storeId],
    queryFn: async () => (await deskApi.quickReplies({ storeId, limit: 200 })).items,
    enabled,
    staleTime: QUICK_REPLY_TTL_MS,
  });
  return { replies: query.data ?? [], loading: enabled && query.isPending, failed: query.isError };
}
