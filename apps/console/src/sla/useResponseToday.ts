import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResponseRate, SlaBoardTimer } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { apiErrorOf } from '../data/errors';
import { liveFamily, liveQueryFn, Stale, storeOf, type LiveReducer } from '../data/live-cache';
import { useNowMinute } from '../time/clock';
import { serverNow } from '../time/server-clock';
import { nextRuleLimit, startOfDayIn } from './platform-response';

/** The rates follow the events that decide waits, read again at most once per this delay… */
export const RESPONSE_RATE_THROTTLE_MS = 3_000;
/** …when a wait passes its limit unanswered (a little after: the server's clock must be past it too)… */
const AFTER_LIMIT_MS = 1_000;
/** …and now and then anyway. */
const RESPONSE_RATE_EVERY_MS = 30_000;
const DECIDING_EVENTS = new Set(['sla.met', 'sla.nudge', 'sla.breached', 'message.created']);

/**
 * A burst of events is one fetch: the cache's refetch (live-cache.ts) keeps the earliest one
 * scheduled, so the rate is read again at most once per RESPONSE_RATE_THROTTLE_MS.
 */
const responseRateReducer: LiveReducer<ResponseRate> = (d, event, key) => {
  const storeId = key[1] as string;
  if (storeId && storeOf(event) !== storeId) return d;
  return DECIDING_EVENTS.has(event.name) ? new Stale(RESPONSE_RATE_THROTTLE_MS) : d;
};
export const SLA_RESPONSE_RATE = liveFamily('slaResponseRate', responseRateReducer);

/**
 * Each store's platform response rate since the start of today in `timezone` (one store, or every store of
 * the scope); `running` (the board's running waits) tells when a wait will be decided by the clock alone.
 */
export function useResponseToday(storeId: string, timezone: string, running: readonly SlaBoardTimer[], enabled: boolean) {
  const minute = useNowMinute();
  const from = startOfDayIn(minute, timezone);
  const query = useQuery({
    queryKey: [SLA_RESPONSE_RATE, storeId, from],
    queryFn: liveQueryFn(() => deskApi.responseRate({ from, storeId: storeId || undefined, groupBy: 'store' })),
    refetchInterval: RESPONSE_RATE_EVERY_MS,
    // A new day or store keeps the rows on screen until its figures arrive: no empty flash.
    placeholderData: keepPreviousData,
    enabled,
  });
  const { refetch } = query;

  // The next wait to pass its limit unanswered turns from pending to missed then: read the rates again.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const now = serverNow();
    const next = nextRuleLimit(running, now, RESPONSE_RATE_THROTTLE_MS);
    if (next === null) return;
    const timer = setTimeout(() => {
      void refetch();
      setRound((r) => r + 1);
    }, next - now + AFTER_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [running, round, enabled, refetch]);

  // While another store's answer stands in, only the rows of the store chosen show.
  const items = query.data?.items.filter((i) => !storeId || i.storeId === storeId) ?? null;
  return {
    items,
    from,
    loading: query.isPending,
    // A refresh that fails keeps the figures shown (the connection indicator tells of an outage).
    error: query.data ? null : apiErrorOf(query.error),
    reload: () => void refetch(),
  };
}
