import { describe, expect, it } from '@jest/globals';
import type { ReportContent } from '@kefu/contracts';
import { reportFindings } from './report-findings.js';

const base: Omit<ReportContent, 'findings'> = {
  storeName: 'S',
  timezone: 'Asia/Shanghai',
  tickets: { total: 10, previousTotal: 5, change: 1, byType: [], byCause: [], unclassified: 0 },
  topSkus: [],
  carriers: [],
  sla: { firstResponseP50: 42, firstResponseP90: 300, breachRate: 0.031, previousFirstResponseP50: 65, previousBreachRate: 0.05 },
  csat: { average: 4.6, responses: 20, satisfiedShare: 0.9, previousAverage: 4.4 },
  conversion: { presale: 40, converted: 12, rate: 0.3, previousRate: 0.25 },
};

describe('report findings', () => {
  it('names the cause that rose most and the courier behind most of it', () => {
    const f = reportFindings({
      ...base,
      tickets: { ...base.tickets, byCause: [{ cause: 'logistics_delay', count: 10, share: 1, previousCount: 5, change: 1 }] },
      carriers: [{ carrier: '某快递', cause: 'logistics_delay', count: 7 }],
    });
    expect(f[0]).toEqual({ zh: '物流延误比上期翻了 2.0 倍(5 → 10),其中 70% 来自某快递。', en: 'Logistics delays rose 2.0× (5 → 10), 70% of them with 某快递.' });
  });

  it('points at the SKU to fix at the source, and sums up the service', () => {
    const f = reportFindings({ ...base, tickets: { ...base.tickets, byCause: [{ cause: 'product_quality', count: 5, share: 0.5, previousCount: 6, change: -0.17 }] }, topSkus: [{ sku: 'X-1', name: '水壶', cause: 'product_quality', count: 4, shareOfCause: 0.8 }] });
    expect(f).toHaveLength(3);
    expect(f[0].en).toBe('Quality problems are the cause to act on first (5 tickets, 6 before).');
    expect(f[1].zh).toBe('X-1(水壶)有 4 单质量问题,占该原因的 80%,建议反馈供应商。');
    expect(f[2].en).toBe('Median first response 42s (65s before); 3% breached the SLA; satisfaction 4.6/5 from 20 ratings; inquiry conversion 30%.');
    expect(f[2].zh).toBe('首次响应中位数 42 秒(上期 65 秒),超时率 3%,满意度 4.6/5(20 条评价),询单转化率 30%。');
  });

  it('says so when there were no tickets and nothing to answer', () => {
    const quiet = { ...base, tickets: { ...base.tickets, total: 0 }, sla: { ...base.sla, firstResponseP50: null, breachRate: null }, csat: { ...base.csat, average: null }, conversion: { ...base.conversion, rate: null } };
    expect(reportFindings(quiet)).toEqual([
      { zh: '本期没有售后工单。', en: 'No after-sales tickets this period.' },
      { zh: '本期没有需要回复的咨询。', en: 'No customer questions to answer this period.' },
    ]);
  });

  it('leads with a cause the brand can act on, never "other", and says when too much is unclassified', () => {
    const f = reportFindings({
      ...base,
      tickets: {
        ...base.tickets,
        byCause: [
          { cause: 'other', count: 9, share: 0.45, previousCount: 1, change: 8 },
          { cause: 'changed_mind', count: 6, share: 0.3, previousCount: 1, change: 5 },
          { cause: 'size_fit', count: 5, share: 0.25, previousCount: 4, change: 0.25 },
        ],
      },
      topSkus: [
        { sku: 'O-1', name: '杂项', cause: 'other', count: 5, shareOfCause: 0.55 },
        { sku: 'D-7', name: '连衣裙', cause: 'size_fit', count: 3, shareOfCause: 0.6 },
      ],
    });
    // size_fit rose least but names a SKU: it leads; "other" rose most and leads nothing.
    expect(f[0].zh).toBe('尺码不合适比上期增加 25%(4 → 5)。');
    expect(f[1].zh).toBe('D-7(连衣裙)有 3 单尺码不合适,占该原因的 60%,建议完善尺码表。');
    const unnamed = reportFindings({ ...base, tickets: { ...base.tickets, byCause: [{ cause: 'other', count: 9, share: 0.6, previousCount: 1, change: 8 }, { cause: 'changed_mind', count: 6, share: 0.4, previousCount: 1, change: 5 }] } });
    expect(unnamed[0].en).toBe('Changed minds rose 6.0× (1 → 6).');
    expect(unnamed[1].en).toBe('60% of tickets have the cause "other": worth reviewing so their root cause shows.');
  });

  it("adds the platform's response rate to the service finding", () => {
    const f = reportFindings({ ...base, sla: { ...base.sla, platformResponse: { ruleSeconds: 180, eligible: 50, met: 46, rate: 0.92, previousRate: 0.9, byDay: [] } } });
    expect(f[f.length - 1].zh).toContain('平台 3 分钟回复率 92%');
    expect(f[f.length - 1].en).toContain("92% answered within the platform's 3 min");
  });
});
