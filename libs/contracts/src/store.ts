import { z } from 'zod';
import { Platform } from './domain.js';
import { SlaEscalation } from './sla.js';
import { TicketTemplates } from './ticket.js';

const positiveInt = z.number().int().positive();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be "HH:MM" (00:00–24:00)');

export const BusinessHoursSlot = z
  .object({ weekday: z.number().int().min(1).max(7), open: hhmm, close: hhmm })
  .refine((s) => s.open < s.close, { message: 'open must be before close', path: ['close'] });
export type BusinessHoursSlot = z.infer<typeof BusinessHoursSlot>;

/** `null` means open around the clock. */
export const BusinessHours = z.array(BusinessHoursSlot).min(1, 'needs at least one opening (null means always open)').max(70).nullable();
export type BusinessHours = z.infer<typeof BusinessHours>;

export const SlaPolicy = z.object({
  firstResponseSeconds: positiveInt,
  nextResponseSeconds: positiveInt,
  warnBeforeSeconds: positiveInt,
  resolutionHours: positiveInt,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const ReturnPolicy = z.object({
  noReasonReturnDays: positiveInt,
  qualityReturnDays: positiveInt,
  qualityExchangeDays: positiveInt,
  excludedCategories: z.array(z.string().min(1).max(100)).max(200),
  /** An agent's override of the policy waits for a supervisor's approval. */
  overridesNeedApproval: z.boolean().optional(),
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
};

const isIanaZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
export const Timezone = z.string().min(1).max(64).refine(isIanaZone, 'must be an IANA time zone, e.g. Asia/Shanghai');

export const CreateStoreInput = z.object({
  name: z.string().trim().min(1).max(120),
  platform: Platform,
  timezone: Timezone.optional(),
  businessHours: BusinessHours.optional(),
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
  id: z.string(),
  name: z.string(),
  platform: Platform,
  timezone: z.string(),
  businessHours: BusinessHours,
  slaPolicy: SlaPolicy,
  returnPolicy: ReturnPolicy,
  slaEscalation: SlaEscalation,
  ticketTemplates: TicketTemplates,
  createdAt: z.string(),
});
export type Store = z.infer<typeof Store>;
