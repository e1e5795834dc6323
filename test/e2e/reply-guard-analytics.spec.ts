import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

/** Today in the desk's timezone (Asia/Shanghai), as the guard's stats key their days. */
const shanghaiDate = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
/** The Monday of the ISO week of a YYYY-MM-DD date. */
const mondayOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

describe('reply guard on the analysts’ desk and in the client report, in Chromium', () => {
  const env = withConsole();

  const shot = async (page: Page, name: string) => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, name) });
  };

  /** A store with two agents and its own block and warn rules; 7 replies sent, 1 refused, 2 of them over a warning. */
  async function guardedStore(admin: string) {
    const s = await storeWithAgent(env.desk.url, admin, '质检分析店', { businessHours: null });
    const tag = s.store.id.slice(0, 6);
    const rule = (terms: string[], action: string, zh: string, en: string) => http(env.desk.url, 'POST', '/api/guard/rules', { token: admin, body: { storeId: s.store.id, kind: 'term', terms, action, message: { zh, en } } });
    const block = await rule([`站外交易${tag}`], 'block', '禁止引导站外交易', 'No off-platform deals');
    const warn = await rule([`限时特价${tag}`], 'warn', '慎用促销承诺', 'Careful with promotion promises');
    expect([block.status, warn.status]).toEqual([201, 201]);
    const user = await http(env.desk.url, 'POST', '/api/users', { token: admin, body: { email: `wangfang-${tag}@example.test`, name: '王芳', password: 'agent-pass-2', role: 'agent', storeIds: [s.store.id], languages: ['zh', 'en'], maxConcurrent: 5 } });
    expect(user.status).toBe(201);
    const second = await login(env.desk.url, `wangfang-${tag}@example.test`, 'agent-pass-2');
    const reply = async (token: string, body: string, status: number, confirm?: string) => {
      const conv = (await signedInbound(env.desk.url, s.channel, inboundBody('有优惠吗？', `buyer-${Math.random().toString(36).slice(2, 10)}`))).body.conversationId as string;
      const r = await http(env.desk.url, 'POST', `/api/conversations/${conv}/messages`, { token, body: { kind: 'reply', body, ...(confirm ? { confirm: { reason: confirm } } : {}) } });
      expect(r.status).toBe(status);
    };
    // The first agent: 3 sent (1 over a warning), 1 refused: 2 violations in 4 attempts, 500 per 1,000.
    await reply(s.agentToken, '您好，今天下午发货', 201);
    await reply(s.agentToken, '可以开发票的', 201);
    await reply(s.agentToken, `本店限时特价${tag}`, 201, '活动已报备');
    await reply(s.agentToken, `可以站外交易${tag}`, 422);
    // 王芳: 4 sent, 1 over a warning: 250 per 1,000.
    await reply(second, '正常尺码', 201);
    await reply(second, '支持七天无理由', 201);
    await reply(second, '已为您备注', 201);
    await reply(second, `今天限时特价${tag}`, 201, '活动已报备');
    return { s, secondId: user.body.id as string, blockRule: block.body.id as string, warnRule: warn.body.id as string };
  }

  it('shows violations per 1,000 replies of a store by day, week, agent and rule, among the stores, and in its weekly report', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const { s, secondId, blockRule, warnRule } = await guardedStore(admin);

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.desk.url, 'analyst@demo.kefu');
    await page.getByTestId('analytics-screen').waitFor();
    await page.getByTestId('analytics-store').selectOption(s.store.id);
    const card = page.getByTestId('reply-guard-card');
    // One store: its days (by store says nothing). 7 replies, 1 refused, 2 overrides: 3 violations in 8 attempts.
    await card.getByTestId('guard-per1000').filter({ hasText: '375' }).waitFor({ timeout: 10000 });
    await expect(card.getByTestId('guard-by-store').isDisabled()).resolves.toBe(true);
    await expect(card.getByTestId('guard-per1000').textContent()).resolves.toContain('已发送 7 条回复');
    await expect(card.getByTestId('guard-blocked').locator('.an-stat__value').textContent()).resolves.toBe('1');
    await expect(card.getByTestId('guard-overrides').locator('.an-stat__value').textContent()).resolves.toBe('2');
    const today = shanghaiDate(Date.now());
    const bars = card.locator('[data-testid="guard-rate-bar"]');
    await bars.first().waitFor({ timeout: 10000 });
    await expect(bars.evaluateAll((els) => els.map((el) => [el.getAttribute('data-bucket'), el.getAttribute('data-per1000')]))).resolves.toEqual([[today, '375']]);
    await card.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-guard-day-zh.png');

    // By week: the days summed into this week's bucket, the rate recomputed from its counts.
    await page.getByTestId('analytics-group-week').click();
    await card.locator(`[data-testid="guard-rate-bar"][data-bucket="${mondayOf(today)}"]`).waitFor({ timeout: 10000 });
    await expect(card.locator(`[data-testid="guard-rate-bar"][data-bucket="${mondayOf(today)}"]`).getAttribute('data-per1000')).resolves.toBe('375');

    // By agent, worst first.
    const row = (key: string) => card.locator(`[data-testid="guard-rate-row"][data-key="${key}"]`);
    const rows = () => card.locator('[data-testid="guard-rate-row"]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-key'), el.querySelector('[data-testid="guard-rate-value"]')?.textContent]));
    await card.getByTestId('guard-by-agent').click();
    await row(secondId).waitFor({ timeout: 10000 });
    await expect(rows()).resolves.toEqual([
      [s.agent.id, '500'],
      [secondId, '250'],
    ]);
    await expect(row(secondId).locator('td').allTextContents()).resolves.toEqual(['250', '0', '1', '4']);

    // By rule, named by their reason: the warn rule 2 in 7 replies; the refused reply broke the store's block
    // rule and the shipped contact rule (站外交易), 1 in 8 attempts each.
    await card.getByTestId('guard-by-rule').click();
    await row(blockRule).waitFor({ timeout: 10000 });
    const byRule = await rows();
    expect(byRule[0]).toEqual([warnRule, '285.7']);
    expect(byRule.slice(1)).toEqual(expect.arrayContaining([[blockRule, '125'], [expect.any(String), '125']]));
    expect(byRule).toHaveLength(3);
    // Each named by its reason, its action under it.
    await expect(row(warnRule).locator('th').textContent()).resolves.toBe('慎用促销承诺提醒');
    await expect(card.locator('[data-testid="guard-rate-row"] th .rate-table__name').allTextContents()).resolves.toEqual(expect.arrayContaining(['禁止引导站外交易', '不得引导买家加微信/QQ或站外交易']));
    await card.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-guard-rule-zh.png');

    // Every store, by store: this store's row at 375.
    await page.getByTestId('analytics-store').selectOption('');
    await card.getByTestId('guard-by-store').click();
    await row(s.store.id).waitFor({ timeout: 10000 });
    await expect(row(s.store.id).getByTestId('guard-rate-value').textContent()).resolves.toBe('375');
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
    await card.getByText('Violations per 1,000 replies').waitFor();
    await expect(card.getByTestId('guard-per1000').textContent()).resolves.toMatch(/replies sent/);
    await card.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-guard-store-en.png');
    await card.getByTestId('guard-by-rule').click();
    await row(blockRule).waitFor({ timeout: 10000 });
    await expect(row(blockRule).locator('th').textContent()).resolves.toBe('No off-platform dealsBlocked');
    // Back to the store (other test files' stores share the run's database), by day.
    await page.getByTestId('analytics-store').selectOption(s.store.id);
    await page.getByTestId('analytics-group-day').click();
    await card.getByTestId('guard-by-day').click();
    await bars.first().waitFor({ timeout: 10000 });
    // Today's bar tells what lies behind its rate.
    await card.scrollIntoViewIfNeeded();
    await bars.first().hover();
    await expect(card.locator('.chart-tip').textContent()).resolves.toContain('1 blocked and 2 overrides; 7 replies sent');
    await shot(page, 'analytics-guard-day-en.png');

    // The store's report of this week: the same figures.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    await page.getByTestId('report-generate-store').selectOption(s.store.id);
    await page.getByTestId('report-generate-period').selectOption('week');
    await page.getByTestId('report-generate-which').selectOption('current');
    await page.getByTestId('report-generate').click();
    const guard = page.getByTestId('report-page').getByTestId('report-guard');
    await guard.waitFor({ timeout: 15000 });
    await expect(guard.getByTestId('report-guard-per1000').textContent()).resolves.toBe('375');
    await expect(guard.getByTestId('report-guard-replies').textContent()).resolves.toBe('7');
    await expect(guard.getByTestId('report-guard-blocked').textContent()).resolves.toBe('1');
    await expect(guard.getByTestId('report-guard-overrides').textContent()).resolves.toBe('2');
    await expect(guard.textContent()).resolves.toContain('Violations per 1,000 replies');
    await guard.scrollIntoViewIfNeeded();
    await shot(page, 'report-guard-en.png');
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="zh-CN"]').waitFor();
    await expect(guard.textContent()).resolves.toContain('每千条回复违规数');
    await guard.scrollIntoViewIfNeeded();
    await shot(page, 'report-guard-zh.png');
    await context.close();
  });
});
