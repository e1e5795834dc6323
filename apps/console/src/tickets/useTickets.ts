import { useCallback, useEffect, useState } from 'react';
import { DeskEvent, type CauseCode, type CreateTicketInput, type Order, type Ticket, type TicketDetail, type TicketDraft, type TicketType, type TransitionInput } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi, type TicketsQuery } from '../api/desk-api';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';
import { useLiveList } from '../live/useLiveList';
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

/**
 * The ticket list: the filtered tickets, newest first, kept live by `ticket.created` /
 * `ticket.updated`, and fetched again on every (re)connect.
 */
export function useTicketList(filters: TicketFilters) {
  const key = JSON.stringify(toTicketQuery(filters));
  const { applyLive, ...list } = useLiveList({
    key,
    fetchPage: (opts, signal) => deskApi.tickets({ ...(JSON.parse(key) as TicketsQuery), ...opts }, signal),
    sort: byNewest,
    append: appendTickets,
  });
  const onTicket = (ticket: Ticket) => applyLive((items) => applyTicket(items, ticket, matchesTicketFilters(ticket, filters)), true);
  useLiveEvent(DeskEvent.TicketCreated, onTicket);
  useLiveEvent(DeskEvent.TicketUpdated, onTicket);
  return list;
}
