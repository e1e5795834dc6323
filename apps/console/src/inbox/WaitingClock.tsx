import { useTranslation } from 'react-i18next';
import type { Conversation, Store } from '@kefu/contracts';
import { formatDateTime, formatDuration } from '../time/format';
import { Icon } from '../ui/icons';
import { waitingLevel } from './waiting';

/** How long the customer has been waiting for a reply, ticking every second with the shared clock. */
export function WaitingClock({ conversation, store, now, long = false }: { conversation: Conversation; store?: Store; now: number; long?: boolean }) {
  const { t, i18n } = useTranslation();
  if (!conversation.awaitingReplySince) return null;
  const waited = Math.max(0, now - Date.parse(conversation.awaitingReplySince));
  const level = waitingLevel(waited, conversation, store);
  const time = formatDuration(waited, t);
  return (
    <span
      className={`waiting waiting--${level}`}
      data-testid="waiting"
      data-level={level}
      title={t('inbox.waitingTitle', { time: formatDateTime(conversation.awaitingReplySince, i18n.language) })}
    >
      <Icon name="clock" size={12} strokeWidth={2.2} />
      {long ? t('inbox.waiting', { time }) : time}
    </span>
  );
}
