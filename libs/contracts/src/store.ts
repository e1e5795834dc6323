import { z } from 'zod';
import { calendarDate, displayName, text } from './input.js';
import { Platform } from './domain.js';
import { SlaEscalation } from './sla.js';
import { TicketTemplates } from './ticket.js';

const positiveInt = z.number().int().positive();
/** Longest response promise and warning: 30 days. */
export const MAX_SLA_SECONDS = 30 * 24 * 3600;
/** Longest resolution promise: 90 days. */
export const MAX_RESOLUTION_HOURS = 90 * 24;
/** Longest return or exchange window: a year. */
export const MAX_RETURN_DAYS = 365;
const upTo = (max: number, unit: string) => positiveInt.max(max, `must be at most ${max} ${unit}`);
const hhmm = text().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be "HH:MM" (00:00–24:00)');

export const BusinessHoursSlot = z
  .object({ weekday: z.number().int().min(1).max(7), open: hhmm, close: hhmm })
  .refine((s) => s.open < s.close, { message: 'open must be before close', path: ['close'] });
export type BusinessHoursSlot = z.infer<typeof BusinessHoursSlot>;

/** `null` means open around the clock. */
export const BusinessHours = z.array(BusinessHoursSlot).min(1, 'needs at least one opening (null means always open)').max(70).nullable();
export type BusinessHours = z.infer<typeof BusinessHours>;

/** Opening hours of one day (no weekday: the date says which day). */
export const DayHoursSlot = z.object({ open: hhmm, close: hhmm }).refine((s) => s.open < s.close, { message: 'open must be before close', path: ['close'] });
export type DayHoursSlot = z.infer<typeof DayHoursSlot>;

/** At most this many holiday or make-up dates per store (several years of 节假日 and 调休). */
export const MAX_HOLIDAYS = 400;

/**
 * A date (in the store's timezone) whose hours replace that weekday's: an empty `hours` list closes the store that
 * day (a national holiday); listed hours open it at those times (shorter hours, or a make-up working Saturday, 调休).
 */
export const Holiday = z.object({ date: calendarDate(), hours: z.array(DayHoursSlot).max(10, 'at most 10 openings a day') });
export type Holiday = z.infer<typeof Holiday>;

export const Holidays = z
  .array(Holiday)
  .max(MAX_HOLIDAYS, `at most ${MAX_HOLIDAYS} dates`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((h, i) => {
      if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'is listed twice' });
      seen.add(h.date);
    });
  });
export type Holidays = z.infer<typeof Holidays>;

export const SlaPolicy = z.object({
  firstResponseSeconds: upTo(MAX_SLA_SECONDS, 'seconds (30 days)'),
  nextResponseSeconds: upTo(MAX_SLA_SECONDS, 'seconds (30 days)'),
  warnBeforeSeconds: upTo(MAX_SLA_SECONDS, 'seconds (30 days)'),
  resolutionHours: upTo(MAX_RESOLUTION_HOURS, 'hours (90 days)'),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const ReturnPolicy = z.object({
  noReasonReturnDays: upTo(MAX_RETURN_DAYS, 'days'),
  qualityReturnDays: upTo(MAX_RETURN_DAYS, 'days'),
  qualityExchangeDays: upTo(MAX_RETURN_DAYS, 'days'),
  excludedCategories: z.array(text().min(1).max(100)).max(200),
  /** An agent's override of the policy waits for a supervisor's approval. */
  overridesNeedApproval: z.boolean().optional(),
  /** Who pays the return shipping of a no-reason return (`seller`: the store offers return-shipping insurance, 运费险). */
  noReasonShippingPaidBy: z.enum(['customer', 'seller']).optional(),
});
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
export const DEFAULT_BUSINESS_HOURS: BusinessHoursSlot[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  open: '09:00',
  close: '24:00',
}));
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  firstResponseSeconds: 900,
  nextResponseSeconds: 900,
  warnBeforeSeconds: 300,
  resolutionHours: 48,
};
export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  noReasonReturnDays: 7,
  qualityReturnDays: 15,
  qualityExchangeDays: 15,
  excludedCategories: ['underwear', 'food', 'customized'],
  overridesNeedApproval: false,
  noReasonShippingPaidBy: 'customer',
};

const isIanaZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
export const Timezone = text().min(1).max(64).refine(isIanaZone, 'must be an IANA time zone, e.g. Asia/Shanghai');

export const CreateStoreInput = z.object({
  name: displayName().trim().min(1).max(120),
  platform: Platform,
  timezone: Timezone.optional(),
  businessHours: BusinessHours.optional(),
  holidays: Holidays.optional(),
  slaPolicy: SlaPolicy.partial().optional(),
  returnPolicy: ReturnPolicy.partial().optional(),
  slaEscalation: SlaEscalation.partial().optional(),
  /** Customer-update texts replacing the defaults, per language and step. */
  ticketTemplates: TicketTemplates.optional(),
});
export type CreateStoreInput = z.infer<typeof CreateStoreInput>;

export const UpdateStoreInput = CreateStoreInput.partial();
export type UpdateStoreInput = z.infer<typeof UpdateStoreInput>;

export const Store = z.object({
  id: text(),
  name: text(),
  platform: Platform,
  timezone: text(),
  businessHours: BusinessHours,
  holidays: Holidays,
  slaPolicy: SlaPolicy,
  returnPolicy: ReturnPolicy,
  slaEscalation: SlaEscalation,
  ticketTemplates: TicketTemplates,
  createdAt: text(),
});
export type Store = z.infer<typeof Store>;
