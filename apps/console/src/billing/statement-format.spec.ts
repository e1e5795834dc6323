import { describe, expect, it } from '@jest/globals';
import type { Statement } from '@kefu/contracts';
import { commissionBase, isMonth, moneyLabel, monthLabel, monthOf, rateLabel, shiftMonth, statementCsv, statementFileName, statementsTotal, type StatementCsvLabels } from './statement-format';

const statement: Statement = {
  storeId: 's1',
  month: '2026-03',
  baseFee: 5000,
  attributedSales: 12345.6,
  refundsDeducted: 345.6,
  commissionRate: 0.035,
  commission: 420,
  promotionFees: 800,
  total: 6220,
  status: 'draft',
  finalAfter: '2026-04-16T00:00:00.000Z',
  orders: [
    { orderRef: 'TB2026030100001', paidAt: '2026-03-01T02:00:00.000Z', totalPaid: 12000, refunded: 0, conversationId: 'c1', agentId: 'a1' },
    { orderRef: '=HYPERLINK("x"),1', paidAt: '2026-03-02T02:00:00.000Z', totalPaid: 345.6, refunded: 345.6, conversationId: 'c2', agentId: null },
  ],
};

const labels: StatementCsvLabels = {
  store: 'Store',
  month: 'Month',
  status: 'Status',
  statusValue: { draft: 'Draft', final: 'Final' },
  baseFee: 'Base fee',
  attributedSales: 'Attributed sales',
  refundsDeducted: 'Refunds',
  commissionRate: 'Rate',
  commission: 'Commission',
  promotionFees: 'Promotion',
  total: 'Total',
  orders: 'Orders',
  orderRef: 'Order',
  paidAt: 'Paid at',
  totalPaid: 'Paid',
  refunded: 'Refunded',
};

describe('statement format', () => {
  it('steps through months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('26-01')).toBe(false);
  });

  it('takes the month in the store’s timezone', () => {
    // 1 April 00:30 in Shanghai is still March in UTC.
    const now = Date.parse('2026-03-31T16:30:00Z');
    expect(monthOf(now, 'Asia/Shanghai')).toBe('2026-04');
    expect(monthOf(now, 'UTC')).toBe('2026-03');
  });

  it('says money, rates and months in the reader’s language', () => {
    expect(moneyLabel(12345.6, 'en')).toBe('CN¥12,345.60');
    expect(moneyLabel(12345.6, 'zh-CN')).toBe('¥12,345.60');
    expect(rateLabel(0.035)).toBe('3.5%');
    expect(rateLabel(0.1)).toBe('10%');
    expect(monthLabel('2026-03', 'en')).toBe('March 2026');
    expect(monthLabel('2026-03', 'zh-CN')).toBe('2026年3月');
  });

  it('takes the commission on sales less refunds, never below zero', () => {
    expect(commissionBase(statement)).toBe(12000);
    expect(commissionBase({ attributedSales: 10, refundsDeducted: 30 })).toBe(0);
    expect(commissionBase({ attributedSales: 0.3, refundsDeducted: 0.1 })).toBe(0.2);
  });

  it('writes the fees and then the orders as CSV, spreadsheet-safe', () => {
    const csv = statementCsv(statement, '旗舰店, 天猫', labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Store,"旗舰店, 天猫"',
      'Month,2026-03',
      'Status,Draft',
      '',
      'Base fee,5000.00',
      'Attributed sales,12345.60',
      'Refunds,345.60',
      'Rate,3.5%',
      'Commission,420.00',
      'Promotion,800.00',
      'Total,6220.00',
      '',
      'Orders',
      'Order,Paid at,Paid,Refunded',
      'TB2026030100001,2026-03-01T02:00:00.000Z,12000.00,0.00',
      `"'=HYPERLINK(""x""),1",2026-03-02T02:00:00.000Z,345.60,345.60`,
      '',
    ]);
  });

  it('adds statements up to the cent', () => {
    expect(statementsTotal([{ total: 0.1 }, { total: 0.2 }])).toBe(0.3);
    expect(statementsTotal([{ total: 6220 }, { total: 5819.95 }])).toBe(12039.95);
    expect(statementsTotal([])).toBe(0);
  });

  it('names the file after the store and month', () => {
    expect(statementFileName('Brand Store / 旗舰', '2026-03')).toBe('statement-Brand_Store_旗舰-2026-03.csv');
  });
});
