/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { ClientReport } from '@kefu/contracts';
import { switchLanguage } from '../i18n';
import { fakeApi, renderInDesk } from '../testing/render';
import { ReportDocument } from './ReportDocument';

const report = (platformResponse?: ClientReport['content']['sla']['platformResponse']): ClientReport => ({
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
});
