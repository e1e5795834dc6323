import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { User } from '@kefu/contracts';
import { deskApi } from '../api/desk-api';
import { liveFamily, liveQueryFn, type LiveReducer } from '../data/live-cache';

const LEAD_ROLES: ReadonlySet<User['role']> = new Set(['supervisor', 'admin']);
export const isLead = (user: User): boolean => LEAD_ROLES.has(user.role);

/** Whether `user` may be assigned a conversation of `storeId` (mirrors the API's store scope). */
export const canServe = (user: User, storeId: string): boolean =>
  user.active && user.role !== 'analyst' && ((user.role !== 'agent' && user.storeIds.length === 0) || user.storeIds.includes(storeId));

/** Colleagues' presence follows `agent.presence` (sent to the user's own consoles too). */
const usersReducer: LiveReducer<User[]> = (users, event) => {
  if (event.name !== 'agent.presence') return users;
  const { userId, presence } = event.payload;
  return users.some((u) => u.id === userId && u.presence !== presence) ? users.map((u) => (u.id === userId ? { ...u, presence } : u)) : users;
};
export const USERS = liveFamily('users', usersReducer);

/**
 * The users query's function: the answer with the `agent.presence` events that arrived while it was
 * on its way applied on top. Without that, the user's own "online" (announced just after their
 * socket connects, while the list asked for on connecting is in flight) was lost to an answer read
 * a moment before, and their status switch stayed offline.
 */
export const usersQueryFn = (fetch: () => Promise<{ items: User[] }> = () => deskApi.users()) => liveQueryFn(async () => (await fetch()).items);

/** Everyone the caller may list (read again on every reconnect, so colleagues added meanwhile get their names). */
export const useUsers = () => useQuery({ queryKey: [USERS], queryFn: usersQueryFn() });

/**
 * Colleagues by id, to name assignees and authors. Every role may list users: supervisors and
 * admins see everyone in their scope, an agent the colleagues sharing a store with them.
 * Only supervisors and admins assign conversations to others.
 */
export function useDirectory(me: User) {
  const lead = isLead(me);
  const users = useUsers().data;
  return useMemo(() => {
    const byId = new Map((users ?? []).map((u) => [u.id, u]));
    if (!byId.has(me.id)) byId.set(me.id, me);
    return { canAssignOthers: lead, users: [...byId.values()], userById: byId };
  }, [users, me, lead]);
}

export type Directory = ReturnType<typeof useDirectory>;
