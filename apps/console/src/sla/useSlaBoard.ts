import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SlaBoardTimer } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { apiErrorOf } from '../data/errors';
import { LIVE_STALE_MS, liveFamily, liveQueryFn, Stale, storeOf, type LiveReducer } from '../data/live-cache';
import { isAgentReply } from '../inbox/inbox-list';
import { serverNow } from '../time/server-clock';
import { startOfDayIn } from './platform-response';
import { SLA_RESPONSE_RATE } from './useResponseToday';
import { applyBreach, applyConversation, applyMet, applyReply, applyWarning, isResponseTimer, missingFor, sortBreached, sortRunning, type BoardLists } from './board-state';

const LIMIT = 200;
/** The running list is about replies; tickets' resolution clocks show once they breach. */
const RESPONSE_KINDS = 'first_response,next_response';
/** A timer the lists do not know yet is fetched again this long after the event that told of it. */
const REFETCH_DELAY_MS = 500;
/** The figures follow the timers' events, a little later and at most once per delay… */
const SUMMARY_AFTER_SLA_MS = 2_000;
const SUMMARY_AFTER_CONVERSATION_MS = 10_000;
/** …and are refreshed now and then anyway (agents' load, the day rolling over). */
const SUMMARY_EVERY_MS = 60_000;

/** Both lists of the board, with how many rows the API has beyond the LIMIT fetched. */
export interface BoardData extends BoardLists {
  hidden: { running: number; breached: number };
}

/** The most urgent running response clocks and the breached clocks nobody answered yet, of one store (or all). */
async function fetchBoard(storeId: string): Promise<BoardData> {
  const store = storeId || undefined;
  const [running, breached] = await Promise.all([
    deskApi.slaTimers({ status: 'running', kind: RESPONSE_KINDS, storeId: store, limit: LIMIT }),
    deskApi.slaTimers({ status: 'breached', answered: 'false', storeId: store, limit: LIMIT }),
  ]);
  return {
    running: sortRunning(running.items),
    breached: sortBreached(breached.items),
    hidden: { running: Math.max(0, running.total - running.items.length), breached: Math.max(0, breached.total - breached.items.length) },
  };
}

const withLists = (d: BoardData, l: BoardLists): BoardData => (l.running === d.running && l.breached === d.breached ? d : { ...d, running: l.running, breached: l.breached });

/** How the board's lists follow the sla.* and conversation events (board-state.ts); a timer they lack is fetched. */
const boardReducer: LiveReducer<BoardData> = (d, event, key) => {
  const storeId = key[1] as string;
  if (storeId && storeOf(event) !== storeId) return d;
  switch (event.name) {
    case 'sla.warning':
      if (!isResponseTimer(event.payload)) return d;
      return d.running.some((r) => r.id === event.payload.id) ? withLists(d, applyWarning(d, event.payload)) : new Stale(REFETCH_DELAY_MS);
    case 'sla.breached':
      return d.running.some((r) => r.id === event.payload.id) || d.breached.some((r) => r.id === event.payload.id) ? withLists(d, applyBreach(d, event.payload)) : new Stale(REFETCH_DELAY_MS);
    case 'sla.met':
      return withLists(d, applyMet(d, event.payload));
    case 'message.created':
      return isAgentReply(event.payload) ? withLists(d, applyReply(d, event.payload.conversationId)) : d;
    case 'conversation.created':
    case 'conversation.updated': {
      const missing = missingFor(d, event.payload);
      return missing.running || missing.breached ? new Stale(REFETCH_DELAY_MS) : withLists(d, applyConversation(d, event.payload));
    }
    default:
      return d;
  }
};
export const SLA_BOARD = liveFamily('slaBoard', boardReducer);

/** The board's figures are read again a little after what changes them. */
const summaryReducer: LiveReducer<unknown> = (d, event, key) => {
  const storeId = key[1] as string;
  if (storeId && storeOf(event) !== storeId) return d;
  if (event.name.startsWith('sla.')) return new Stale(SUMMARY_AFTER_SLA_MS);
  if (event.name === 'conversation.created' || event.name === 'conversation.updated') return new Stale(SUMMARY_AFTER_CONVERSATION_MS);
  return d;
};
export const SLA_SUMMARY = liveFamily('slaSummary', summaryReducer);

/**
 * The supervisor board's data for one store (or all): running and breached timers, today's figures ("today" began
 * at midnight in `timezone`, as the platform response rates' today).
 */
export function useSlaBoard(storeId: string, timezone: string) {
  const client = useQueryClient();
  const board = useQuery({ queryKey: [SLA_BOARD, storeId], queryFn: liveQueryFn(() => fetchBoard(storeId)), staleTime: LIVE_STALE_MS });
  const summary = useQuery({
    queryKey: [SLA_SUMMARY, storeId, timezone],
    queryFn: liveQueryFn(() => deskApi.slaSummary({ from: startOfDayIn(serverNow(), timezone), storeId: storeId || undefined })),
    refetchInterval: SUMMARY_EVERY_MS,
    placeholderData: keepPreviousData,
  });

  const reload = useCallback(() => {
    void client.invalidateQueries({ queryKey: [SLA_BOARD, storeId] });
    void client.invalidateQueries({ queryKey: [SLA_SUMMARY, storeId] });
    void client.invalidateQueries({ queryKey: [SLA_RESPONSE_RATE, storeId] });
  }, [client, storeId]);

  const list = (name: 'running' | 'breached'): { items: SlaBoardTimer[]; hidden: number; loading: boolean; error: ReturnType<typeof apiErrorOf> } => ({
    items: board.data?.[name] ?? [],
    hidden: board.data?.hidden[name] ?? 0,
    loading: board.isPending,
    // A refresh that fails keeps the rows shown (the connection indicator tells of an outage).
    error: board.data && board.data[name].length > 0 ? null : apiErrorOf(board.error),
  });
  return {
    running: list('running'),
    breached: list('breached'),
    summary: summary.data ?? null,
    summaryLoading: summary.isPending,
    summaryError: summary.data ? null : apiErrorOf(summary.error),
    reload,
  };
}
