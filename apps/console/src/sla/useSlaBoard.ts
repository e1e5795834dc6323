import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { DeskEvent, type SlaBoardTimer, type SlaSummary } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';
import { isAgentReply } from '../inbox/inbox-list';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';
import { serverNow } from '../time/server-clock';
import {
  EMPTY_LISTS,
  applyBreach,
  applyConversation,
  applyMet,
  applyReply,
  applyWarning,
  isResponseTimer,
  missingFor,
  sortBreached,
  sortRunning,
  type BoardLists,
} from './board-state';

const LIMIT = 200;
/** The running list is about replies; tickets' resolution clocks show once they breach. */
const RESPONSE_KINDS = 'first_response,next_response';
/** A timer the lists do not know yet is fetched again this long after the event that told of it. */
const REFETCH_DELAY_MS = 500;
/** The figures follow the timers' events, a little later and at most once per delay. */
const SUMMARY_AFTER_SLA_MS = 2_000;
const SUMMARY_AFTER_CONVERSATION_MS = 10_000;
/** …and are refreshed now and then anyway (agents' load, the day rolling over). */
const SUMMARY_EVERY_MS = 60_000;
/** Live changes are kept this long, to be applied again on top of a list fetched meanwhile. */
const CHANGE_MEMORY_MS = 30_000;

type ListName = keyof BoardLists;
type Job = ListName | 'summary';

interface ListData {
  /** The store filter these rows answer; while it differs from the current one, the list is loading. */
  key: string;
  items: SlaBoardTimer[];
  /** Rows the API has beyond the ones fetched (the list shows the most urgent LIMIT). */
  hidden: number;
  error: ApiRequestError | null;
}

interface SummaryData {
  key: string;
  summary: SlaSummary | null;
  error: ApiRequestError | null;
}

type Change = { at: number; apply: (lists: BoardLists) => BoardLists };

const EMPTY_LIST: ListData = { key: '\u0000', items: [], hidden: 0, error: null };
const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/**
 * The most urgent running response clocks, or the breached clocks no agent has answered yet
 * (response clocks, and tickets' resolution clocks).
 */
async function fetchList(name: ListName, storeId: string, signal: AbortSignal): Promise<{ items: SlaBoardTimer[]; hidden: number }> {
  const query = name === 'running' ? { status: 'running' as const, kind: RESPONSE_KINDS } : { status: 'breached' as const, answered: 'false' as const };
  const page = await deskApi.slaTimers({ ...query, storeId: storeId || undefined, limit: LIMIT }, signal);
  const items = name === 'running' ? sortRunning(page.items) : sortBreached(page.items);
  return { items, hidden: Math.max(0, page.total - page.items.length) };
}

/** Midnight of the current day on this computer's clock: the board's figures are "today". */
export function startOfToday(now: number): string {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.toISOString();
}

/**
 * The supervisor board's data: running and breached timers and today's figures for one store (or
 * all), kept live by the sla.* and conversation events, and fetched again on every (re)connect.
 */
export function useSlaBoard(storeId: string) {
  const { epoch } = useDeskLive();
  const [lists, setLists] = useState<Record<ListName, ListData>>({ running: EMPTY_LIST, breached: EMPTY_LIST });
  const [summary, setSummary] = useState<SummaryData>({ key: '\u0000', summary: null, error: null });
  const [runs, setRuns] = useState<Record<Job, number>>({ running: 0, breached: 0, summary: 0 });
  const changes = useRef<Change[]>([]);
  const current = useRef<BoardLists>(EMPTY_LISTS);
  const scheduled = useRef<Partial<Record<Job, { due: number; timer: ReturnType<typeof setTimeout> }>>>({});

  useEffect(() => {
    current.current = { running: lists.running.items, breached: lists.breached.items };
  }, [lists]);

  /** Runs `job` again after `delay`, once however many events ask for it meanwhile (the earliest ask wins). */
  const schedule = useCallback((job: Job, delay: number) => {
    const due = performance.now() + delay;
    const pending = scheduled.current[job];
    if (pending && pending.due <= due) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      scheduled.current[job] = undefined;
      setRuns((r) => ({ ...r, [job]: r[job] + 1 }));
    }, delay);
    scheduled.current[job] = { due, timer };
  }, []);

  useEffect(() => {
    const timers = scheduled.current;
    return () => {
      for (const pending of Object.values(timers)) clearTimeout(pending?.timer);
    };
  }, []);

  // Each list: fetched on a store change, on (re)connect and when an event told of a timer it lacks.
  const load = useEffectEvent((name: ListName) => {
    const ctrl = new AbortController();
    const startedAt = performance.now();
    const key = storeId;
    fetchList(name, key, ctrl.signal)
      .then(({ items, hidden }) => {
        // Live changes that arrived while the request was on its way are applied again on top.
        const missed = changes.current.filter((c) => c.at >= startedAt);
        setLists((s) => {
          const other: ListName = name === 'running' ? 'breached' : 'running';
          const base = { [name]: items, [other]: s[other].items } as unknown as BoardLists;
          const applied = missed.reduce((l, c) => c.apply(l), base);
          return { ...s, [name]: { key, items: applied[name], hidden, error: null }, [other]: { ...s[other], items: applied[other] } };
        });
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        const error = errorOf(err);
        // A refresh that fails keeps the rows shown (the connection indicator tells of an outage).
        setLists((s) => ({ ...s, [name]: s[name].key === key ? (s[name].error || s[name].items.length === 0 ? { ...s[name], error } : s[name]) : { ...EMPTY_LIST, key, error } }));
      });
    return () => ctrl.abort();
  });
  useEffect(() => load('running'), [storeId, epoch, runs.running]);
  useEffect(() => load('breached'), [storeId, epoch, runs.breached]);

  useEffect(() => {
    const ctrl = new AbortController();
    deskApi
      .slaSummary({ from: startOfToday(serverNow()), storeId: storeId || undefined }, ctrl.signal)
      .then((s) => setSummary({ key: storeId, summary: s, error: null }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setSummary((d) => (d.key === storeId ? (d.summary ? d : { ...d, error: errorOf(err) }) : { key: storeId, summary: null, error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [storeId, epoch, runs.summary]);

  useEffect(() => {
    const timer = setInterval(() => setRuns((r) => ({ ...r, summary: r.summary + 1 })), SUMMARY_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  const apply = (change: (l: BoardLists) => BoardLists) => {
    const now = performance.now();
    changes.current = [...changes.current.filter((c) => now - c.at < CHANGE_MEMORY_MS), { at: now, apply: change }];
    setLists((s) => {
      const next = change({ running: s.running.items, breached: s.breached.items });
      if (next.running === s.running.items && next.breached === s.breached.items) return s;
      return { running: { ...s.running, items: next.running }, breached: { ...s.breached, items: next.breached } };
    });
  };
  const inScope = (eventStoreId: string) => !storeId || eventStoreId === storeId;

  useLiveEvent(DeskEvent.SlaWarning, (e) => {
    if (!inScope(e.storeId) || !isResponseTimer(e)) return;
    if (!current.current.running.some((r) => r.id === e.id)) schedule('running', REFETCH_DELAY_MS);
    apply((l) => applyWarning(l, e));
    schedule('summary', SUMMARY_AFTER_SLA_MS);
  });
  useLiveEvent(DeskEvent.SlaBreached, (e) => {
    if (!inScope(e.storeId)) return;
    const known = current.current.running.some((r) => r.id === e.id) || current.current.breached.some((r) => r.id === e.id);
    if (!known) schedule('breached', REFETCH_DELAY_MS);
    apply((l) => applyBreach(l, e));
    schedule('summary', SUMMARY_AFTER_SLA_MS);
  });
  useLiveEvent(DeskEvent.SlaMet, (e) => {
    if (!inScope(e.storeId)) return;
    apply((l) => applyMet(l, e));
    schedule('summary', SUMMARY_AFTER_SLA_MS);
  });
  useLiveEvent(DeskEvent.MessageCreated, (m) => {
    if (!isAgentReply(m) || !inScope(m.storeId)) return;
    apply((l) => applyReply(l, m.conversationId));
  });
  const onConversation = (c: Parameters<typeof applyConversation>[1]) => {
    if (!inScope(c.storeId)) return;
    const missing = missingFor(current.current, c);
    if (missing.running) schedule('running', REFETCH_DELAY_MS);
    if (missing.breached) schedule('breached', REFETCH_DELAY_MS);
    apply((l) => applyConversation(l, c));
    schedule('summary', SUMMARY_AFTER_CONVERSATION_MS);
  };
  useLiveEvent(DeskEvent.ConversationCreated, onConversation);
  useLiveEvent(DeskEvent.ConversationUpdated, onConversation);

  const reload = useCallback(() => setRuns((r) => ({ running: r.running + 1, breached: r.breached + 1, summary: r.summary + 1 })), []);

  const view = (d: ListData) => (d.key === storeId ? { items: d.items, hidden: d.hidden, loading: false, error: d.error } : { items: [], hidden: 0, loading: true, error: null });
  return {
    running: view(lists.running),
    breached: view(lists.breached),
    summary: summary.key === storeId ? summary.summary : null,
    summaryLoading: summary.key !== storeId,
    summaryError: summary.key === storeId ? summary.error : null,
    reload,
  };
}
