import { conversationOrder, type ConversationFilter } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { liveFamily } from '../data/live-cache';
import { useLiveListQuery } from '../data/live-list';
import { inboxReducer } from './inbox-list';

export const INBOX = liveFamily('inbox', inboxReducer);

/** The live inbox: the conversations of one filter in the server's order, kept live by conversation and message events. */
export function useInbox(filter: ConversationFilter, meId: string) {
  return useLiveListQuery([INBOX, meId, filter], (opts) => deskApi.conversations({ ...filter, ...opts }), conversationOrder(filter.sort));
}
