import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskEvent, type Conversation, type User } from '@kefu/contracts';
import { MY_QUEUE } from '../inbox/filters';
import { useInbox } from '../inbox/useInbox';
import { useStores } from '../desk/useStores';
import { isNudgeForMe } from '../nudge/nudge-state';
import { useLiveEvent } from '../live/DeskLiveProvider';
import { openConversation } from '../routing/links';
import { isResponseTimer } from '../sla/board-state';
import { areNudgesMuted, askPermissionOnce, isMuted } from './notify-settings';
import { notify, type DeskNotice } from './notifier';

/**
 * Tells me, by a desktop notification and a tone (unless muted), of a chat newly assigned to me, of a warning or a
 * breach on one of mine, and of a customer nudged toward the platform's response limit (unless nudges are muted). The
 * desktop permission is asked once, at my first click or key in the desk.
 */
export function useDeskNotifications(me: User): void {
  const { t } = useTranslation();
  const queue = useInbox(MY_QUEUE, me.id);
  const { storeById } = useStores();
  /** The chats known to be mine, with their customer's name; null until the queue is first read (history is not news). */
  const mine = useRef<Map<string, string> | null>(null);
  const { loading, items } = queue;
  useEffect(() => {
    if (mine.current === null && !loading) mine.current = new Map(items.map((c) => [c.id, c.customer?.name ?? '']));
  }, [loading, items]);

  useEffect(() => {
    const ask = () => askPermissionOnce(me.id);
    window.addEventListener('pointerdown', ask, { once: true });
    window.addEventListener('keydown', ask, { once: true });
    return () => {
      window.removeEventListener('pointerdown', ask);
      window.removeEventListener('keydown', ask);
    };
  }, [me.id]);

  const tell = (notice: DeskNotice) => {
    if (!isMuted(me.id)) notify(notice, openConversation);
  };
  const nameOf = (conversationId: string) => mine.current?.get(conversationId) || t('message.customer');

  const onConversation = (c: Conversation) => {
    const known = mine.current;
    if (!known) return;
    const isMine = c.assigneeId === me.id && c.status !== 'resolved';
    if (isMine && !known.has(c.id)) tell({ kind: 'assigned', conversationId: c.id, title: t('notify.assigned'), body: t('notify.assignedBody', { name: c.customer?.name ?? nameOf(c.id), preview: c.lastMessagePreview }) });
    if (isMine) known.set(c.id, c.customer?.name ?? known.get(c.id) ?? '');
    else known.delete(c.id);
  };
  useLiveEvent(DeskEvent.ConversationCreated, onConversation);
  useLiveEvent(DeskEvent.ConversationUpdated, onConversation);
  useLiveEvent(DeskEvent.SlaWarning, (e) => {
    if (isResponseTimer(e) && mine.current?.has(e.conversationId))
      tell({ kind: 'warning', conversationId: e.conversationId, title: t('notify.warning'), body: t('notify.warningBody', { name: nameOf(e.conversationId), minutes: Math.max(1, Math.round(e.secondsLeft / 60)) }) });
  });
  useLiveEvent(DeskEvent.SlaNudge, (e) => {
    if (areNudgesMuted(me) || !isNudgeForMe(e, me)) return;
    const store = storeById.get(e.storeId)?.name ?? '';
    tell({ kind: 'nudge', conversationId: e.conversationId, title: t('notify.nudge'), body: t('notify.nudgeBody', { name: nameOf(e.conversationId), store, waited: e.waitingSeconds, limit: e.ruleSeconds }) });
  });
  useLiveEvent(DeskEvent.SlaBreached, (e) => {
    if (isResponseTimer(e) && (e.assigneeId === me.id || mine.current?.has(e.conversationId)))
      tell({ kind: 'breached', conversationId: e.conversationId, title: t('notify.breached'), body: t('notify.breachedBody', { name: nameOf(e.conversationId) }) });
  });
}
