import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DeskEvent, type ConversationDetail, type ConversationStatus, type PostMessageInput } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { apiErrorOf } from '../data/errors';
import { LIVE_STALE_MS, liveFamily, liveQueryFn, type LiveReducer } from '../data/live-cache';
import { useDeskLive } from '../live/DeskLiveProvider';
import { upsertTicket } from '../tickets/ticket-format';
import { mergeConversation, upsertMessage } from './thread-state';

/** How an open conversation follows the live events: messages, delivery states, status and assignee, its tickets. */
const conversationReducer: LiveReducer<ConversationDetail> = (d, event) => {
  switch (event.name) {
    case 'message.created':
    case 'message.updated':
      return event.payload.conversationId === d.id ? upsertMessage(d, event.payload) : d;
    case 'conversation.updated':
      return event.payload.id === d.id ? mergeConversation(d, event.payload) : d;
    case 'ticket.created':
    case 'ticket.updated': {
      if (event.payload.conversationId !== d.id) return d;
      const tickets = upsertTicket(d.tickets, event.payload);
      return tickets === d.tickets ? d : { ...d, tickets };
    }
    default:
      return d;
  }
};
export const CONVERSATION = liveFamily('conversation', conversationReducer);

/** Status and assignee changes of any conversation; each answer is published, so every cached copy follows at once. */
export function useConversationWrites() {
  const { bus } = useDeskLive();
  const setStatus = useCallback(async (id: string, status: ConversationStatus) => bus.publish(DeskEvent.ConversationUpdated, await deskApi.setStatus(id, status)), [bus]);
  const assign = useCallback(async (id: string, assigneeId: string | null) => bus.publish(DeskEvent.ConversationUpdated, await deskApi.assign(id, assigneeId)), [bus]);
  return useMemo(() => ({ setStatus, assign }), [setStatus, assign]);
}

/**
 * One conversation with its thread, kept live through the cache. Writes publish their answers on the live bus, so the
 * thread and the inbox row update at once and the socket's copy is de-duplicated.
 */
export function useConversation(id: string) {
  const { bus } = useDeskLive();
  const writes = useConversationWrites();
  const query = useQuery({ queryKey: [CONVERSATION, id], queryFn: liveQueryFn(() => deskApi.conversation(id)), staleTime: LIVE_STALE_MS });

  const send = useCallback(
    async (input: PostMessageInput) => {
      const message = await deskApi.postMessage(id, input);
      bus.publish(DeskEvent.MessageCreated, message);
      return message;
    },
    [id, bus],
  );
  const setStatus = useCallback((status: ConversationStatus) => writes.setStatus(id, status), [id, writes]);
  const assign = useCallback((assigneeId: string | null) => writes.assign(id, assigneeId), [id, writes]);

  return {
    detail: query.data ?? null,
    error: apiErrorOf(query.error),
    loading: query.isPending,
    reload: () => void query.refetch(),
    send,
    setStatus,
    assign,
  };
}
