import { DateTime } from 'luxon';
import type { CauseCode, PolicyDecision, ReturnPolicy, TicketType } from '@kefu/contracts';

/** Causes that are the seller's fault: quality windows apply and the seller pays return shipping. */
const SELLER_FAULT: readonly CauseCode[] = ['product_quality', 'not_as_described', 'wrong_or_missing_item', 'shipping_damage'];

export interface PolicyInput {
  type: TicketType;
  cause: CauseCode | null;
  deliveredAt: Date | null;
  categories: string[];
  policy: ReturnPolicy;
  timezone: string;
  now: Date;
}

type Verdict = Omit<PolicyDecision, 'decidedAt' | 'daysSinceDelivery' | 'windowEndsOn'>;

/**
 * The store's return policy applied to a ticket: eligibility, the rule that decided it and who pays
 * return shipping. Days count in calendar days of the store's timezone from delivery (delivered on
 * the 1st: the 8th is day 7), as the platforms count 七天无理由.
 */
export function decidePolicy(input: PolicyInput): PolicyDecision {
  const { type, policy, deliveredAt, timezone, now } = input;
  const sellerFault = type === 'quality_complaint' || (input.cause !== null && SELLER_FAULT.includes(input.cause));
  const decidedAt = now.toISOString();
  const deliveredDay = deliveredAt ? DateTime.fromJSDate(deliveredAt, { zone: timezone }).startOf('day') : null;
  const days = deliveredDay ? Math.floor(DateTime.fromJSDate(now, { zone: timezone }).startOf('day').diff(deliveredDay, 'days').days) : null;
  const decision = (v: Verdict, windowDays: number | null): PolicyDecision => ({
    ...v,
    daysSinceDelivery: days,
    windowEndsOn: deliveredDay && windowDays !== null ? deliveredDay.plus({ days: windowDays }).toISODate() : null,
    decidedAt,
  });
  const within = (windowDays: number) => days !== null && days <= windowDays;

  if (type === 'refund_only') {
    if (!deliveredAt) return decision({ eligible: true, rule: 'refund_before_delivery', reason: 'Not delivered yet: refund without a return', returnShippingPaidBy: 'none' }, null);
    if (sellerFault || input.cause === 'price_promotion' || input.cause === 'logistics_delay')
      return within(policy.qualityReturnDays)
        ? decision({ eligible: true, rule: 'refund_only_seller_fault', reason: `Seller-side problem within ${policy.qualityReturnDays} days of delivery: refund without a return`, returnShippingPaidBy: 'none' }, policy.qualityReturnDays)
        : decision({ eligible: false, rule: 'refund_only_seller_fault', reason: `More than ${policy.qualityReturnDays} days since delivery (day ${days})`, returnShippingPaidBy: 'none' }, policy.qualityReturnDays);
    return decision({ eligible: false, rule: 'refund_only_needs_seller_fault', reason: 'A delivered order is refunded without a return only for a seller-side problem', returnShippingPaidBy: 'none' }, null);
  }

  if (!deliveredAt)
    return decision({ eligible: true, rule: 'not_yet_delivered', reason: 'Not delivered yet: the customer may refuse or return it; the window starts at delivery', returnShippingPaidBy: sellerFault ? 'seller' : 'customer' }, null);

  if (sellerFault) {
    const windowDays = type === 'exchange' ? policy.qualityExchangeDays : policy.qualityReturnDays;
    const rule = type === 'exchange' ? 'quality_exchange_window' : type === 'return' ? 'quality_return_window' : 'quality_complaint_window';
    return within(windowDays)
      ? decision({ eligible: true, rule, reason: `Quality problem on day ${days}, within ${windowDays} days of delivery`, returnShippingPaidBy: 'seller' }, windowDays)
      : decision({ eligible: false, rule, reason: `Quality problem reported on day ${days}, after the ${windowDays}-day window (supplier warranty may still apply)`, returnShippingPaidBy: 'seller' }, windowDays);
  }

  const excluded = input.categories.find((c) => policy.excludedCategories.includes(c));
  if (excluded)
    return decision({ eligible: false, rule: 'excluded_category', reason: `Category "${excluded}" is excluded from no-reason returns`, returnShippingPaidBy: 'customer' }, null);
  const paidBy = policy.noReasonShippingPaidBy ?? 'customer';
  return within(policy.noReasonReturnDays)
    ? decision({ eligible: true, rule: 'no_reason_return_window', reason: `No-reason ${type} on day ${days}, within ${policy.noReasonReturnDays} days of delivery`, returnShippingPaidBy: paidBy }, policy.noReasonReturnDays)
    : decision({ eligible: false, rule: 'no_reason_return_window', reason: `No-reason ${type} on day ${days}, after the ${policy.noReasonReturnDays}-day window`, returnShippingPaidBy: paidBy }, policy.noReasonReturnDays);
}
