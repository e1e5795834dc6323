import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { compareTickets, DeskEvent, ticketMatches, type CauseCode, type CreateTicketInput, type Ticket, type TicketDetail, type TicketFilter, type TicketType, type TransitionInput } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { apiErrorOf } from '../data/errors';
import { liveFamily, liveQueryFn, Stale, type LiveReducer } from '../data/live-cache';
import { applyRow, useLiveListQuery, type LiveList } from '../data/live-list';
import { useDeskLive } from '../live/DeskLiveProvider';
import { toTicketFilter, toTicketQuery, type TicketFilters } from './ticket-format';

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

/** A ticket's timeline and supplier cases are read again whenever the ticket moves (here or elsewhere). */
const ticketDetailReducer: LiveReducer<TicketDetail> = (d, event) =>
  event.name === 'ticket.updated' && event.payload.id === d.id && event.payload.updatedAt !== d.updatedAt ? new Stale(0) : d;
export const TICKET_DETAIL = liveFamily('ticket', ticketDetailReducer);

/** A ticket's timeline and supplier cases, while `enabled` (its card is open). */
export function useTicketDetail(ticketId: string, enabled = true) {
  const query = useQuery({ queryKey: [TICKET_DETAIL, ticketId], queryFn: liveQueryFn(() => deskApi.ticket(ticketId)), enabled });
  return { detail: query.data ?? null, error: apiErrorOf(query.error) };
}

/** The conversation's orders: its linked order first, then the customer's other recent ones. */
export function useOrders(conversationId: string) {
  const query = useQuery({ queryKey: ['orders', conversationId], queryFn: () => deskApi.orders(conversationId).then((p) => p.items) });
  return { orders: query.data ?? [], error: apiErrorOf(query.error), loading: query.isPending, reload: () => void query.refetch() };
}

/**
 * The prefilled ticket of the "open a ticket" dialog for a type and an order (undefined: the server's choice: the
 * conversation's order, else the customer's latest). Never served from an earlier visit: the policy depends on today.
 */
export function useTicketDraft(conversationId: string, type: TicketType | undefined, orderRef: string | undefined) {
  const query = useQuery({
    queryKey: ['ticketDraft', conversationId, type ?? null, orderRef ?? null],
    queryFn: () => deskApi.ticketDraft(conversationId, type, orderRef),
    staleTime: 0,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });
  return { draft: query.data ?? null, error: apiErrorOf(query.error), loading: query.isFetching, reload: () => void query.refetch() };
}

/** How a ticket list follows `ticket.created` / `ticket.updated`: the contract's predicate says whether it belongs. */
const ticketListReducer: LiveReducer<LiveList<Ticket>> = (list, event, key) => {
  if (event.name !== 'ticket.created' && event.name !== 'ticket.updated') return list;
  const filter = key[1] as TicketFilter;
  return applyRow(list, event.payload, ticketMatches(event.payload, filter), compareTickets, (previous, incoming) =>
    previous && Date.parse(previous.updatedAt) > Date.parse(incoming.updatedAt) ? null : incoming,
  );
};
export const TICKET_LIST = liveFamily('tickets', ticketListReducer);

/** The ticket list: the filtered tickets, newest first, kept live. */
export function useTicketList(filters: TicketFilters) {
  const filter = toTicketFilter(filters);
  return useLiveListQuery([TICKET_LIST, filter], (opts) => deskApi.tickets({ ...toTicketQuery(filters), ...opts }), compareTickets);
}
