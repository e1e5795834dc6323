import type { Store } from '@kefu/contracts';
import type { StoreEntity } from './store.entity.js';
import { returnPolicyOf, scheduleOf, slaPolicyOf } from './store-settings.js';

/** A store with the settings the desk uses (a stored value out of range shows as the default in its place). */
export const toStoreDto = (s: StoreEntity): Store => ({
  id: s.id,
  name: s.name,
  platform: s.platform,
  timezone: scheduleOf(s).timezone,
  businessHours: scheduleOf(s).hours,
  slaPolicy: slaPolicyOf(s),
  returnPolicy: returnPolicyOf(s),
  slaEscalation: s.slaEscalation,
  ticketTemplates: s.ticketTemplates ?? {},
  createdAt: s.createdAt.toISOString(),
});
