import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DeskEvent, type AgentStatus, type AgentWithLoad, type Presence, type User } from '@kefu/contracts';
import { ApiRequestError, isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';
import { useDeskLive, useLiveEvent } from '../live/DeskLiveProvider';

const errorOf = (err: unknown) => (err instanceof ApiRequestError ? err : new ApiRequestError(0, String(err)));

/**
 * The signed-in user's own presence (online / away / offline) and the switch between available
 * and away. Kept in sync by `agent.presence` (sent to the user's own consoles too) and read again
 * on every (re)connect; an answer older than the latest event never overwrites it.
 */
export function useMyPresence(me: User) {
  const { epoch } = useDeskLive();
  const [presence, setPresence] = useState<Presence>(me.presence);
  const [pending, setPending] = useState<AgentStatus | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  /** Grows with every event and every answer applied: a read started before a newer one is dropped. */
  const version = useRef(0);

  useLiveEvent(DeskEvent.AgentPresence, (event) => {
    if (event.userId !== me.id) return;
    version.current += 1;
    setPresence(event.presence);
  });

  // Connecting may change presence (offline → online): the event tells of it, this read covers a
  // reconnect within the grace period, which announces nothing. (The user list, because the login
  // answer and /api/auth/me always say 'offline'.)
  useEffect(() => {
    if (epoch === 0) return;
    const ctrl = new AbortController();
    const started = version.current;
    deskApi
      .users(undefined, ctrl.signal)
      .then((page) => {
        const self = page.items.find((u) => u.id === me.id);
        if (!self || version.current !== started) return;
        version.current += 1;
        setPresence(self.presence);
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) console.warn('Could not read own presence', err);
      });
    return () => ctrl.abort();
  }, [epoch, me.id]);

  const setStatus = useCallback(async (status: AgentStatus) => {
    setPending(status);
    setError(null);
    try {
      const user = await deskApi.setPresence(status);
      version.current += 1;
      setPresence(user.presence);
    } catch (err) {
      setError(errorOf(err));
    } finally {
      setPending(null);
    }
  }, []);

  return { presence, pending, error, setStatus, clearError: useCallback(() => setError(null), []) };
}

interface LivePresence {
  presence: Presence;
  /** Order of arrival, to drop what a later list read supersedes. */
  seq: number;
}

/**
 * Supervisors and admins: the agents of their scope with presence and open load
 * (`GET /api/presence`), presence kept live by `agent.presence`. Fetched on every (re)connect and
 * whenever `reload` is called (the reassign menu wants fresh loads).
 */
export function useAgentPresence(enabled: boolean) {
  const { epoch } = useDeskLive();
  const [agents, setAgents] = useState<AgentWithLoad[] | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [live, setLive] = useState<ReadonlyMap<string, LivePresence>>(new Map());
  const [reloads, setReloads] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    const startedAt = seq.current;
    deskApi
      .agentPresence(ctrl.signal)
      .then((page) => {
        setAgents(page.items);
        setError(null);
        // Events that arrived before this read are in its answer; later ones still count.
        setLive((m) => new Map([...m].filter(([, p]) => p.seq > startedAt)));
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) setError(errorOf(err));
      });
    return () => ctrl.abort();
  }, [enabled, epoch, reloads]);

  useLiveEvent(DeskEvent.AgentPresence, (event) => {
    if (!enabled) return;
    seq.current += 1;
    const entry = { presence: event.presence, seq: seq.current };
    setLive((m) => new Map(m).set(event.userId, entry));
  });

  const presenceOf = useCallback(
    (userId: string): Presence | undefined => live.get(userId)?.presence ?? agents?.find((a) => a.id === userId)?.presence,
    [live, agents],
  );

  const withPresence = useMemo(
    () =>
      agents?.map((a) => {
        const p = live.get(a.id)?.presence;
        return p && p !== a.presence ? { ...a, presence: p } : a;
      }) ?? null,
    [agents, live],
  );

  return { agents: withPresence, error, presenceOf, reload: useCallback(() => setReloads((n) => n + 1), []) };
}
