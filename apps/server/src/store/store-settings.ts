import { Logger } from '@nestjs/common';
import { BusinessHours, DEFAULT_BUSINESS_HOURS, Holidays, DEFAULT_RETURN_POLICY, DEFAULT_SLA_POLICY, DEFAULT_TIMEZONE, defaultResponseRule, ResponseExemptions, ResponseRule, ReturnPolicy, SlaPolicy, Timezone } from '@kefu/contracts';
import type { z } from 'zod';
import type { Schedule } from '../sla/business-time.js';
import type { StoreEntity } from './store.entity.js';

// A store's settings as the desk uses them (its clocks, its policy, what the API shows). A stored
// value the contract would refuse (written before the bounds existed, or by SQL:
// `firstResponseSeconds: 9000000000000`) falls back to the default for that field, and is logged:
// a customer message must never wait on a bad setting, nor a console fail to read the store.

const logger = new Logger('StoreSettings');
const warned = new Set<string>();

/** Logs once per process, store and field. */
function fallback<T>(store: Pick<StoreEntity, 'id'>, field: string, value: unknown, used: T): T {
  const key = `${store.id}:${field}`;
  if (!warned.has(key)) {
    warned.add(key);
    logger.warn(`store ${store.id}: ${field} ${JSON.stringify(value)?.slice(0, 200)} is outside what the contract allows; the desk uses ${JSON.stringify(used)}`);
  }
  return used;
}

/** Each field of `stored` that `schema` accepts, the default for the others. */
function fieldsOf<T extends Record<string, unknown>>(store: Pick<StoreEntity, 'id'>, name: string, schema: z.ZodObject, stored: unknown, defaults: T): T {
  const values = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, field] of Object.entries(schema.shape)) {
    if (values[key] === undefined && !(key in defaults)) continue;
    const ok = (field as z.ZodType).safeParse(values[key]);
    out[key] = ok.success ? ok.data : fallback(store, `${name}.${key}`, values[key], defaults[key]);
  }
  return out as T;
}

export const slaPolicyOf = (store: Pick<StoreEntity, 'id' | 'slaPolicy'>): SlaPolicy => fieldsOf(store, 'slaPolicy', SlaPolicy, store.slaPolicy, DEFAULT_SLA_POLICY);

export const returnPolicyOf = (store: Pick<StoreEntity, 'id' | 'returnPolicy'>): ReturnPolicy => fieldsOf(store, 'returnPolicy', ReturnPolicy, store.returnPolicy, DEFAULT_RETURN_POLICY);

/** A store's time zone, weekly hours and dated exceptions (holidays, make-up days), with the same fallbacks. */
export function scheduleOf(store: Pick<StoreEntity, 'id' | 'timezone' | 'businessHours'> & Partial<Pick<StoreEntity, 'holidays'>>): Schedule & { holidays: Holidays } {
  const timezone = Timezone.safeParse(store.timezone);
  const hours = BusinessHours.safeParse(store.businessHours);
  const holidays = Holidays.safeParse(store.holidays ?? []);
  return {
    timezone: timezone.success ? timezone.data : fallback(store, 'timezone', store.timezone, DEFAULT_TIMEZONE),
    hours: hours.success ? hours.data : fallback(store, 'businessHours', store.businessHours, DEFAULT_BUSINESS_HOURS),
    holidays: holidays.success ? holidays.data : fallback(store, 'holidays', store.holidays, []),
  };
}

/** The platform response rule in use: the store's own, else its platform's default (also for fields a stored rule lacks). */
export const responseRuleOf = (store: Pick<StoreEntity, 'id' | 'platform' | 'responseRule'>): ResponseRule =>
  store.responseRule === null || store.responseRule === undefined
    ? defaultResponseRule(store.platform)
    : fieldsOf(store, 'responseRule', ResponseRule, store.responseRule, defaultResponseRule(store.platform));

export function responseExemptionsOf(store: Pick<StoreEntity, 'id' | 'responseExemptions'>): ResponseExemptions {
  const parsed = ResponseExemptions.safeParse(store.responseExemptions ?? []);
  return parsed.success ? parsed.data : fallback(store, 'responseExemptions', store.responseExemptions, []);
}
