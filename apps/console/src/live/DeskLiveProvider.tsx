import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { DeskClientEvent, type ActivityInput } from '@kefu/contracts';
import { connectDesk, type DeskSocket } from '../api/socket';
import { syncCacheWithLive } from '../data/live-cache';
import { createQueryClient } from '../data/query-client';
import { LiveBus, type LiveEventName, type LivePayload } from './live-bus';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface DeskLive {
  state: ConnectionState;
  /** Grows on every (re)connect (the cache is invalidated then, so nothing missed while offline is lost). */
  epoch: number;
  /** When the connection was lost (Date.now()), while it is down; null when connected. */
  offlineSince: number | null;
  /** When every query was last read again after a reconnect (Date.now()); 0 before the first reconnect. */
  resyncedAt: number;
  bus: LiveBus;
  /**
   * Tells the others who see the store that this console is viewing, typing in or has left a
   * conversation. Dropped while disconnected: screens announce again on every (re)connect (epoch).
   */
  announceActivity(input: ActivityInput): void;
}

/** Exported for component tests, which provide a desk without a socket (testing/render.tsx). */
export const DeskLiveContext = createContext<DeskLive | null>(null);

const RETRY_AFTER_REFUSAL_MS = 3_000;

export function DeskLiveProvider({ token, onUnauthorized, children }: { token: string; onUnauthorized: () => void; children: ReactNode }) {
  const [bus] = useState(() => new LiveBus());
  // One cache per signed-in user (the provider is keyed by the user): nothing of another session is ever shown.
  const [queryClient] = useState(createQueryClient);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const [offlineSince, setOfflineSince] = useState<number | null>(null);
  const [resyncedAt, setResyncedAt] = useState(0);

  useEffect(() => syncCacheWithLive(queryClient, bus), [queryClient, bus]);
  // Every (re)connect reads every query again: what happened while the socket was not there (offline, or before it
  // first connected) is in the answers.
  useEffect(() => {
    if (epoch > 0) void queryClient.invalidateQueries().finally(() => setResyncedAt(Date.now()));
  }, [epoch, queryClient]);
  const refused = useEffectEvent(onUnauthorized);
  const socketRef = useRef<DeskSocket | null>(null);

  useEffect(() => {
    const socket = connectDesk(token);
    socketRef.current = socket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => {
      setState('connected');
      setOfflineSince(null);
      setEpoch((n) => n + 1);
    });
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      setOfflineSince((since) => since ?? Date.now());
      // The server closed the socket on purpose: socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        refused();
        return;
      }
      setState('reconnecting');
      setOfflineSince((since) => since ?? Date.now());
      // A refusal by the server's middleware is not retried automatically either.
      if (!socket.active) {
        clearTimeout(retry);
        retry = setTimeout(() => socket.connect(), RETRY_AFTER_REFUSAL_MS);
      }
    });
    socket.onAny((event: string, payload: unknown) => bus.receive(event, payload));
    return () => {
      clearTimeout(retry);
      if (socketRef.current === socket) socketRef.current = null;
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    };
  }, [token, bus]);

  const announceActivity = useCallback((input: ActivityInput) => {
    const socket = socketRef.current;
    if (!socket?.connected) return;
    socket.emit(DeskClientEvent.ConversationActivity, input, (answer) => {
      if (!answer?.ok) console.warn(`conversation.activity refused: ${answer?.error ?? 'no reason given'}`);
    });
  }, []);

  const value = useMemo(() => ({ state, epoch, offlineSince, resyncedAt, bus, announceActivity }), [state, epoch, offlineSince, resyncedAt, bus, announceActivity]);
  return (
    <QueryClientProvider client={queryClient}>
      <DeskLiveContext.Provider value={value}>{children}</DeskLiveContext.Provider>
    </QueryClientProvider>
  );
}

export function useDeskLive(): DeskLive {
  const live = useContext(DeskLiveContext);
  if (!live) throw new Error('useDeskLive outside DeskLiveProvider');
  return live;
}

/** Runs `handler` for every `event`, always with the handler of the latest render. */
export function useLiveEvent<E extends LiveEventName>(event: E, handler: (payload: LivePayload<E>) => void): void {
  const { bus } = useDeskLive();
  const onEvent = useEffectEvent(handler);
  useEffect(() => bus.on(event, (payload) => onEvent(payload)), [bus, event]);
}
