import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { deskApi } from '../api/desk-api';
import { LIVE_STALE_MS, liveFamily, Stale } from '../data/live-cache';

/** My open chats whose customer waits for a reply, counted by the server (all of them, not a page). */
const MY_WAITING = { assigneeId: 'me', status: 'open', awaiting: true } as const;
/** A burst of live changes asks for the count once. */
const RECOUNT_MS = 1_000;

/** ['waitingCount', meId]: asked again after any change of a conversation or a new message (it may be one of mine). */
export const WAITING_COUNT = liveFamily<number>('waitingCount', (count, event) =>
  event.name === 'conversation.created' || event.name === 'conversation.updated' || event.name === 'message.created' ? new Stale(RECOUNT_MS) : count,
);

/**
 * The tab title counts the chats assigned to me whose customer waits for an answer (not history: a chat read but not
 * answered still counts, one answered does not), for agents who keep the desk in a background tab.
 */
export function useTitleBadge(meId: string): number {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: [WAITING_COUNT, meId],
    queryFn: async () => (await deskApi.conversations({ ...MY_WAITING, limit: 1 })).total,
    staleTime: LIVE_STALE_MS,
  });
  const waiting = count.data ?? 0;
  const appTitle = `${t('app.nameLocal')} · ${t('app.name')}`;
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) ${appTitle}` : appTitle;
  }, [waiting, appTitle]);
  return waiting;
}
