import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '@kefu/contracts';
import { MY_QUEUE } from '../inbox/filters';
import { useInbox } from '../inbox/useInbox';
import { useDeskLive } from '../live/DeskLiveProvider';
import { formatDuration } from '../time/format';
import { Icon } from '../ui/icons';

/** What arrived in my chats while the desk was offline, read from the queue fetched again on reconnect. */
export interface Missed {
  awayMs: number;
  newChats: number;
  newMessages: number;
  breached: number;
}

/** Compares my queue from before the outage with the one read after it. */
export function missedWhileAway(before: readonly Conversation[], after: readonly Conversation[], since: number, now: number): Missed {
  const known = new Map(before.map((c) => [c.id, c]));
  const after_ = (iso: string | null) => iso !== null && Date.parse(iso) > since;
  return {
    awayMs: now - since,
    newChats: after.filter((c) => !known.has(c.id)).length,
    newMessages: after.filter((c) => known.has(c.id) && after_(c.lastMessageAt) && c.awaitingReplySince !== null).length,
    breached: after.filter((c) => after_(c.slaBreachedAt)).length,
  };
}

const SHOW_MS = 30_000;

/**
 * A bar across the desk while the connection is down ("offline since…, what you see may be out of date"), and, once it
 * is back and everything was read again, what arrived in my chats meanwhile.
 */
export function OfflineBar({ meId }: { meId: string }) {
  const { t } = useTranslation();
  const { state, offlineSince, resyncedAt } = useDeskLive();
  const queue = useInbox(MY_QUEUE, meId);
  const snapshot = useRef<{ since: number; items: Conversation[] } | null>(null);
  const [missed, setMissed] = useState<Missed | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // While offline: keep what my queue looked like when the connection went, and a clock for "offline for 0:42".
  useEffect(() => {
    if (offlineSince === null) return;
    if (!snapshot.current) snapshot.current = { since: offlineSince, items: queue.items };
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [offlineSince, queue.items]);

  // Back online: once everything has been read again (the reconnect invalidated it), tell what is new in my queue.
  const { items } = queue;
  useEffect(() => {
    const before = snapshot.current;
    if (!before || resyncedAt <= before.since) return;
    snapshot.current = null;
    setMissed(missedWhileAway(before.items, items, before.since, resyncedAt));
    // Only a new resync tells; the queue changing afterwards is live news, not missed news.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resyncedAt]);

  useEffect(() => {
    if (!missed) return;
    const timer = setTimeout(() => setMissed(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [missed]);

  if (state !== 'connected' && offlineSince !== null) {
    return (
      <div className="offline-bar offline-bar--down" role="status" aria-live="polite" data-testid="offline-bar" data-state="offline">
        <Icon name="alert" size={15} />
        <strong>{t('offline.down')}</strong>
        <span>{t('offline.downHint', { time: formatDuration(Math.max(0, now - offlineSince), t) })}</span>
      </div>
    );
  }
  if (!missed) return null;
  const nothing = missed.newChats + missed.newMessages + missed.breached === 0;
  return (
    <div className="offline-bar offline-bar--back" role="status" aria-live="polite" data-testid="offline-bar" data-state="back">
      <Icon name="check" size={15} />
      <strong>{t('offline.back', { time: formatDuration(missed.awayMs, t) })}</strong>
      <span data-testid="offline-missed">
        {nothing
          ? t('offline.nothing')
          : [
              missed.newChats > 0 && t('offline.newChats', { count: missed.newChats }),
              missed.newMessages > 0 && t('offline.newMessages', { count: missed.newMessages }),
              missed.breached > 0 && t('offline.breached', { count: missed.breached }),
            ]
              .filter(Boolean)
              .join(t('offline.separator'))}
      </span>
      <button type="button" className="icon-button" onClick={() => setMissed(null)} aria-label={t('common.dismiss')}>
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
