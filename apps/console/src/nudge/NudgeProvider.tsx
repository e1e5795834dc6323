import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConversationDetail } from '@kefu/contracts';
import { useDeskLive } from '../live/DeskLiveProvider';
import { applyNudgeEvent, nudgeOfDetail, seedNudge, shownNudge, type Nudge, type NudgeMap } from './nudge-state';

interface NudgeStore {
  map: NudgeMap;
  seed(nudge: Nudge | null): void;
}

const NudgeContext = createContext<NudgeStore>({ map: new Map(), seed: () => undefined });

/** Keeps the nudges of waiting chats (`sla.nudge`) until their wait is answered, for the inbox rows and the open chat. */
export function NudgeProvider({ children }: { children: ReactNode }) {
  const { bus } = useDeskLive();
  const [map, setMap] = useState<NudgeMap>(() => new Map());
  useEffect(() => bus.onAny((event) => setMap((m) => applyNudgeEvent(m, event))), [bus]);
  const seed = useCallback((nudge: Nudge | null) => setMap((m) => seedNudge(m, nudge)), []);
  const store = useMemo(() => ({ map, seed }), [map, seed]);
  return <NudgeContext.Provider value={store}>{children}</NudgeContext.Provider>;
}

/** The nudge of a conversation while its customer still waits for that wait (null: none). */
export function useNudge(conversation: { id: string; awaitingReplySince: string | null }): Nudge | null {
  return shownNudge(useContext(NudgeContext).map.get(conversation.id), conversation);
}

/** An open chat tells what its own timers know: nudged before it was opened, or before a reload. */
export function useSeedNudge(detail: ConversationDetail): void {
  const { seed } = useContext(NudgeContext);
  // Seeding a nudge already known changes nothing, so every change of the chat may try.
  useEffect(() => seed(nudgeOfDetail(detail)), [detail, seed]);
}
