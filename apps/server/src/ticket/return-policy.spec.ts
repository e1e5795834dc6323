import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETURN_POLICY } from '@kefu/contracts';
import { decidePolicy, type PolicyInput } from './return-policy.js';

// 2026-03-20 15:00 in Shanghai; deliveries at 10:00 Shanghai time N days before.
const now = new Date('2026-03-20T07:00:00Z');
const deliveredDaysAgo = (n: number) => new Date(Date.UTC(2026, 2, 20 - n, 2, 0));
const decide = (over: Partial<PolicyInput>) =>
  decidePolicy({ type: 'return', cause: null, deliveredAt: deliveredDaysAgo(3), categories: ['apparel'], policy: DEFAULT_RETURN_POLICY, timezone: 'Asia/Shanghai', now, ...over });

describe('return policy', () => {
  it.each([
    [6, true],
    [7, true],
    [8, false],
  ])('no-reason return on day %i → eligible %s, customer pays shipping', (days, eligible) => {
    const d = decide({ deliveredAt: deliveredDaysAgo(days), cause: 'changed_mind' });
    expect(d).toMatchObject({ eligible, rule: 'no_reason_return_window', returnShippingPaidBy: 'customer', daysSinceDelivery: days });
  });

  it('lets the seller pay a no-reason return when the store says so (return-shipping insurance)', () => {
    const d = decide({ cause: 'changed_mind', policy: { ...DEFAULT_RETURN_POLICY, noReasonShippingPaidBy: 'seller' } });
    expect(d).toMatchObject({ eligible: true, rule: 'no_reason_return_window', returnShippingPaidBy: 'seller' });
  });

  it.each([
    [14, true],
    [15, true],
    [16, false],
  ])('quality return on day %i → eligible %s, seller pays shipping', (days, eligible) => {
    const d = decide({ deliveredAt: deliveredDaysAgo(days), cause: 'product_quality' });
    expect(d).toMatchObject({ eligible, rule: 'quality_return_window', returnShippingPaidBy: 'seller' });
  });

  it('counts calendar days in the store timezone, not 24-hour periods', () => {
    // Delivered 23:30 Shanghai on the 12th, decided 08:00 on the 20th: day 8 (only ~7.4 × 24 h later).
    const d = decidePolicy({
      type: 'return', cause: null, deliveredAt: new Date('2026-03-12T15:30:00Z'), categories: [], policy: DEFAULT_RETURN_POLICY,
      timezone: 'Asia/Shanghai', now: new Date('2026-03-20T00:00:00Z'),
    });
    expect(d).toMatchObject({ eligible: false, daysSinceDelivery: 8, windowEndsOn: '2026-03-19' });
  });

  it('refuses a no-reason return of an excluded category but not a quality return of it', () => {
    expect(decide({ categories: ['food'], cause: 'changed_mind' })).toMatchObject({ eligible: false, rule: 'excluded_category' });
    expect(decide({ categories: ['food'], cause: 'product_quality' })).toMatchObject({ eligible: true, rule: 'quality_return_window' });
  });

  it('applies the exchange window to quality exchanges and the no-reason window to size exchanges', () => {
    expect(decide({ type: 'exchange', cause: 'product_quality', deliveredAt: deliveredDaysAgo(12) })).toMatchObject({ eligible: true, rule: 'quality_exchange_window' });
    expect(decide({ type: 'exchange', cause: 'size_fit', deliveredAt: deliveredDaysAgo(9) })).toMatchObject({ eligible: false, rule: 'no_reason_return_window' });
  });

  it('treats a quality complaint as seller fault whatever the cause', () => {
    expect(decide({ type: 'quality_complaint', deliveredAt: deliveredDaysAgo(16) })).toMatchObject({ eligible: false, rule: 'quality_complaint_window', returnShippingPaidBy: 'seller' });
  });

  it('refunds an undelivered order without a return, and a delivered one only for a seller-side cause', () => {
    expect(decide({ type: 'refund_only', deliveredAt: null })).toMatchObject({ eligible: true, rule: 'refund_before_delivery', returnShippingPaidBy: 'none' });
    expect(decide({ type: 'refund_only', cause: 'price_promotion' })).toMatchObject({ eligible: true, rule: 'refund_only_seller_fault' });
    expect(decide({ type: 'refund_only', cause: 'changed_mind' })).toMatchObject({ eligible: false, rule: 'refund_only_needs_seller_fault' });
  });

  it('follows the store policy numbers', () => {
    const policy = { ...DEFAULT_RETURN_POLICY, noReasonReturnDays: 30 };
    expect(decide({ policy, deliveredAt: deliveredDaysAgo(20) })).toMatchObject({ eligible: true, rule: 'no_reason_return_window' });
  });
});
