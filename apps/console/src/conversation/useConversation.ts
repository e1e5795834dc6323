import { useCallback, useEffect, useState } from 'react';
import { DeskEvent, type ConversationDetail, type ConversationStatus, type PostMessageInput } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';
import { upsertTicket } from '../tickets/ticket-format';
import { mergeConversation, mergeRefetched, upsertMessage } from './thread-state';

interface State {
  id: string;
  detail: ConversationDetail | null;
  error: ApiRequestError | null;
}

/**
 * One conversation with its thread, kept live: new messages are appended, delivery states,
 * status changes and its tickets applied. Refetched on every (re)connect. Writes publish their answers on the live
 * bus, so the thread and the inbox row update at once and the socket's copy is de-duplicated.
 */
export function useConversation(id: string) {
  const { epoch, bus } = useDeskLive();
  const [state, setState] = useState<State>({ id: '', detail: null, error: null });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    deskApi
      .conversation(id, ctrl.signal)
      .then((fresh) => setState((s) => ({ id, detail: mergeRefetched(s.id === id ? s.detail : null, fresh), error: null })))
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        const error = err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err));
        setState((s) => (s.id === id && s.detail ? { ...s, error } : { id, detail: null, error }));
      });
    return () => ctrl.abort();
  }, [id, epoch, reloads]);

  const update = (fn: (d: ConversationDetail) => ConversationDetail) =>
    setState((s) => (s.id === id && s.detail ? { ...s, detail: fn(s.detail) } : s));

  useLiveEvent(DeskEvent.MessageCreated, (m) => m.conversationId === id && update((d) => upsertMessage(d, m)));
  useLiveEvent(DeskEvent.MessageUpdated, (m) => m.conversationId === id && update((d) => upsertMessage(d, m)));
  useLiveEvent(DeskEvent.ConversationUpdated, (c) => c.id === id && update((d) => mergeConversation(d, c)));
  // The conversation's after-sales tickets, opened or moved here or by a colleague.
  useLiveEvent(DeskEvent.TicketCreated, (t) => t.conversationId === id && update((d) => ({ ...d, tickets: upsertTicket(d.tickets, t) })));
  useLiveEvent(DeskEvent.TicketUpdated, (t) => t.conversationId === id && update((d) => ({ ...d, tickets: upsertTicket(d.tickets, t) })));

  const send = useCallback(
    async (input: PostMessageInput) => {
      const message = await deskApi.postMessage(id, input);
      bus.publish(DeskEvent.MessageCreated, message);
      return message;
    },
    [id, bus],
  );

  const setStatus = useCallback(
    async (status: ConversationStatus) => bus.publish(DeskEvent.ConversationUpdated, await deskApi.setStatus(id, status)),
    [id, bus],
  );

  const assign = useCallback(
    async (assigneeId: string | null) => bus.publish(DeskEvent.ConversationUpdated, await deskApi.assign(id, assigneeId)),
    [id, bus],
  );

  const current = state.id === id;
  return {
    detail: current ? state.detail : null,
    error: current ? state.error : null,
    loading: !current,
    reload: () => setReloads((n) => n + 1),
    send,
    setStatus,
    assign,
  };
}
