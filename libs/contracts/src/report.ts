import { z } from 'zod';
import { calendarDate, text } from './input.js';
import { CauseCode, Language } from './domain.js';
import { TicketType } from './ticket.js';

export const ReportPeriod = z.enum(['week', 'month']);
export type ReportPeriod = z.infer<typeof ReportPeriod>;

const count = z.object({ count: z.number(), previousCount: z.number(), change: z.number().nullable() });

/** The periodic client report (定期汇报) of one store: what drove after-sales problems and how well the desk served. */
export const ReportContent = z.object({
  storeName: text(),
  timezone: text(),
  tickets: z.object({
    total: z.number(),
    previousTotal: z.number(),
    change: z.number().nullable(),
    byType: z.array(z.object({ type: TicketType }).extend(count.shape)),
    byCause: z.array(z.object({ cause: CauseCode, share: z.number() }).extend(count.shape)),
    unclassified: z.number(),
  }),
  topSkus: z.array(z.object({ sku: text(), name: text(), cause: CauseCode, count: z.number(), shareOfCause: z.number() })),
  carriers: z.array(z.object({ carrier: text(), cause: CauseCode, count: z.number() })),
  sla: z.object({
    firstResponseP50: z.number().nullable(),
    firstResponseP90: z.number().nullable(),
    breachRate: z.number().nullable(),
    previousFirstResponseP50: z.number().nullable(),
    previousBreachRate: z.number().nullable(),
    /** The platform's response metric (the store's `responseRule`); absent in reports generated before it existed. */
    platformResponse: z
      .object({
        ruleSeconds: z.number(),
        eligible: z.number(),
        met: z.number(),
        rate: z.number().nullable(),
        previousRate: z.number().nullable(),
        byDay: z.array(z.object({ day: text(), eligible: z.number(), met: z.number(), rate: z.number().nullable() })),
      })
      .optional(),
  }),
  csat: z.object({ average: z.number().nullable(), responses: z.number(), satisfiedShare: z.number().nullable(), previousAverage: z.number().nullable() }),
  conversion: z.object({ presale: z.number(), converted: z.number(), rate: z.number().nullable(), previousRate: z.number().nullable() }),
  /**
   * The reply guard (issue 21): replies agents sent, attempts it refused (blocked) and replies sent despite a
   * warning (overrides); violations per 1,000 replies = (blocked + overrides) / (replies + blocked) × 1,000, null
   * without a reply or attempt. Absent in reports generated before it existed.
   */
  replyGuard: z
    .object({ replies: z.number(), blocked: z.number(), overrides: z.number(), per1000: z.number().nullable(), previousPer1000: z.number().nullable() })
    .optional(),
  /** Three plain-language findings, in both languages. */
  findings: z.array(z.object({ zh: text(), en: text() })),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const ClientReport = z.object({
  id: text(),
  storeId: text(),
  period: ReportPeriod,
  /** Store-local dates, [periodStart, periodEnd). */
  periodStart: text(),
  periodEnd: text(),
  generatedAt: text(),
  /** null when the schedule made it; else who asked. */
  generatedById: text().nullable(),
  content: ReportContent,
});
export type ClientReport = z.infer<typeof ClientReport>;

export const ClientReportSummary = ClientReport.omit({ content: true }).extend({ storeName: text(), ticketTotal: z.number() });
export type ClientReportSummary = z.infer<typeof ClientReportSummary>;

export const StoreReportQuery = z.object({
  period: ReportPeriod.default('week'),
  /** A store-local date inside the period wanted; default: the last complete period. */
  date: calendarDate().optional(),
});
export type StoreReportQuery = z.infer<typeof StoreReportQuery>;

/** The CSV's headers and codes in the reader's language (English keeps the codes). */
export const ReportCsvQuery = z.object({ lang: Language.default('en') });
export type ReportCsvQuery = z.infer<typeof ReportCsvQuery>;

export const ListReportsQuery = z.object({
  storeId: z.uuid().optional(),
  period: ReportPeriod.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().max(200).optional(),
});
export type ListReportsQuery = z.infer<typeof ListReportsQuery>;

/** `POST /api/reports/:id/comments`: a message in the report's thread between the brand and the agency. */
export const ReportCommentInput = z.object({ body: text().trim().min(1, 'must not be empty').max(4000) });
export type ReportCommentInput = z.infer<typeof ReportCommentInput>;

/** One comment of a report's thread; also the payload of the `report.commented` event. */
export const ReportComment = z.object({
  id: text(),
  reportId: text(),
  storeId: text(),
  authorId: text().nullable(),
  authorName: text(),
  authorRole: text(),
  body: text(),
  createdAt: text(),
});
export type ReportComment = z.infer<typeof ReportComment>;
