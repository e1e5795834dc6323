import { createContext, useCallback, useContext, useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { DeskClientEvent, type ActivityInput } from '@kefu/contracts';
import { connectDesk, type DeskSocket } from '../api/socket';
import { LiveBus, type LiveEventName, type LivePayload } from './live-bus';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

interface DeskLive {
  state: ConnectionState;
  /** Grows on every (re)connect: screens refetch when it changes, so nothing missed while offline is lost. */
  epoch: number;
  bus: LiveBus;
  /**
   * Tells the others who see the store that this console is viewing, typing in or has left a
   * conversation. Dropped while disconnected: screens announce again on every (re)connect (epoch).
   */
  announceActivity(input: ActivityInput): void;
}

const DeskLiveContext = createContext<DeskLive | null>(null);

const RETRY_AFTER_REFUSAL_MS = 3_000;

export function DeskLiveProvider({ token, onUnauthorized, children }: { token: string; onUnauthorized: () => void; children: ReactNode }) {
  const [bus] = useState(() => new LiveBus());
  const [state, setState] = useState<ConnectionState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const refused = useEffectEvent(onUnauthorized);
  const socketRef = useRef<DeskSocket | null>(null);

  useEffect(() => {
    const socket = connectDesk(token);
    socketRef.current = socket;
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on('connect', () => {
      setState('connected');
      setEpoch((n) => n + 1);
    });
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      // The server closed the socket on purpose: socket.io does not retry that by itself.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        refused();
        return;
      }
      setState('reconnecting');
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

  const value = useMemo(() => ({ state, epoch, bus, announceActivity }), [state, epoch, bus, announceActivity]);
  return <DeskLiveContext.Provider value={value}>{children}</DeskLiveContext.Provider>;
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
