import type { Presence, User } from '@kefu/contracts';
import type { UserEntity } from './user.entity.js';

export const toUserDto = (u: UserEntity, presence: Presence = 'offline'): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  storeIds: u.storeIds,
  languages: u.languages,
  maxConcurrent: u.maxConcurrent,
  presence,
  status: u.status,
  active: u.active,
});
