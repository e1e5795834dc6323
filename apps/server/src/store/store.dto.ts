import type { Store } from '@kefu/contracts';
import type { StoreEntity } from './store.entity.js';
import { responseExemptionsOf, responseRuleOf, returnPolicyOf, scheduleOf, slaPolicyOf } from './store-settings.js';

/** A store with the settings the desk uses (a stored value out of range shows as the default in its place). */
export const toStoreDto = (s: StoreEntity): Store => {
  const schedule = scheduleOf(s);
  return {
    id: s.id,
    name: s.name,
    platform: s.platform,
    timezone: schedule.timezone,
    businessHours: schedule.hours,
    holidays: schedule.holidays,
    slaPolicy: slaPolicyOf(s),
    returnPolicy: returnPolicyOf(s),
    slaEscalation: s.slaEscalation,
    responseRule: responseRuleOf(s),
    responseExemptions: responseExemptionsOf(s),
    ticketTemplates: s.ticketTemplates ?? {},
    createdAt: s.createdAt.toISOString(),
  };
};
