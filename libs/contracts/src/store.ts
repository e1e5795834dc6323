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

/** Longest platform response rule or nudge: a day (the platforms count seconds or minutes). */
export const MAX_RESPONSE_RULE_SECONDS = 24 * 3600;
const ruleSeconds = upTo(MAX_RESPONSE_RULE_SECONDS, 'seconds (a day)');

/**
 * Hours of the day in the store's timezone in which a platform counts a wait. `start` after `end`
 * spans midnight (22:00–02:00).
 */
export const ResponseWindow = z
  .object({ start: hhmm, end: hhmm })
  .refine((w) => w.start !== w.end, { message: 'must differ from start (null means all day)', path: ['end'] });
export type ResponseWindow = z.infer<typeof ResponseWindow>;

/**
 * The platform's response metric for a store (淘宝 3-minute manual response rate, 京东 30-second answer rate…):
 * a customer wait that starts inside `window` (null: all day) is met when an agent replies within `seconds`
 * (wall seconds); the assignee is nudged `nudgeSeconds` after the wait started.
 */
export const ResponseRule = z.object({
  seconds: ruleSeconds,
  window: ResponseWindow.nullable(),
  nudgeSeconds: z
    .array(ruleSeconds)
    .max(10, 'at most 10 nudges')
    .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
});
export type ResponseRule = z.infer<typeof ResponseRule>;

/** The platforms' published defaults (to verify per store: an admin may change them). */
export function defaultResponseRule(platform: Platform): ResponseRule {
  switch (platform) {
    case 'taobao':
    case 'tmall':
      return { seconds: 180, window: null, nudgeSeconds: [60, 100, 150] };
    case 'jd':
      return { seconds: 30, window: { start: '09:00', end: '23:00' }, nudgeSeconds: [15, 25] };
    case 'douyin':
    case 'pdd':
      return { seconds: 180, window: { start: '08:00', end: '23:00' }, nudgeSeconds: [60, 100, 150] };
    default:
      return { seconds: 180, window: null, nudgeSeconds: [60, 100, 150] };
  }
}

/** At most this many exemption periods per store. */
export const MAX_RESPONSE_EXEMPTIONS = 100;

/**
 * Days (in the store's timezone, both ends included) in which the platform suspends its response metric
 * (春节): waits starting in them are not counted, not even in figures already shown.
 */
export const ResponseExemption = z
  .object({ start: calendarDate(), end: calendarDate(), reason: text().trim().max(200).optional() })
  .refine((e) => e.start <= e.end, { message: 'must not be before start', path: ['end'] });
export type ResponseExemption = z.infer<typeof ResponseExemption>;
export const ResponseExemptions = z.array(ResponseExemption).max(MAX_RESPONSE_EXEMPTIONS, `at most ${MAX_RESPONSE_EXEMPTIONS} periods`);
export type ResponseExemptions = z.infer<typeof ResponseExemptions>;

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
  /** The fields given replace the rule in use; `null` goes back to the platform's default. */
  responseRule: ResponseRule.partial().nullable().optional(),
  responseExemptions: ResponseExemptions.optional(),
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
  /** The rule in use: the store's own, or its platform's default. */
  responseRule: ResponseRule,
  responseExemptions: ResponseExemptions,
  ticketTemplates: TicketTemplates,
  createdAt: text(),
});
export type Store = z.infer<typeof Store>;
