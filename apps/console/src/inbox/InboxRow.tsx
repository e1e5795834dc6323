import { memo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, Store } from '@kefu/contracts';
import { ActivityMarker } from '../collision/ActivityIndicator';
import type { Watcher } from '../collision/activity-state';
import { useNow } from '../time/clock';
import { formatDateTime, formatDuration, formatRelative } from '../time/format';
import { Avatar } from '../ui/Avatar';
import { PlatformBadge, StatusPill } from '../ui/badges';
import { Icon } from '../ui/icons';
import { conversationClock, readSla } from '../sla/countdown';
import { SlaCountdown } from '../sla/SlaCountdown';
import { NudgePill } from '../nudge/NudgeMarker';
import { useNudge } from '../nudge/NudgeProvider';

interface Props {
  conversation: Conversation;
  store: Store | undefined;
  unread: boolean;
  active: boolean;
  cursor: boolean;
  /** Show how long the chat has waited in its store's queue (the Unassigned view). */
  showQueued: boolean;
  /** The colleague it is assigned to, when that is someone else (null: unassigned or mine). */
  assigneeName: string | null;
  /** The others who have it open. */
  watchers: readonly Watcher[];
  rowRef?: Ref<HTMLAnchorElement>;
  onSelect(id: string): void;
}

export const InboxRow = memo(function InboxRow({ conversation: c, store, unread, active, cursor, showQueued, assigneeName, watchers, rowRef, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const name = c.customer?.name || t('message.customer');
  const clock = conversationClock(c);
  const sla = readSla(clock, now)?.state;
  const level = sla === 'breached' ? 'breach' : sla === 'warning' ? 'warn' : 'none';
  const nudge = useNudge(c);
  const classes = ['row', `row--${level}`, nudge && 'row--nudged', active && 'is-active', cursor && 'is-cursor', unread && 'is-unread', c.status === 'resolved' && 'is-resolved'];
  return (
    <a
      ref={rowRef}
      href={`#/c/${c.id}`}
      className={classes.filter(Boolean).join(' ')}
      data-testid="inbox-item"
      data-conversation-id={c.id}
      data-unread={unread ? 'true' : 'false'}
      data-status={c.status}
      data-nudged={nudge ? 'true' : undefined}
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
          <ActivityMarker watchers={watchers} />
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
            {showQueued && c.assigneeId === null && c.queuedAt && <QueuedFor since={c.queuedAt} now={now} />}
            {assigneeName && c.assigneeId && (
              <span className="row__assignee" title={t('inbox.assignedTo', { name: assigneeName })} data-testid="inbox-item-assignee">
                <Avatar name={assigneeName} seed={c.assigneeId} size={18} />
                <span className="row__assignee-name">{assigneeName}</span>
              </span>
            )}
            {nudge && <NudgePill nudge={nudge} />}
            <SlaCountdown clock={clock} store={store} />
            <StatusPill status={c.status} />
          </span>
        </div>
      </div>
    </a>
  );
});

/** "Queued 3:12": how long the chat has waited for an agent (the row re-renders every second anyway). */
function QueuedFor({ since, now }: { since: string; now: number }) {
  const { t, i18n } = useTranslation();
  const waited = formatDuration(now - Date.parse(since), t);
  return (
    <span className="row__queued" data-testid="inbox-item-queued" title={t('inbox.queuedTitle', { time: waited, since: formatDateTime(since, i18n.language) })}>
      <Icon name="hourglass" size={11} strokeWidth={2} />
      {t('inbox.queued', { time: waited })}
    </span>
  );
}
