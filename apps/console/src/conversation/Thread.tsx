import { Fragment, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail, Message, User } from '@kefu/contracts';
import { useNowMinute } from '../time/clock';
import { dayKey, formatDateTime, formatDay } from '../time/format';
import { MessageItem } from './MessageItem';

const GROUP_WINDOW_MS = 3 * 60_000;
const STICK_THRESHOLD_PX = 120;

interface Props {
  detail: ConversationDetail;
  me: User;
  userById: Map<string, User>;
}

const sameAuthor = (a: Message, b: Message) => a.direction === b.direction && a.authorId === b.authorId;

export function Thread({ detail, me, userById }: Props) {
  const { t, i18n } = useTranslation();
  const today = useNowMinute();
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const shownCount = useRef(0);
  const { messages } = detail;

  // Follows the newest message while the agent is at the bottom; always after their own message.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const last = messages.at(-1);
    const newCount = messages.length > shownCount.current;
    const mine = newCount && last?.authorId === me.id;
    if (stickToBottom.current || mine || shownCount.current === 0) el.scrollTop = el.scrollHeight;
    shownCount.current = messages.length;
  }, [messages, me.id]);

  const ticketNumbers = new Map(detail.tickets.map((tk) => [tk.id, tk.number]));
  const authorName = (m: Message) => {
    if (m.authorId === me.id) return t('message.you');
    // A ticket's customer update with no author was sent by the desk itself.
    if (m.ticketId && !m.authorId) return t('tickets.update.desk');
    return (m.authorId && userById.get(m.authorId)?.name) || t('message.agent');
  };

  return (
    <div
      className="thread"
      data-testid="thread"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD_PX;
      }}
      role="log"
      aria-live="polite"
    >
      <div className="thread__inner">
        <div className="thread__start">{t('conversation.threadStart', { time: formatDateTime(detail.createdAt, i18n.language) })}</div>
        {messages.length === 0 && <div className="thread__empty">{t('conversation.noMessages')}</div>}
        {messages.map((m, i) => {
          const prev = messages[i - 1];
          const newDay = !prev || dayKey(prev.createdAt) !== dayKey(m.createdAt);
          const grouped = !newDay && !!prev && sameAuthor(prev, m) && Date.parse(m.createdAt) - Date.parse(prev.createdAt) < GROUP_WINDOW_MS;
          return (
            <Fragment key={m.id}>
              {newDay && (
                <div className="thread__day" role="separator">
                  <span>{formatDay(m.createdAt, today, t, i18n.language)}</span>
                </div>
              )}
              <MessageItem
                message={m}
                authorName={authorName(m)}
                customerName={detail.customer.name}
                customerSeed={detail.customerId}
                grouped={grouped}
                ticketNumber={m.ticketId ? (ticketNumbers.get(m.ticketId) ?? '') : undefined}
              />
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}
