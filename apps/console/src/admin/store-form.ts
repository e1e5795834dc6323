import type { FieldError, FieldErrors, FieldValues, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import {
  type BusinessHoursSlot,
  CreateStoreInput,
  DayHoursSlot,
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_RETURN_POLICY,
  DEFAULT_SLA_ESCALATION,
  DEFAULT_SLA_POLICY,
  DEFAULT_TIMEZONE,
  MAX_HOLIDAYS,
  ResponseExemptions,
  ResponseRule,
  ResponseWindow,
  ReturnPolicy,
  SlaEscalation,
  SlaPolicy,
  type Store,
  TICKET_TEMPLATE_KEYS,
  type TicketTemplateKey,
  calendarDate,
  defaultResponseRule,
  text,
} from '@kefu/contracts';

// The store editor's form: the contract's rules on a shape people edit (a week of days with their shifts, holidays
// closed or with hours, categories one per line, the platform's response rule as its default or the store's own), and
// the conversions to and from the API's store.

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MAX_SHIFTS = 10;

const Shifts = z.array(DayHoursSlot).max(MAX_SHIFTS);

/** At most this many nudges a rule (the contract's bound). */
export const MAX_NUDGES = 10;

/**
 * The platform response rule as edited: `followDefault` sends `responseRule: null` (the store follows its platform's
 * default, also when the platform changes); otherwise the limit, the hours counted (all day, or start–end) and the
 * nudges, one input each.
 */
const ResponseRuleForm = z
  .object({
    followDefault: z.boolean(),
    seconds: ResponseRule.shape.seconds,
    allDay: z.boolean(),
    start: text(),
    end: text(),
    nudges: z.array(z.object({ seconds: ResponseRule.shape.seconds })).max(MAX_NUDGES),
  })
  .superRefine((r, ctx) => {
    if (r.allDay) return;
    const window = ResponseWindow.safeParse({ start: r.start, end: r.end });
    for (const issue of window.success ? [] : window.error.issues) ctx.addIssue(issue as never);
  });

const TemplateTexts = z.record(text(), text().trim().max(2000));

export const StoreForm = z
  .object({
    name: CreateStoreInput.shape.name,
    platform: CreateStoreInput.shape.platform,
    timezone: CreateStoreInput.shape.timezone.unwrap(),
    alwaysOpen: z.boolean(),
    days: z.array(z.object({ weekday: z.number().int().min(1).max(7), shifts: Shifts })).length(7),
    holidays: z
      .array(z.object({ date: calendarDate(), closed: z.boolean(), hours: Shifts }))
      .max(MAX_HOLIDAYS)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((h, i) => {
          if (seen.has(h.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'is listed twice' });
          seen.add(h.date);
          if (!h.closed && h.hours.length === 0) ctx.addIssue({ code: 'too_small', origin: 'array', minimum: 1, inclusive: true, path: [i, 'hours'], message: 'needs hours' });
        });
      }),
    slaPolicy: SlaPolicy,
    returnPolicy: ReturnPolicy.omit({ excludedCategories: true }).extend({ excludedText: text().max(20_000) }),
    slaEscalation: z.object({ reassign: z.boolean(), webhookUrl: z.union([z.literal(''), SlaEscalation.shape.webhookUrl.unwrap()]) }),
    ticketTemplates: z.object({ zh: TemplateTexts, en: TemplateTexts }),
    responseRule: ResponseRuleForm,
    /** Exemption periods, an empty reason for none. */
    responseExemptions: ResponseExemptions,
    /** Other stores that get the same holidays. */
    copyHolidaysTo: z.array(text()),
  })
  .superRefine((v, ctx) => {
    if (!v.alwaysOpen && v.days.every((d) => d.shifts.length === 0)) ctx.addIssue({ code: 'custom', path: ['days'], message: 'no opening' });
  });
export type StoreFormValues = z.input<typeof StoreForm>;
export type StoreFormOutput = z.output<typeof StoreForm>;

/** Whether two rules say the same (the contract keeps nudges sorted and unique). */
export const sameRule = (a: ResponseRule, b: ResponseRule): boolean =>
  a.seconds === b.seconds && a.window?.start === b.window?.start && a.window?.end === b.window?.end && a.nudgeSeconds.join() === b.nudgeSeconds.join();

/** The editable form of a rule. */
export function ruleFormOf(rule: ResponseRule, followDefault: boolean): StoreFormValues['responseRule'] {
  return {
    followDefault,
    seconds: rule.seconds,
    allDay: rule.window === null,
    start: rule.window?.start ?? '09:00',
    end: rule.window?.end ?? '23:00',
    nudges: rule.nudgeSeconds.map((seconds) => ({ seconds })),
  };
}

/** A nudge added to the list: half-way from the last one (or the wait's start) to the limit, when there is room. */
export function nextNudge(nudges: number[], limit: number): number {
  const last = Math.max(0, ...nudges.filter(Number.isFinite));
  if (!Number.isFinite(limit)) return last + 60;
  return limit > last + 1 ? Math.round((last + limit) / 2) : last + 1;
}

const emptyTemplates = (): Record<TicketTemplateKey, string> => Object.fromEntries(TICKET_TEMPLATE_KEYS.map((k) => [k, ''])) as Record<TicketTemplateKey, string>;

/** The form of a store (or of a new one, with the desk's defaults). */
export function formOf(store: Store | null): StoreFormValues {
  const hours = store ? store.businessHours : DEFAULT_BUSINESS_HOURS;
  const platform = store?.platform ?? 'taobao';
  const platformRule = defaultResponseRule(platform);
  return {
    name: store?.name ?? '',
    platform,
    timezone: store?.timezone ?? DEFAULT_TIMEZONE,
    alwaysOpen: hours === null,
    days: WEEKDAYS.map((weekday) => ({
      weekday,
      shifts: (hours ?? DEFAULT_BUSINESS_HOURS)
        .filter((h) => h.weekday === weekday)
        .map(({ open, close }) => ({ open, close }))
        .sort((a, b) => a.open.localeCompare(b.open)),
    })),
    holidays: (store?.holidays ?? []).map((h) => ({ date: h.date, closed: h.hours.length === 0, hours: h.hours })),
    slaPolicy: { ...DEFAULT_SLA_POLICY, ...store?.slaPolicy },
    returnPolicy: (({ excludedCategories, ...rest }) => ({ ...rest, excludedText: excludedCategories.join('\n') }))({ ...DEFAULT_RETURN_POLICY, ...store?.returnPolicy }),
    slaEscalation: { reassign: store?.slaEscalation.reassign ?? DEFAULT_SLA_ESCALATION.reassign, webhookUrl: store?.slaEscalation.webhookUrl ?? '' },
    ticketTemplates: { zh: { ...emptyTemplates(), ...store?.ticketTemplates.zh }, en: { ...emptyTemplates(), ...store?.ticketTemplates.en } },
    // The API answers the rule in use, not whether it is the store's own: one equal to the platform's default follows it.
    responseRule: ruleFormOf(store?.responseRule ?? platformRule, !store || sameRule(store.responseRule, platformRule)),
    responseExemptions: (store?.responseExemptions ?? []).map((e) => ({ start: e.start, end: e.end, reason: e.reason ?? '' })),
    copyHolidaysTo: [],
  };
}

/** What the API is sent (a new store, or every editable field of one). */
export function storeInputOf(v: StoreFormOutput): CreateStoreInput {
  const businessHours: BusinessHoursSlot[] | null = v.alwaysOpen ? null : v.days.flatMap((d) => d.shifts.map((s) => ({ weekday: d.weekday, ...s })));
  const { excludedText, ...returnPolicy } = v.returnPolicy;
  const filled = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).filter(([, s]) => s.trim() !== ''));
  return {
    name: v.name,
    platform: v.platform,
    timezone: v.timezone,
    businessHours,
    holidays: v.holidays.map((h) => ({ date: h.date, hours: h.closed ? [] : h.hours })),
    slaPolicy: v.slaPolicy,
    returnPolicy: { ...returnPolicy, excludedCategories: [...new Set(excludedText.split('\n').map((c) => c.trim()).filter(Boolean))] },
    slaEscalation: { reassign: v.slaEscalation.reassign, webhookUrl: v.slaEscalation.webhookUrl || null },
    ticketTemplates: { zh: filled(v.ticketTemplates.zh), en: filled(v.ticketTemplates.en) },
    responseRule: responseRuleOf(v.responseRule),
    responseExemptions: v.responseExemptions.map(({ start, end, reason }) => (reason ? { start, end, reason } : { start, end })),
  };
}

/** The rule sent: null follows the platform's default. */
function responseRuleOf(r: StoreFormOutput['responseRule']): ResponseRule | null {
  if (r.followDefault) return null;
  return { seconds: r.seconds, window: r.allDay ? null : { start: r.start, end: r.end }, nudgeSeconds: r.nudges.map((n) => n.seconds) };
}

/**
 * The form field a server error names (`businessHours.3.close` is the fourth slot of the flattened week; the other
 * paths are the form's own), or null when the form has no such field.
 */
export function formPathOf(serverPath: string, v: StoreFormValues): string | null {
  const hours = /^businessHours\.(\d+)\.(open|close)$/.exec(serverPath);
  if (hours) {
    let n = Number(hours[1]);
    for (const [i, d] of v.days.entries()) {
      if (n < d.shifts.length) return `days.${i}.shifts.${n}.${hours[2]}`;
      n -= d.shifts.length;
    }
    return null;
  }
  if (/^returnPolicy\.excludedCategories/.test(serverPath)) return 'returnPolicy.excludedText';
  if (/^holidays\.\d+\.(date|hours)/.test(serverPath)) return serverPath.split('.').slice(0, 3).join('.');
  const rule = /^responseRule\.(seconds|window(?:\.(start|end))?|nudgeSeconds(?:\.(\d+))?)$/.exec(serverPath);
  if (rule) {
    if (rule[1] === 'seconds') return 'responseRule.seconds';
    if (rule[1].startsWith('window')) return `responseRule.${rule[2] ?? 'end'}`;
    return rule[3] !== undefined ? `responseRule.nudges.${rule[3]}.seconds` : 'responseRule.nudges';
  }
  if (/^responseExemptions(\.\d+\.(start|end|reason))?$/.test(serverPath)) return serverPath;
  if (/^(name|platform|timezone|slaPolicy\.\w+|returnPolicy\.\w+|slaEscalation\.webhookUrl)$/.test(serverPath)) return serverPath;
  return null;
}

export type StoreFormApi = UseFormReturn<StoreFormValues, unknown, StoreFormOutput>;

/** The error at a dotted path of a form's errors. */
export const errorAt = <T extends FieldValues = StoreFormValues>(errors: FieldErrors<T>, path: string): FieldError | undefined =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as FieldError | undefined;
