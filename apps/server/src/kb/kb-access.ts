import type { Caller } from '../auth/caller.js';
import { forbidden } from '../errors/desk-error.js';

/** Agents read published articles only; drafts are for those who write them and for analysts. */
export const readsDrafts = (caller: Caller) => caller.user.role !== 'agent';

/**
 * Who may write a store's (or a global, storeId null) article or quick reply: the role is checked
 * by the route; global content belongs to callers who see every store.
 */
export function assertCanWrite(caller: Caller, storeId: string | null): void {
  if (storeId === null ? !caller.scope.isAll : !caller.scope.canSee(storeId))
    throw forbidden(storeId === null ? 'Only admins and supervisors of every store write global content' : 'Not one of your stores');
}
