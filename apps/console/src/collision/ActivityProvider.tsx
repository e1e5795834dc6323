import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { DeskEvent } from '@kefu/contracts';
import { useLiveEvent } from '../live/DeskLiveProvider';
import { EMPTY_WATCHERS, applyActivity, expireActivity, type ActivityMap, type Watcher } from './activity-state';

const EXPIRY_CHECK_MS = 5_000;

const ActivityContext = createContext<ActivityMap>(new Map());

/** Keeps who else is viewing or typing in which conversation, for the header and the inbox rows. */
export function ActivityProvider({ meId, children }: { meId: string; children: ReactNode }) {
  const [map, setMap] = useState<ActivityMap>(() => new Map());

  useLiveEvent(DeskEvent.ConversationActivity, (event) => setMap((m) => applyActivity(m, event, Date.now(), meId)));

  const anyone = map.size > 0;
  useEffect(() => {
    if (!anyone) return;
    const timer = setInterval(() => setMap((m) => expireActivity(m, Date.now())), EXPIRY_CHECK_MS);
    return () => clearInterval(timer);
  }, [anyone]);

  return <ActivityContext.Provider value={map}>{children}</ActivityContext.Provider>;
}

/** Every conversation someone else is on. */
export const useActivityMap = (): ActivityMap => useContext(ActivityContext);

/** The others on one conversation (a stable empty list when nobody). */
export const useWatchers = (conversationId: string): readonly Watcher[] => useContext(ActivityContext).get(conversationId) ?? EMPTY_WATCHERS;
