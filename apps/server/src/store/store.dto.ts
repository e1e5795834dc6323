import type { Store } from '@kefu/contracts';
import type { StoreEntity } from './store.entity.js';

export const toStoreDto = (s: StoreEntity): Store => ({
  id: s.id,
  name: s.name,
  platform: s.platform,
  timezone: s.timezone,
  businessHours: s.businessHours,
  slaPolicy: s.slaPolicy,
  returnPolicy: s.returnPolicy,
  slaEscalation: s.slaEscalation,
  ticketTemplates: s.ticketTemplates ?? {},
  createdAt: s.createdAt.toISOString(),
});
