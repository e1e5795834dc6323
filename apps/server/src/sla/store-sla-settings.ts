import { Logger } from '@nestjs/common';
import { BusinessHours, DEFAULT_BUSINESS_HOURS, DEFAULT_SLA_POLICY, DEFAULT_TIMEZONE, SlaPolicy, Timezone } from '@kefu/contracts';
import type { StoreEntity } from '../store/store.entity.js';
import type { Schedule } from './business-time.js';

const logger = new Logger('StoreSlaSettings');
const warned = new Set<string>();

/** Logs once per process and store: a customer message must never wait on a bad setting. */
function fallback<T>(store: Pick<StoreEntity, 'id'>, field: string, value: unknown, used: T): T {
  const key = `${store.id}:${field}`;
  if (!warned.has(key)) {
    warned.add(key);
    logger.warn(`store ${store.id}: ${field} ${JSON.stringify(value)?.slice(0, 200)} is outside what the contract allows; the timers use ${JSON.stringify(used)}`);
  }
  return used;
}

/**
 * A store's SLA policy as the clocks use it. A stored value the contract would refuse (written
 * before the bounds existed, or by SQL: `firstResponseSeconds: 9000000000000`) falls back to the
 * default for that field, so the message is stored and timed sensibly, and the fallback is logged.
 */
export function slaPolicyOf(store: Pick<StoreEntity, 'id' | 'slaPolicy'>): SlaPolicy {
  const stored = (store.slaPolicy ?? {}) as Partial<Record<keyof SlaPolicy, unknown>>;
  const policy = { ...DEFAULT_SLA_POLICY };
  for (const key of Object.keys(DEFAULT_SLA_POLICY) as (keyof SlaPolicy)[]) {
    const ok = SlaPolicy.shape[key].safeParse(stored[key]);
    policy[key] = ok.success ? ok.data : fallback(store, `slaPolicy.${key}`, stored[key], DEFAULT_SLA_POLICY[key]);
  }
  return policy;
}

/** A store's time zone and weekly hours as the clocks use them, with the same fallbacks. */
export function scheduleOf(store: Pick<StoreEntity, 'id' | 'timezone' | 'businessHours'>): Schedule {
  const timezone = Timezone.safeParse(store.timezone);
  const hours = BusinessHours.safeParse(store.businessHours);
  return {
    timezone: timezone.success ? timezone.data : fallback(store, 'timezone', store.timezone, DEFAULT_TIMEZONE),
    hours: hours.success ? hours.data : fallback(store, 'businessHours', store.businessHours, DEFAULT_BUSINESS_HOURS),
  };
}
