import { describe, expect, it } from '@jest/globals';
import { StoreContractInput, type StoreContract } from '@kefu/contracts';
import { ContractForm, contractFormOf, contractFormPathOf, contractInputOf, nextPromotionMonth, percentOfRate, rateOfPercent } from './contract-form';

const contract: StoreContract = {
  storeId: 's1',
  baseFeeMonthly: 5000,
  commissionRate: 0.035,
  attributionHours: 72,
  promotionFees: [{ month: '2026-11', amount: 800, note: '双11 会场' }],
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe('contract form', () => {
  it('says the rate as a percentage and sends it back as the fraction, to a thousandth of a percent', () => {
    expect(percentOfRate(0.035)).toBe(3.5);
    expect(percentOfRate(0.07)).toBe(7);
    expect(percentOfRate(0.5)).toBe(50);
    expect(percentOfRate(0.12345)).toBe(12.345);
    expect(rateOfPercent(3.5)).toBe(0.035);
    expect(rateOfPercent(7)).toBe(0.07);
    expect(rateOfPercent(0.1)).toBe(0.001);
    // A finer percentage is refused by the form (below); were one sent, it would round to the contract's five decimals.
    expect(rateOfPercent(12.3456)).toBe(0.12346);
    expect(rateOfPercent(0)).toBe(0);
    // Every percentage the form takes is sent as a rate the contract takes, and read back as typed.
    for (const p of [0, 0.001, 1.1, 2.5, 3.333, 12.345, 29.9, 49.999, 50]) {
      expect(StoreContractInput.shape.commissionRate.safeParse(rateOfPercent(p)).success).toBe(true);
      expect(percentOfRate(rateOfPercent(p))).toBe(p);
    }
  });

  it('round-trips a contract into the form and out as the API’s input', () => {
    const v = contractFormOf(contract);
    expect(v).toEqual({ baseFeeMonthly: 5000, commissionPercent: 3.5, attributionHours: 72, promotionFees: [{ month: '2026-11', amount: 800, note: '双11 会场' }] });
    v.promotionFees.unshift({ month: '2026-12', amount: 1200.5, note: '  年货节 ' });
    const parsed = ContractForm.safeParse(v);
    expect(parsed.success).toBe(true);
    const input = contractInputOf(parsed.data!);
    expect(input).toEqual({
      baseFeeMonthly: 5000,
      commissionRate: 0.035,
      attributionHours: 72,
      promotionFees: [
        { month: '2026-11', amount: 800, note: '双11 会场' },
        { month: '2026-12', amount: 1200.5, note: '年货节' },
      ],
    });
    expect(StoreContractInput.safeParse(input).success).toBe(true);
  });

  it('starts a store without a contract at nothing charged and a two-day window', () => {
    expect(contractFormOf(null)).toEqual({ baseFeeMonthly: 0, commissionPercent: 0, attributionHours: 48, promotionFees: [] });
  });

  it('refuses a rate above 50 %, cents below a fen, a bad month and a month listed twice, each at its field', () => {
    const paths = (v: unknown) => (ContractForm.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths({ ...contractFormOf(contract), commissionPercent: 50.5 })).toEqual(['commissionPercent']);
    expect(paths({ ...contractFormOf(contract), commissionPercent: -1 })).toEqual(['commissionPercent']);
    expect(paths({ ...contractFormOf(contract), commissionPercent: 3.3333 })).toEqual(['commissionPercent']);
    expect(paths({ ...contractFormOf(contract), commissionPercent: 12.345 })).toEqual([]);
    expect(paths({ ...contractFormOf(contract), baseFeeMonthly: 10.005 })).toEqual(['baseFeeMonthly']);
    expect(paths({ ...contractFormOf(contract), attributionHours: 0 })).toEqual(['attributionHours']);
    expect(paths({ ...contractFormOf(contract), promotionFees: [{ month: '2026-13', amount: 1, note: '' }] })).toEqual(['promotionFees.0.month']);
    expect(
      paths({
        ...contractFormOf(contract),
        promotionFees: [
          { month: '2026-11', amount: 1, note: '' },
          { month: '2026-11', amount: 2, note: '' },
        ],
      }),
    ).toEqual(['promotionFees.1.month']);
  });

  it('puts the server’s field errors on the form’s fields', () => {
    expect(contractFormPathOf('commissionRate')).toBe('commissionPercent');
    expect(contractFormPathOf('promotionFees.2.amount')).toBe('promotionFees.2.amount');
    expect(contractFormPathOf('baseFeeMonthly')).toBe('baseFeeMonthly');
    expect(contractFormPathOf('storeId')).toBeNull();
  });

  it('adds the next promotion month after the last one listed', () => {
    expect(nextPromotionMonth([], '2026-12')).toBe('2026-12');
    expect(nextPromotionMonth(['2026-11', '2027-01', ''], '2026-12')).toBe('2027-02');
    expect(nextPromotionMonth(['2026-12'], '2026-12')).toBe('2027-01');
  });
});
