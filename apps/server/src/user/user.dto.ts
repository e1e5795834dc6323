import type { Presence, User } from '@kefu/contracts';
import type { StoreScope } from '../auth/store-scope.js';
import type { UserEntity } from '../auth/user.entity.js';

/** A user as `viewer` may see them: only the stores of theirs the viewer's scope includes (all without a viewer). */
export const toUserDto = (u: UserEntity, presence: Presence = 'offline', viewer?: StoreScope): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  storeIds: viewer ? viewer.visible(u.storeIds) : u.storeIds,
  languages: u.languages,
  maxConcurrent: u.maxConcurrent,
  presence,
  status: u.status,
  active: u.active,
});
