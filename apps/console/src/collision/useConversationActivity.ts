import { useCallback, useEffect, useEffectEvent, useRef } from 'react';
import { useDeskLive } from '../live/DeskLiveProvider';
import { ActivityAnnouncer } from './announcer';

/**
 * Announces this console's activity in an open conversation: 'viewing' while it is shown, 'typing'
 * while the reply box gets keys (at most every 3 s, back to 'viewing' 5 s after the last one), 'left'
 * when it is closed or another one opened. Announced again after every reconnect.
 */
export function useConversationActivity(conversationId: string, enabled: boolean) {
  const { announceActivity, epoch } = useDeskLive();
  const announcer = useRef<ActivityAnnouncer | null>(null);
  const startedAtEpoch = useRef(-1);
  // A reconnect does not restart the announcer (that would send 'left'): the second effect re-announces.
  const connectionEpoch = useEffectEvent(() => epoch);

  useEffect(() => {
    if (!enabled) return;
    const a = new ActivityAnnouncer((state) => announceActivity({ conversationId, state }));
    announcer.current = a;
    startedAtEpoch.current = connectionEpoch();
    a.start();
    return () => {
      a.stop();
      if (announcer.current === a) announcer.current = null;
    };
  }, [conversationId, enabled, announceActivity]);

  useEffect(() => {
    if (epoch === startedAtEpoch.current) return;
    startedAtEpoch.current = epoch;
    announcer.current?.announceAgain();
  }, [epoch]);

  const typed = useCallback(() => announcer.current?.typed(), []);
  const idle = useCallback(() => announcer.current?.idle(), []);
  return { typed, idle };
}
