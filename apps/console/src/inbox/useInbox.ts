import { DeskEvent } from '@kefu/contracts';
import { deskApi, type ConversationQuery } from '../api/desk-api';
import { useLiveEvent } from '../live/DeskLiveProvider';
import { useLiveList } from '../live/useLiveList';
import { applyConversation, applyMessage, appendPage, byActivity } from './inbox-list';
import { matchesFilters, toQuery, type InboxFilters } from './filters';

/** The live inbox: the filtered conversations, newest activity first, kept live by conversation and message events. */
export function useInbox(filters: InboxFilters, userId: string) {
  const key = JSON.stringify(toQuery(filters));
  const { applyLive, ...list } = useLiveList({
    key,
    fetchPage: (opts, signal) => deskApi.conversations({ ...(JSON.parse(key) as ConversationQuery), ...opts }, signal),
    sort: byActivity,
    append: appendPage,
  });
  const onConversation = (c: Parameters<typeof applyConversation>[1]) => applyLive((items) => applyConversation(items, c, matchesFilters(c, filters, userId)), true);
  useLiveEvent(DeskEvent.ConversationCreated, onConversation);
  useLiveEvent(DeskEvent.ConversationUpdated, onConversation);
  useLiveEvent(DeskEvent.MessageCreated, (m) => applyLive((items) => applyMessage(items, m), false));
  return list;
}
