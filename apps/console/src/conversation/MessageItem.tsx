import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '@kefu/contracts';
import { formatClock, formatDateTime } from '../time/format';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/icons';

interface Props {
  message: Message;
  authorName: string;
  customerName: string;
  customerSeed: string;
  /** Continues the previous message of the same author: no avatar, tighter spacing. */
  grouped: boolean;
  /** An after-sales ticket's customer update: the ticket's number ('' while unknown). */
  ticketNumber?: string;
}

export const MessageItem = memo(function MessageItem({ message: m, authorName, customerName, customerSeed, grouped, ticketNumber }: Props) {
  const { t, i18n } = useTranslation();
  const time = (
    <time dateTime={m.createdAt} title={formatDateTime(m.createdAt, i18n.language)}>
      {formatClock(m.createdAt, i18n.language)}
    </time>
  );
  return (
    <div
      className={`msg msg--${m.direction}${grouped ? ' is-grouped' : ''}${m.ticketId ? ' msg--ticket' : ''}`}
      data-testid="message"
      data-message-id={m.id}
      data-direction={m.direction}
      data-delivery={m.direction === 'outbound' ? (m.deliveryStatus ?? 'queued') : undefined}
      data-ticket-id={m.ticketId ?? undefined}
    >
      {m.direction === 'inbound' && (
        <span className="msg__avatar">{!grouped && <Avatar name={customerName} seed={customerSeed} size={28} />}</span>
      )}
      <div className="msg__content">
        {m.ticketId && ticketNumber !== undefined && (
          <div className="msg__ticket-label" data-testid="message-ticket-label">
            <Icon name="ticket" size={12} strokeWidth={2} />
            {ticketNumber ? t('tickets.update.label', { number: ticketNumber }) : t('tickets.update.labelNoNumber')}
          </div>
        )}
        {m.direction === 'note' && (
          <div className="msg__note-label">
            <Icon name="lock" size={12} strokeWidth={2.2} />
            {t('message.note')}
          </div>
        )}
        <div className="msg__bubble">{m.body}</div>
        <div className="msg__meta">
          {m.direction !== 'inbound' && <span className="msg__author">{authorName}</span>}
          {time}
          {m.direction === 'outbound' && <DeliveryState message={m} />}
        </div>
      </div>
    </div>
  );
});

function DeliveryState({ message }: { message: Message }) {
  const { t } = useTranslation();
  const status = message.deliveryStatus ?? 'queued';
  if (status === 'failed') {
    const hint = t('message.failedHint', { error: message.deliveryError ?? '—' });
    return (
      <span className="delivery delivery--failed" data-testid="delivery-status" title={hint} aria-label={hint}>
        <Icon name="x" size={12} strokeWidth={2.6} />
        {t('message.failed')}
      </span>
    );
  }
  if (status === 'delivered') {
    return (
      <span className="delivery delivery--delivered" data-testid="delivery-status">
        <Icon name="check" size={12} strokeWidth={2.6} />
        {t('message.delivered')}
      </span>
    );
  }
  return (
    <span className="delivery delivery--queued" data-testid="delivery-status">
      <span className="spinner" aria-hidden="true" />
      {t('message.queued')}
    </span>
  );
}
