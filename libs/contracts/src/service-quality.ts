import { z } from 'zod';
import { instant, text } from './input.js';
import { CauseCode } from './domain.js';

const period = {
  from: instant().optional(),
  to: instant().optional(),
  storeId: z.uuid().optional(),
};
const ordered = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to);

/** `GET /api/analytics/csat` and `/api/analytics/conversion`: a period (default the last 30 days) and a grouping. */
export const ServiceQualityQuery = z
  .object({ ...period, groupBy: z.enum(['store', 'agent', 'day']).default('store') })
  .refine(ordered, { message: 'must be after from', path: ['to'] });
export type ServiceQualityQuery = z.infer<typeof ServiceQualityQuery>;

/** The key of a group: a store, an agent or a day (store-local, YYYY-MM-DD). */
const GroupKey = z.object({
  storeId: text().optional(),
  storeName: text().optional(),
  agentId: text().nullable().optional(),
  agentName: text().nullable().optional(),
  day: text().optional(),
});

export const CsatFigures = z.object({
  /** Surveys sent (conversations resolved with an answer from an agent). */
  sent: z.number(),
  responses: z.number(),
  responseRate: z.number().nullable(),
  /** Mean rating 1–5. */
  average: z.number().nullable(),
  /** Share of ratings 4 or 5. */
  satisfiedShare: z.number().nullable(),
  distribution: z.record(text(), z.number()),
});
export type CsatFigures = z.infer<typeof CsatFigures>;

export const CsatReport = z.object({
  from: text(),
  to: text(),
  groupBy: z.enum(['store', 'agent', 'day']),
  overall: CsatFigures,
  items: z.array(CsatFigures.extend(GroupKey.shape)),
  /** Root causes of the tickets of conversations rated 1 or 2. */
  lowRatingCauses: z.array(z.object({ cause: CauseCode.nullable(), count: z.number() })),
});
export type CsatReport = z.infer<typeof CsatReport>;

export const ConversionFigures = z.object({
  /** Pre-sale conversations: no order mentioned and no after-sales ticket. */
  presale: z.number(),
  /** Of those, customers who ordered in that store within 48 hours. */
  converted: z.number(),
  rate: z.number().nullable(),
  /** First-response time of those conversations (business seconds). */
  firstResponseP50: z.number().nullable(),
  firstResponseP90: z.number().nullable(),
});
export type ConversionFigures = z.infer<typeof ConversionFigures>;

export const ConversionReport = z.object({
  from: text(),
  to: text(),
  groupBy: z.enum(['store', 'agent', 'day']),
  overall: ConversionFigures,
  items: z.array(ConversionFigures.extend(GroupKey.shape)),
});
export type ConversionReport = z.infer<typeof ConversionReport>;

/** Hours after a pre-sale conversation starts within which an order counts as converted. */
export const CONVERSION_WINDOW_HOURS = 48;
