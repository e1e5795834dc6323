import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentStatus, AgentWithLoad, Presence, User } from '@kefu/contracts';
import { ApiRequestError } from '../api/client';
import { deskApi } from '../api/desk-api';
import { toApiError, apiErrorOf } from '../data/errors';
import { liveFamily, liveQueryFn, Stale, type LiveReducer } from '../data/live-cache';
import { USERS, useUsers } from '../desk/useDirectory';

/**
 * The signed-in user's own presence (online / away / offline) and the switch between available and away: their entry of
 * the user list, which follows `agent.presence` and is read again on every reconnect (the login answer and
 * /api/auth/me always say 'offline').
 */
export function useMyPresence(me: User) {
  const client = useQueryClient();
  const self = useUsers().data?.find((u) => u.id === me.id);
  const [pending, setPending] = useState<AgentStatus | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);

  const setStatus = useCallback(
    async (status: AgentStatus) => {
      setPending(status);
      setError(null);
      try {
        const user = await deskApi.setPresence(status);
        client.setQueryData<User[]>([USERS], (users) => users?.map((u) => (u.id === user.id ? { ...u, presence: user.presence } : u)));
      } catch (err) {
        setError(toApiError(err));
      } finally {
        setPending(null);
      }
    },
    [client],
  );

  return { presence: self?.presence ?? me.presence, pending, error, setStatus, clearError: useCallback(() => setError(null), []) };
}

/** Agents' presence follows `agent.presence`; their open load is read again a little after conversations move. */
const agentsReducer: LiveReducer<AgentWithLoad[]> = (agents, event) => {
  if (event.name === 'conversation.created' || event.name === 'conversation.updated') return new Stale(3_000);
  if (event.name !== 'agent.presence') return agents;
  const { userId, presence } = event.payload;
  return agents.some((a) => a.id === userId && a.presence !== presence) ? agents.map((a) => (a.id === userId ? { ...a, presence } : a)) : agents;
};
export const AGENTS = liveFamily('agents', agentsReducer);

/** Supervisors and admins: the agents of their scope with presence and open load (`GET /api/presence`), kept live. */
export function useAgentPresence(enabled: boolean) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: [AGENTS], queryFn: liveQueryFn(async () => (await deskApi.agentPresence()).items), enabled });
  const agents = query.data ?? null;
  const presenceOf = useCallback((userId: string): Presence | undefined => agents?.find((a) => a.id === userId)?.presence, [agents]);
  const reload = useCallback(() => void client.invalidateQueries({ queryKey: [AGENTS] }), [client]);
  return { agents, error: apiErrorOf(query.error), presenceOf, reload };
}
