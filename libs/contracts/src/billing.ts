import { z } from 'zod';
import { text } from './input.js';

/** A calendar month, `YYYY-MM`, 2000–2099. */
export const CalendarMonth = text().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');

const money = (max: number) => z.number().finite().min(0).max(max).multipleOf(0.01, 'at most two decimals');

/** One month's promotion fee on a contract (投放/活动服务费). */
export const PromotionFee = z.object({ month: CalendarMonth, amount: money(100_000_000), note: text().max(200).default('') });
export type PromotionFee = z.infer<typeof PromotionFee>;

/**
 * `PUT /api/stores/:id/contract` (admin): the agency's fee for the store — a base service fee a month plus
 * a commission on the sales its service brought in (orders paid within `attributionHours` of a pre-sale
 * conversation an agent answered, less their refunds), and promotion fees by month.
 */
export const StoreContractInput = z.object({
  baseFeeMonthly: money(100_000_000),
  // Kept to five decimals (a percentage to three: 12.345% = 0.12345); more would be rounded away unseen.
  commissionRate: z.number().finite().min(0).max(0.5).multipleOf(0.00001, 'at most five decimals (a percentage to three)'),
  attributionHours: z.number().int().min(1).max(720),
  promotionFees: z
    .array(PromotionFee)
    .max(120)
    .default([])
    .refine((fees) => new Set(fees.map((f) => f.month)).size === fees.length, 'one promotion fee a month'),
});
export type StoreContractInput = z.infer<typeof StoreContractInput>;

export const StoreContract = z.object({
  storeId: text(),
  baseFeeMonthly: z.number(),
  commissionRate: z.number(),
  attributionHours: z.number(),
  promotionFees: z.array(z.object({ month: text(), amount: z.number(), note: text() })),
  updatedAt: text(),
});
export type StoreContract = z.infer<typeof StoreContract>;

export const StatementQuery = z.object({ storeId: z.uuid().optional(), month: CalendarMonth });
export type StatementQuery = z.infer<typeof StatementQuery>;

/** An order the commission counts: paid within the attribution window of a pre-sale conversation answered by an agent. */
export const StatementOrder = z.object({
  orderRef: text(),
  paidAt: text(),
  totalPaid: z.number(),
  refunded: z.number(),
  conversationId: text(),
  agentId: text().nullable(),
});
export type StatementOrder = z.infer<typeof StatementOrder>;

/**
 * `GET /api/statements?storeId=&month=`: one store's month. `draft` while refunds may still come; the worker
 * freezes it `final` once the month is over and every counted order's return window has passed, and a final
 * statement never changes. `total = baseFee + commission + promotionFees`,
 * `commission = (attributedSales − refundsDeducted) × commissionRate` (to the cent).
 */
export const Statement = z.object({
  storeId: text(),
  month: text(),
  baseFee: z.number(),
  attributedSales: z.number(),
  refundsDeducted: z.number(),
  commissionRate: z.number(),
  commission: z.number(),
  promotionFees: z.number(),
  total: z.number(),
  status: z.enum(['draft', 'final']),
  finalAfter: text(),
  orders: z.array(StatementOrder),
});
export type Statement = z.infer<typeof Statement>;
