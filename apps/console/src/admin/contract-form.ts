import { z } from 'zod';
import { PromotionFee, type StoreContract, StoreContractInput } from '@kefu/contracts';
import { isMonth, shiftMonth } from '../billing/statement-format';

// The contract editor's form: the contract's own rules, with the commission rate as people say it (a percentage,
// 3.5 for 0.035), and the conversions to and from the API's contract.

/** A new contract's attribution window: two days after the pre-sale chat. */
export const DEFAULT_ATTRIBUTION_HOURS = 48;

/** The rate's bounds as a percentage (the contract's 0–0.5). */
export const MAX_COMMISSION_PERCENT = StoreContractInput.shape.commissionRate.maxValue! * 100;

/** 3.5 (%) → 0.035: the contract keeps five decimals (a thousandth of a percent); the rounding only drops the float's noise. */
export const rateOfPercent = (percent: number): number => Math.round(percent * 1000) / 100_000;

/** 0.035 → 3.5 (%), without the float's noise. */
export const percentOfRate = (rate: number): number => Math.round(rate * 100_000) / 1000;

export const ContractForm = z.object({
  baseFeeMonthly: StoreContractInput.shape.baseFeeMonthly,
  // The contract's five decimals of the rate, said of the percentage: three.
  commissionPercent: z.number().finite().min(0).max(MAX_COMMISSION_PERCENT).multipleOf(0.001, 'at most three decimals'),
  attributionHours: StoreContractInput.shape.attributionHours,
  // The contract's one-a-month rule, said at the month listed again (not the whole list).
  promotionFees: z
    .array(PromotionFee)
    .max(120)
    .superRefine((fees, ctx) => {
      const seen = new Set<string>();
      fees.forEach((f, i) => {
        if (seen.has(f.month)) ctx.addIssue({ code: 'custom', path: [i, 'month'], message: 'one promotion fee a month' });
        seen.add(f.month);
      });
    }),
});
export type ContractFormValues = z.input<typeof ContractForm>;
export type ContractFormOutput = z.output<typeof ContractForm>;

/** The form of a store's contract (a new one: nothing charged yet, the default window). */
export function contractFormOf(contract: StoreContract | null): ContractFormValues {
  return {
    baseFeeMonthly: contract?.baseFeeMonthly ?? 0,
    commissionPercent: contract ? percentOfRate(contract.commissionRate) : 0,
    attributionHours: contract?.attributionHours ?? DEFAULT_ATTRIBUTION_HOURS,
    promotionFees: (contract?.promotionFees ?? []).map((f) => ({ month: f.month, amount: f.amount, note: f.note })),
  };
}

/** What `PUT /api/stores/:id/contract` is sent: the rate as a fraction, the promotion fees by month. */
export function contractInputOf(v: ContractFormOutput): StoreContractInput {
  return {
    baseFeeMonthly: v.baseFeeMonthly,
    commissionRate: rateOfPercent(v.commissionPercent),
    attributionHours: v.attributionHours,
    promotionFees: [...v.promotionFees].sort((a, b) => a.month.localeCompare(b.month)).map((f) => ({ month: f.month, amount: f.amount, note: f.note.trim() })),
  };
}

/** The form field a server error names (`commissionRate` is the percentage's; the rest are the form's own), or null. */
export function contractFormPathOf(serverPath: string): string | null {
  if (serverPath === 'commissionRate') return 'commissionPercent';
  if (/^(baseFeeMonthly|attributionHours|promotionFees(\.\d+\.(month|amount|note))?)$/.test(serverPath)) return serverPath;
  return null;
}

/** A promotion fee added to the list: the month after the last one listed (or this month). */
export function nextPromotionMonth(months: string[], thisMonth: string): string {
  const last = months.filter(isMonth).sort().at(-1);
  return last ? shiftMonth(last, 1) : thisMonth;
}
