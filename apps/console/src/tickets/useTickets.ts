import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DeskEvent, type CauseCode, type CreateTicketInput, type Order, type Ticket, type TicketDetail, type TicketDraft, type TicketType, type TransitionInput } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi, type TicketsQuery } from '../api/desk-api';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';
import { appendTickets, applyTicket, byNewest, matchesTicketFilters, toTicketQuery, type TicketFilters } from './ticket-format';

const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/**
 * Writes on tickets. Each answer is published on the live bus as `ticket.created` / `ticket.updated`,
 * so the side panel and the list change at once, whichever copy (POST answer or socket) comes first.
 */
export function useTicketWrites() {
  const { bus } = useDeskLive();
  const create = useCallback(
    async (input: CreateTicketInput) => {
      const ticket = await deskApi.createTicket(input);
      bus.publish(DeskEvent.TicketCreated, ticket);
      return ticket;
    },
    [bus],
  );
  const transition = useCallback(
    async (id: string, input: TransitionInput) => {
      const ticket = await deskApi.transition(id, input);
      bus.publish(DeskEvent.TicketUpdated, ticket);
      return ticket;
    },
    [bus],
  );
  const setCause = useCallback(
    async (id: string, cause: CauseCode) => {
      const ticket = await deskApi.setCause(id, cause);
      bus.publish(DeskEvent.TicketUpdated, ticket);
      return ticket;
    },
    [bus],
  );
  /** Fetches a ticket again (after a refusal saying it moved on) and tells every screen. */
  const refresh = useCallback(
    async (id: string) => {
      const { timeline: _timeline, supplierCases: _cases, ...ticket } = await deskApi.ticket(id);
      bus.publish(DeskEvent.TicketUpdated, ticket);
    },
    [bus],
  );
  return { create, transition, setCause, refresh };
}

/**
 * A ticket's timeline and supplier cases, while `enabled` (its card is open). Fetched again
 * whenever the ticket changes (its `updatedAt` moves: a transition here or elsewhere) and on every
 * (re)connect.
 */
export function useTicketDetail(ticketId: string, updatedAt: string, enabled = true) {
  const { epoch } = useDeskLive();
  const [state, setState] = useState<{ id: string; detail: TicketDetail | null; error: ApiRequestError | null }>({ id: '', detail: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    deskApi
      .ticket(ticketId, ctrl.signal)
      .then((detail) => setState({ id: ticketId, detail, error: null }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setState((s) => (s.id === ticketId ? { ...s, error: errorOf(err) } : { id: ticketId, detail: null, error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [ticketId, updatedAt, epoch, enabled]);
  const current = state.id === ticketId;
  return { detail: current ? state.detail : null, error: current ? state.error : null };
}

/** The conversation's orders: its linked order first, then the customer's other recent ones. */
export function useOrders(conversationId: string) {
  const { epoch } = useDeskLive();
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<{ id: string; orders: Order[]; error: ApiRequestError | null }>({ id: '', orders: [], error: null });
  useEffect(() => {
    const ctrl = new AbortController();
    deskApi
      .orders(conversationId, ctrl.signal)
      .then((page) => setState({ id: conversationId, orders: page.items, error: null }))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setState((s) => (s.id === conversationId ? { ...s, error: errorOf(err) } : { id: conversationId, orders: [], error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [conversationId, epoch, reloads]);
  const current = state.id === conversationId;
  return {
    orders: current ? state.orders : [],
    error: current ? state.error : null,
    loading: !current,
    reload: useCallback(() => setReloads((n) => n + 1), []),
  };
}

/** The prefilled ticket of the "open a ticket" dialog; asked again when the agent picks another type. */
export function useTicketDraft(conversationId: string, type: TicketType | undefined) {
  const key = `${conversationId}:${type ?? ''}`;
  const [state, setState] = useState<{ key: string; draft: TicketDraft | null; error: ApiRequestError | null }>({ key: '', draft: null, error: null });
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    deskApi
      .ticketDraft(conversationId, type, ctrl.signal)
      .then((draft) => setState({ key, draft, error: null }))
      .catch((err: unknown) => {
        if (!isAbort(err)) setState({ key, draft: null, error: errorOf(err) });
      });
    return () => ctrl.abort();
  }, [conversationId, type, key, reloads]);
  const current = state.key === key;
  return {
    draft: current ? state.draft : null,
    error: current ? state.error : null,
    loading: !current,
    reload: useCallback(() => setReloads((n) => n + 1), []),
  };
}

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

interface ListData {
  key: string;
  items: Ticket[];
  total: number;
  nextCursor: string | null;
  error: ApiRequestError | null;
}

type LiveChange = { at: number; apply: (items: Ticket[]) => Ticket[] };

/**
 * The ticket list: the first page of the filtered list, more on demand, kept live by
 * `ticket.created` / `ticket.updated`, and fetched again on every (re)connect.
 */
export function useTicketList(filters: TicketFilters) {
  const { epoch } = useDeskLive();
  const key = JSON.stringify(toTicketQuery(filters));
  const query = useMemo(() => JSON.parse(key) as TicketsQuery, [key]);
  const [data, setData] = useState<ListData>({ key: '', items: [], total: 0, nextCursor: null, error: null });
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
    const limit = loadedKey.current === key ? Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, loadedCount.current)) : PAGE_SIZE;
    deskApi
      .tickets({ ...query, limit }, ctrl.signal)
      .then((page) => {
        // Live changes that arrived while the request was on its way are applied again on top.
        const missed = recentChanges.current.filter((c) => c.at >= startedAt);
        const items = missed.reduce((list, change) => change.apply(list), [...page.items].sort(byNewest));
        loadedKey.current = key;
        setData({ key, items, total: page.total, nextCursor: page.nextCursor, error: null });
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setData((d) => (d.key === key ? { ...d, error: errorOf(err) } : { key, items: [], total: 0, nextCursor: null, error: errorOf(err) }));
      });
    return () => ctrl.abort();
  }, [key, query, epoch, reloads]);

  const onTicket = (ticket: Ticket) => {
    const apply = (items: Ticket[]) => applyTicket(items, ticket, matchesTicketFilters(ticket, filters));
    const now = performance.now();
    recentChanges.current = [...recentChanges.current.filter((c) => now - c.at < 30_000), { at: now, apply }];
    setData((d) => {
      if (d.key !== key) return d;
      const items = apply(d.items);
      if (items === d.items) return d;
      return { ...d, items, total: Math.max(0, d.total + items.length - d.items.length) };
    });
  };
  useLiveEvent(DeskEvent.TicketCreated, onTicket);
  useLiveEvent(DeskEvent.TicketUpdated, onTicket);

  const loadMore = useCallback(async () => {
    if (!data.nextCursor || loadingMore || data.key !== key) return;
    setLoadingMore(true);
    try {
      const page = await deskApi.tickets({ ...query, limit: PAGE_SIZE, cursor: data.nextCursor });
      setData((d) => (d.key === key ? { ...d, items: appendTickets(d.items, page.items), nextCursor: page.nextCursor, total: page.total, error: null } : d));
    } catch (err) {
      setData((d) => (d.key === key ? { ...d, error: errorOf(err) } : d));
    } finally {
      setLoadingMore(false);
    }
  }, [data.nextCursor, data.key, key, loadingMore, query]);

  const current = data.key === key;
  return {
    items: current ? data.items : [],
    total: current ? data.total : 0,
    hasMore: current && data.nextCursor !== null,
    loading: !current,
    loadingMore,
    error: current ? data.error : null,
    loadMore,
    reload: useCallback(() => setReloads((n) => n + 1), []),
  };
}
