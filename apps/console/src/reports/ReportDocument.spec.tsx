/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { act, screen, within } from '@testing-library/react';
import type { ClientReport } from '@kefu/contracts';
import { switchLanguage } from '../i18n';
import { fakeApi, renderInDesk } from '../testing/render';
import { ReportDocument } from './ReportDocument';

const report = (platformResponse?: ClientReport['content']['sla']['platformResponse'], replyGuard?: ClientReport['content']['replyGuard']): ClientReport => ({
  id: 'r1',
  storeId: 's1',
  period: 'week',
  periodStart: '2026-11-23',
  periodEnd: '2026-11-30',
  generatedAt: '2026-11-30T01:00:00.000Z',
  generatedById: null,
  content: {
    storeName: '测试店',
    timezone: 'Asia/Shanghai',
    tickets: { total: 0, previousTotal: 0, change: null, byType: [], byCause: [], unclassified: 0 },
    topSkus: [],
    carriers: [],
    sla: { firstResponseP50: 30, firstResponseP90: 60, breachRate: 0, previousFirstResponseP50: null, previousBreachRate: null, platformResponse },
    csat: { average: null, responses: 0, satisfiedShare: null, previousAverage: null },
    conversion: { presale: 0, converted: 0, rate: null, previousRate: null },
    replyGuard,
    findings: [],
  },
});

describe('the client report', () => {
  it('shows nothing of the platform response rate in a report made before it existed', async () => {
    await switchLanguage('en');
    fakeApi({});
    renderInDesk(<ReportDocument report={report()} store={undefined} generatedBy={null} />);
    expect(screen.queryByTestId('report-platform')).toBeNull();
    expect(screen.queryByText('Platform response rate')).toBeNull();
    expect(screen.queryByTestId('report-guard')).toBeNull();
    expect(screen.queryByText(/Reply guard/)).toBeNull();
  });

  it('shows the rate against the period before, the rule and every day of the week', async () => {
    await switchLanguage('en');
    fakeApi({});
    const byDay = [
      { day: '2026-11-24', eligible: 4, met: 3, rate: 0.75 },
      { day: '2026-11-26', eligible: 6, met: 6, rate: 1 },
    ];
    renderInDesk(<ReportDocument report={report({ ruleSeconds: 30, eligible: 10, met: 9, rate: 0.9, previousRate: 0.8, byDay })} store={undefined} generatedBy={null} />);
    const block = screen.getByTestId('report-platform');
    expect(within(block).getByTestId('report-platform-rate').textContent).toBe('90%');
    expect(within(block).getByText('+10 pt')).toBeTruthy();
    expect(within(block).getByText('before: 80%')).toBeTruthy();
    expect(within(block).getByTestId('report-platform-rule').textContent).toBe('reply within 30 s');
    expect(within(block).getByTestId('report-platform-met').textContent).toBe('9 of 10 waits');
    const days = within(block).getAllByTestId('report-platform-day');
    expect(days.map((d) => [d.getAttribute('data-day'), d.getAttribute('data-rate')])).toEqual([
      ['2026-11-23', ''],
      ['2026-11-24', '0.75'],
      ['2026-11-25', ''],
      ['2026-11-26', '1'],
      ['2026-11-27', ''],
      ['2026-11-28', ''],
      ['2026-11-29', ''],
    ]);
    // At a glance too: a sixth figure.
    expect(screen.getByText('Platform response rate', { selector: '.kpi__label' })).toBeTruthy();
  });

  it('shows the reply guard’s violations per 1,000 replies against the period before, with the counts behind them', async () => {
    await switchLanguage('en');
    fakeApi({});
    renderInDesk(<ReportDocument report={report(undefined, { replies: 1995, blocked: 5, overrides: 3, per1000: 4, previousPer1000: 2.5 })} store={undefined} generatedBy={null} />);
    const block = screen.getByTestId('report-guard');
    expect(within(block).getByTestId('report-guard-per1000').textContent).toBe('4');
    // More violations than before: bad news.
    expect(within(block).getByText('+1.5').className).toContain('rchange--bad');
    expect(within(block).getByText('before: 2.5')).toBeTruthy();
    expect(within(block).getByTestId('report-guard-replies').textContent).toBe('1995');
    expect(within(block).getByTestId('report-guard-blocked').textContent).toBe('5');
    expect(within(block).getByTestId('report-guard-overrides').textContent).toBe('3');

    await act(() => switchLanguage('zh-CN'));
    expect(within(block).getByText('每千条回复违规数')).toBeTruthy();
    expect(within(block).getByText('上期：2.5')).toBeTruthy();
  });

  it('shows a dash and no change for a period without replies', async () => {
    await switchLanguage('en');
    fakeApi({});
    renderInDesk(<ReportDocument report={report(undefined, { replies: 0, blocked: 0, overrides: 0, per1000: null, previousPer1000: 0 })} store={undefined} generatedBy={null} />);
    const block = screen.getByTestId('report-guard');
    expect(within(block).getByTestId('report-guard-per1000').textContent).toBe('—');
    expect(within(block).queryByText(/^[+\u2212]/)).toBeNull();
  });
});
