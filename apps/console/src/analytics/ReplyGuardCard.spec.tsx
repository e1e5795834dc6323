/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { GuardStatsRow, Store, User } from '@kefu/contracts';
import { switchLanguage } from '../i18n';
import { fakeApi, renderInDesk } from '../testing/render';
import type { GuardGroup } from './guard-rows';
import { ReplyGuardCard } from './ReplyGuardCard';

const byStore: GuardStatsRow[] = [
  { storeId: 's1', replies: 5, blocked: 1, overrides: 2, per1000: 500 },
  { storeId: 's2', replies: 14, blocked: 0, overrides: 0, per1000: 0 },
];
const rule = (id: string, zh: string, en: string) => ({ id, storeId: null, platform: null, category: null, kind: 'term', action: 'block', message: { zh, en }, effectiveAt: '2026-01-01T00:00:00.000Z', status: 'active', source: 'desk', ruleChangeId: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

const card = (group: GuardGroup, rows: GuardStatsRow[], storeId = '') =>
  renderInDesk(
    <ReplyGuardCard
      totalsRows={byStore}
      rows={rows}
      group={group}
      onGroupChange={() => undefined}
      timeGroup="day"
      firstDay="2026-11-02"
      lastDay="2026-11-08"
      storeId={storeId}
      storeById={new Map([['s1', { id: 's1', name: '旗舰店' } as Store]])}
      userById={new Map<string, User>()}
      loading={false}
      error={null}
      onRetry={() => undefined}
    />,
  );

describe('the reply guard card', () => {
  it('takes the totals from the rows by store and ranks the rules by their name, worst first', async () => {
    await switchLanguage('en');
    fakeApi({ 'GET /api/guard/rules': () => ({ items: [rule('r1', '禁止站外交易', 'No off-platform deals'), rule('r2', '禁用极限词', 'No absolute claims')], total: 2, nextCursor: null }) });
    // A reply breaking both rules counts for each: the rule rows say 3 violations, the period 3 (not 4).
    card('rule', [
      { ruleId: 'r1', replies: 19, blocked: 1, overrides: 0, per1000: 50 },
      { ruleId: 'r2', replies: 19, blocked: 1, overrides: 2, per1000: 150 },
    ]);
    // 3 violations in 20 attempts.
    expect(screen.getByTestId('guard-per1000').textContent).toContain('150');
    expect(screen.getByTestId('guard-per1000').textContent).toContain('19 replies sent');
    expect(screen.getByTestId('guard-blocked').textContent).toContain('1');
    expect(screen.getByTestId('guard-overrides').textContent).toContain('2');
    await screen.findByText('No absolute claims');
    const rows = screen.getAllByTestId('guard-rate-row');
    expect(rows.map((r) => [r.getAttribute('data-key'), within(r).getByTestId('guard-rate-value').textContent])).toEqual([
      ['r2', '150'],
      ['r1', '50'],
    ]);
    expect(within(rows[1]).getByText('No off-platform deals')).toBeTruthy();
    expect(within(rows[1]).getByText('Blocked', { selector: '.rate-table__rule' })).toBeTruthy();
    expect(screen.getByText(/counted against all the period’s replies/)).toBeTruthy();
  });

  it('shows the stores with replies and no violation too, and grouping by store is off once a store is chosen', async () => {
    await switchLanguage('en');
    fakeApi({ 'GET /api/guard/rules': () => ({ items: [], total: 0, nextCursor: null }) });
    card('store', byStore);
    expect(screen.getAllByTestId('guard-rate-row').map((r) => [r.getAttribute('data-key'), within(r).getByTestId('guard-rate-value').textContent])).toEqual([
      ['s1', '500'],
      ['s2', '0'],
    ]);
    expect(screen.getByText('旗舰店')).toBeTruthy();
    expect((screen.getByTestId('guard-by-store') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when nobody replied', async () => {
    await switchLanguage('zh-CN');
    fakeApi({ 'GET /api/guard/rules': () => ({ items: [], total: 0, nextCursor: null }) });
    renderInDesk(
      <ReplyGuardCard
        totalsRows={[]}
        rows={[]}
        group="day"
        onGroupChange={() => undefined}
        timeGroup="day"
        firstDay="2026-11-02"
        lastDay="2026-11-08"
        storeId="s1"
        storeById={new Map()}
        userById={new Map()}
        loading={false}
        error={null}
        onRetry={() => undefined}
      />,
    );
    expect(screen.getByText('本期没有客服回复。')).toBeTruthy();
    expect(screen.getByTestId('guard-per1000').textContent).toContain('—');
    expect((screen.getByTestId('guard-by-store') as HTMLButtonElement).disabled).toBe(true);
  });
});
