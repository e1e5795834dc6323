import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@kefu/contracts';
import { MY_QUEUE } from '../inbox/filters';
import { useInbox } from '../inbox/useInbox';

/** My open chats whose customer waits for a reply: what the tab title counts. */
export const waitingForMe = (items: readonly Conversation[]): number => items.filter((c) => c.awaitingReplySince !== null).length;

/**
 * The tab title counts the chats assigned to me whose customer waits for an answer (not history: a chat read but not
 * answered still counts, one answered does not), for agents who keep the desk in a background tab.
 */
export function useTitleBadge(meId: string): number {
  const { t } = useTranslation();
  const queue = useInbox(MY_QUEUE, meId);
  const waiting = waitingForMe(queue.items);
  const appTitle = `${t('app.nameLocal')} · ${t('app.name')}`;
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) ${appTitle}` : appTitle;
  }, [waiting, appTitle]);
  return waiting;
}
