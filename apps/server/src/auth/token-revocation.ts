import type { UpdateUserInput } from '@kefu/contracts';
import type { UserEntity } from './user.entity.js';

export interface Revocation {
  /** Raise the token version: every access token issued so far is refused, and open sockets are closed. */
  endTokens: boolean;
  /** Revoke every refresh token too: the user must log in again. */
  endSessions: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && b.every((x) => a.includes(x));

/**
 * What a change to a user ends. A new password or a deactivation ends everything (the old password
 * may be known to someone else; a deactivated user must not come back). A role or store change
 * ends the access tokens and sockets — the rights of the old ones are wrong — but keeps the
 * sessions: one refresh later the console works on with the new rights and rooms.
 */
export function revocationFor(before: Pick<UserEntity, 'role' | 'storeIds' | 'active'>, change: UpdateUserInput): Revocation {
  const endSessions = change.password !== undefined || (change.active === false && before.active);
  const rightsChanged = (change.role !== undefined && change.role !== before.role) || (change.storeIds !== undefined && !sameSet(before.storeIds, change.storeIds));
  return { endTokens: endSessions || rightsChanged, endSessions };
}
