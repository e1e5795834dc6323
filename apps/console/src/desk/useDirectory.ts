import { useEffect, useMemo, useState } from 'react';
import type { User } from '@kefu/contracts';
import { isAbort } from '../api/client';
import { deskApi } from '../api/desk-api';
import { useDeskLive } from '../live/DeskLiveProvider';

const LEAD_ROLES: ReadonlySet<User['role']> = new Set(['supervisor', 'admin']);
export const isLead = (user: User): boolean => LEAD_ROLES.has(user.role);

/** Whether `user` may be assigned a conversation of `storeId` (mirrors the API's store scope). */
export const canServe = (user: User, storeId: string): boolean =>
  user.active && user.role !== 'analyst' && ((user.role !== 'agent' && user.storeIds.length === 0) || user.storeIds.includes(storeId));

/**
 * Colleagues by id, to name assignees and authors. Every role may list users: supervisors and
 * admins see everyone in their scope, an agent the colleagues sharing a store with them.
 * Only supervisors and admins assign conversations to others.
 */
export function useDirectory(me: User) {
  const lead = isLead(me);
  const [users, setUsers] = useState<User[]>([]);
  const { epoch } = useDeskLive();

  // Read again on every (re)connect: colleagues added meanwhile get their names.
  useEffect(() => {
    const ctrl = new AbortController();
    deskApi
      .users(undefined, ctrl.signal)
      .then((page) => setUsers(page.items))
      .catch((err: unknown) => {
        if (!isAbort(err)) console.error('Could not load users', err);
      });
    return () => ctrl.abort();
  }, [me.id, epoch]);

  return useMemo(() => {
    const byId = new Map(users.map((u) => [u.id, u]));
    byId.set(me.id, me);
    return { canAssignOthers: lead, users: [...byId.values()], userById: byId };
  }, [users, me, lead]);
}

export type Directory = ReturnType<typeof useDirectory>;
