import { z } from 'zod';
import { calendarDate, instant, text } from './input.js';
import { CauseCode } from './domain.js';
import { SlaFigures } from './sla.js';
import { CauseSource, TicketType } from './ticket.js';

/** Longest period one query may cover (and compare with the one before it). */
export const MAX_PERIOD_DAYS = 3 * 366;


const periodFields = {
  /** Start (inclusive) of the period of ticket creation; default `to` minus 30 days. */
  from: instant().optional(),
  /** End (exclusive); default now. */
  to: instant().optional(),
  storeId: z.uuid().optional(),
  type: TicketType.optional(),
  causeSource: CauseSource.optional(),
};

const checkPeriod = (q: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (!q.from || !q.to) return;
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > MAX_PERIOD_DAYS * 24 * 3600 * 1000) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_PERIOD_DAYS} days after from` });
};

export const CAUSE_GROUP_BYS = ['day', 'week', 'month', 'store', 'sku', 'category'] as const;
export const CauseGroupBy = z.enum(CAUSE_GROUP_BYS);
export type CauseGroupBy = z.infer<typeof CauseGroupBy>;

/** `GET /api/analytics/causes` and `causes.csv`. */
export const CauseBreakdownQuery = z
  .object({
    ...periodFields,
    /**
     * `day`/`week`/`month` are store-local calendar buckets (`week` = its ISO Monday); `sku` is per
     * store. (`sku`/`category` together with `type` or `causeSource` are counted from the tickets
     * themselves, not the rollups: slower over long periods.)
     */
    groupBy: CauseGroupBy.optional(),
    /** `sku`/`category`: only the groups with the most tickets (see `groupCount`). */
    limit: z.coerce.number().int().min(1).max(10_000).default(100),
  })
  .superRefine(checkPeriod);
export type CauseBreakdownQuery = z.infer<typeof CauseBreakdownQuery>;

/** The key of one group; which fields are set depends on `groupBy`. */
export const CauseGroupKey = z.object({
  /** groupBy=day: the store-local date, YYYY-MM-DD. */
  day: text().optional(),
  /** groupBy=week: the store-local date of the ISO week's Monday, YYYY-MM-DD. */
  week: text().optional(),
  /** groupBy=month: YYYY-MM, store-local. */
  month: text().optional(),
  /** groupBy=store, and groupBy=sku (a SKU is a store's product). */
  storeId: text().optional(),
  storeName: text().optional(),
  /** groupBy=sku: the SKU and its product name. */
  sku: text().optional(),
  name: text().optional(),
  /** groupBy=category (across stores). */
  category: text().optional(),
});
export type CauseGroupKey = z.infer<typeof CauseGroupKey>;

export const CauseBreakdownItem = CauseGroupKey.extend({
  cause: CauseCode,
  count: z.number(),
  /** count / tickets of its group (the bucket, store, SKU, category; without groupBy: of the period). */
  share: z.number(),
});
export type CauseBreakdownItem = z.infer<typeof CauseBreakdownItem>;

export const CauseGroup = CauseGroupKey.extend({
  /** Tickets of the group (a ticket counts once per SKU / category among its items). */
  total: z.number(),
  /** Of those, tickets without a cause (not in `items`). */
  unclassified: z.number(),
});
export type CauseGroup = z.infer<typeof CauseGroup>;

export const CauseCount = z.object({ cause: CauseCode, count: z.number() });
export type CauseCount = z.infer<typeof CauseCount>;

export const CauseTrend = z.object({
  cause: CauseCode,
  count: z.number(),
  previousCount: z.number(),
  /** (count − previousCount) / previousCount; null when previousCount is 0. */
  change: z.number().nullable(),
});
export type CauseTrend = z.infer<typeof CauseTrend>;

export const ParetoEntry = z.object({
  cause: CauseCode,
  count: z.number(),
  /** Share of the classified tickets of the period. */
  share: z.number(),
  cumulativeShare: z.number(),
  /** One of the vital few: the causes that together make the first 80% of classified tickets. */
  vital: z.boolean(),
});
export type ParetoEntry = z.infer<typeof ParetoEntry>;

export const CauseBreakdown = z.object({
  /** The period [from, to) as resolved, UTC. */
  from: text(),
  to: text(),
  groupBy: CauseGroupBy.nullable(),
  filters: z.object({ storeId: text().nullable(), type: TicketType.nullable(), causeSource: CauseSource.nullable() }),
  /** Per group and cause, groups in key order (sku/category: most tickets first), causes by count. */
  items: z.array(CauseBreakdownItem),
  groups: z.array(CauseGroup),
  /** sku/category: how many groups there were before `limit`. */
  groupCount: z.number(),
  /** Tickets created in the period (each once). */
  total: z.number(),
  /** Of those, tickets without a cause. */
  unclassified: z.number(),
  /** The same-length period just before. */
  previous: z.object({ from: text(), to: text(), total: z.number(), unclassified: z.number(), causes: z.array(CauseCount) }),
  trend: z.array(CauseTrend),
  pareto: z.array(ParetoEntry),
  /** How often agents corrected the classifier: `auto` tickets got their cause from it, `corrected` of those an agent changed. */
  corrections: z.object({ auto: z.number(), corrected: z.number(), share: z.number().nullable() }),
  /** First-response figures of the same period and stores (SLA summary; not narrowed by type/causeSource). */
  sla: z.object({ from: text(), to: text(), overall: SlaFigures, byStore: z.array(SlaFigures.extend({ storeId: text(), storeName: text() })) }),
});
export type CauseBreakdown = z.infer<typeof CauseBreakdown>;

/** The tickets behind one figure of the breakdown: the same period and filters, plus the bar's key. */
const ticketFilterFields = {
  ...periodFields,
  /** A cause, or `none` for unclassified tickets. */
  cause: z.union([CauseCode, z.literal('none')]).optional(),
  day: calendarDate().optional(),
  week: calendarDate().refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'must be the Monday of an ISO week').optional(),
  month: text().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM').optional(),
  sku: text().trim().min(1).max(100).optional(),
  category: text().trim().min(1).max(100).optional(),
  /** The corrections figure: `auto` (the classifier gave the cause) or `corrected` (an agent changed it). */
  corrections: z.enum(['auto', 'corrected']).optional(),
};

const checkTicketFilter = (q: { from?: string; to?: string; day?: string; week?: string; month?: string }, ctx: z.RefinementCtx) => {
  checkPeriod(q, ctx);
  const buckets = (['day', 'week', 'month'] as const).filter((k) => q[k] !== undefined);
  if (buckets.length > 1) ctx.addIssue({ code: 'custom', path: [buckets[1]], message: `cannot be combined with ${buckets[0]}` });
};

/** `GET /api/analytics/tickets`: a page of the tickets counted in a figure. */
export const AnalyticsTicketsQuery = z
  .object({ ...ticketFilterFields, limit: z.coerce.number().int().min(1).max(200).default(50), cursor: text().max(200).optional() })
  .superRefine(checkTicketFilter);
export type AnalyticsTicketsQuery = z.infer<typeof AnalyticsTicketsQuery>;

/** `GET /api/analytics/tickets.csv`: the same tickets, personal data masked. */
export const TicketExportQuery = z.object(ticketFilterFields).superRefine(checkTicketFilter);
export type TicketExportQuery = z.infer<typeof TicketExportQuery>;
