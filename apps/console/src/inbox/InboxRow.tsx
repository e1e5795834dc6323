import { memo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, Store } from '@kefu/contracts';
import { useNow } from '../time/clock';
import { formatDateTime, formatRelative } from '../time/format';
import { Avatar } from '../ui/Avatar';
import { PlatformBadge, StatusPill } from '../ui/badges';
import { conversationClock, readSla } from '../sla/countdown';
import { SlaCountdown } from '../sla/SlaCountdown';

interface Props {
  conversation: Conversation;
  store: Store | undefined;
  unread: boolean;
  active: boolean;
  cursor: boolean;
  rowRef?: Ref<HTMLAnchorElement>;
  onSelect(id: string): void;
}

export const InboxRow = memo(function InboxRow({ conversation: c, store, unread, active, cursor, rowRef, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const name = c.customer?.name || t('message.customer');
  const clock = conversationClock(c);
  const sla = readSla(clock, now)?.state;
  const level = sla === 'breached' ? 'breach' : sla === 'warning' ? 'warn' : 'none';
  const classes = ['row', `row--${level}`, active && 'is-active', cursor && 'is-cursor', unread && 'is-unread', c.status === 'resolved' && 'is-resolved'];
  return (
    <a
      ref={rowRef}
      href={`#/c/${c.id}`}
      className={classes.filter(Boolean).join(' ')}
      data-testid="inbox-item"
      data-conversation-id={c.id}
      data-unread={unread ? 'true' : 'false'}
      data-status={c.status}
      aria-current={active ? 'true' : undefined}
      tabIndex={cursor ? 0 : -1}
      onClick={() => onSelect(c.id)}
    >
      <Avatar name={name} seed={c.customerId} size={34} />
      <div className="row__main">
        <div className="row__top">
          <span className="row__name" data-testid="inbox-item-name">
            {name}
          </span>
          {unread && <span className="row__unread" role="img" aria-label={t('inbox.unread')} title={t('inbox.unread')} />}
          <time className="row__time" dateTime={c.lastMessageAt} title={formatDateTime(c.lastMessageAt, i18n.language)}>
            {formatRelative(c.lastMessageAt, now, t, i18n.language)}
          </time>
        </div>
        <div className="row__preview" data-testid="inbox-item-preview">
          {c.lastMessagePreview}
        </div>
        <div className="row__meta">
          {store && <PlatformBadge platform={store.platform} />}
          <span className="row__store">{store?.name ?? '…'}</span>
          <span className="row__meta-end">
            <SlaCountdown clock={clock} />
            <StatusPill status={c.status} />
          </span>
        </div>
      </div>
    </a>
  );
});
