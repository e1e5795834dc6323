import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { connectDesk } from '../api/socket';
import { LiveBus, type LiveEventName, type LivePayload } from './live-bus';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

interface DeskLive {
  state: ConnectionState;
  /** Grows on every (re)connect: screens refetch when it changes, so nothing missed while offline is lost. */
  epoch: number;
  bus: LiveBus;
}

const DeskLiveContext = createContext<DeskLive | null>(null);

const RETRY_AFTER_REFUSAL_MS = 3_000;

export function DeskLiveProvider({ token, onUnauthorized, children }: { token: string; onUnauthorized: () => void; children: ReactNode }) {
  const [bus] = useState(() => new LiveBus());
  const [state, setState] = useState<ConnectionState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const refused = useEffectEvent(onUnauthorized);

  useEffect(() => {
    const socket = connectDesk(token);
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
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    };
  }, [token, bus]);

  return <DeskLiveContext.Provider value={{ state, epoch, bus }}>{children}</DeskLiveContext.Provider>;
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
