import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { CspWatch, OUTPUT_DIR, launchChromium, signIn } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, waitFor } from '../support/client.js';
import { FIRST_ADMIN, startEmptyProductionDesk } from '../support/empty-desk.js';

const DIR = join(OUTPUT_DIR, 'admin');

/**
 * Issue 18, "Done when": a new admin on an empty production desk sets it up from the console — first run, a store
 * with split hours and a holiday, a channel whose webhook then reaches an agent's inbox, an agent created who signs
 * in, the secret rotated with both secrets working during the overlap, and the audit log showing each step.
 */
describe('setting an empty production desk up from the console', () => {
  let desk: Awaited<ReturnType<typeof startEmptyProductionDesk>>;
  let browser: Browser;
  const csp = new CspWatch();

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    desk = await startEmptyProductionDesk({ console: true });
    browser = csp.watch(await launchChromium());
  });
  afterEach(() => expect(csp.take()).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    await desk?.dropDatabase();
  });

  const newPage = async (locale: string) => (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale })).newPage();
  const shot = async (page: Page, name: string) => {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: name.includes('full') });
  };
  const go = async (page: Page, hash: string, testId: string) => {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await page.getByTestId(testId).waitFor({ timeout: 15000 });
  };

  it('runs first-run setup, a store with split hours and a holiday, channel, agents, rotation and audit', async () => {
    const page = await newPage('zh-CN');
    // Signed in, the first admin of a new desk meets the setup (not yet the desk and its live connection).
    await page.goto(desk.url);
    await page.getByTestId('login-email').fill(FIRST_ADMIN.email);
    await page.getByTestId('login-password').fill(FIRST_ADMIN.password);
    await page.getByTestId('login-submit').click();

    // 1. First run: the wizard, step by step, by keyboard (Enter goes on).
    await page.getByTestId('setup-wizard').waitFor();
    await shot(page, 'zh-setup-agency');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/必填|修改/);
    await page.getByTestId('setup-agency').fill('星河代运营');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-store-name').fill('星河旗舰店');
    await page.getByTestId('setup-store-close').fill('25:00');
    await page.keyboard.press('Enter');
    await expect(page.getByText('请填 00:00 到 24:00 之间的时间。').isVisible()).resolves.toBe(true);
    await shot(page, 'zh-setup-store-error');
    await page.getByTestId('setup-store-close').fill('22:00');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-channel-name').fill('天猫客服');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-agent-name').fill('小王');
    await page.getByTestId('setup-agent-email').fill('xiaowang@agency.test');
    await page.keyboard.press('Enter');
    await page.getByTestId('setup-done').waitFor();
    await shot(page, 'zh-setup-done');
    const channelSecret = await page.getByTestId('setup-secret').inputValue();
    const inboundUrl = await page.getByTestId('setup-inbound-url').inputValue();
    const invitationLink = await page.getByTestId('setup-invitation').inputValue();
    const channelId = /\/api\/channels\/([0-9a-f-]{36})\/inbound$/.exec(inboundUrl)![1];
    await page.getByTestId('setup-to-desk').click();
    await page.getByTestId('current-user').waitFor();

    // 2. The store: Monday in two shifts, today (in the store's zone) a holiday.
    await page.getByTestId('nav-admin-stores').click();
    await page.getByTestId('stores-table').getByText('星河旗舰店').click();
    await page.getByTestId('store-form').waitFor();
    await page.getByTestId('hours-add-1').click();
    const monday = page.getByTestId('hours-day-1');
    await monday.getByRole('textbox').nth(0).fill('09:00');
    await monday.getByRole('textbox').nth(1).fill('12:00');
    await monday.getByRole('textbox').nth(2).fill('13:30');
    await monday.getByRole('textbox').nth(3).fill('21:00');
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
    await page.getByTestId('holiday-add').click();
    await page.getByTestId('holiday-date-0').fill(today);
    await page.getByTestId('store-webhook').fill('http://127.0.0.1:9/alert');
    await page.getByTestId('store-save').click();
    // Refused beside the field (an internal address), nothing saved.
    await page.getByTestId('store-notice').waitFor();
    await shot(page, 'zh-store-error');
    await page.getByTestId('store-webhook').fill('');
    await page.getByTestId('store-save').click();
    await page.getByText('已保存。').waitFor();
    await shot(page, 'zh-store-editor');
    const admin = await login(desk.url, FIRST_ADMIN.email, FIRST_ADMIN.password);
    const store = (await http(desk.url, 'GET', '/api/stores', { token: admin })).body.items[0];
    expect(store.businessHours.filter((h: { weekday: number }) => h.weekday === 1)).toEqual([
      { weekday: 1, open: '09:00', close: '12:00' },
      { weekday: 1, open: '13:30', close: '21:00' },
    ]);
    expect(store.holidays).toEqual([{ date: today, hours: [] }]);

    // 3. The invited agent sets their password from the link and signs in.
    const agentPage = await newPage('zh-CN');
    await agentPage.goto(invitationLink.replace(/^https?:\/\/[^/]+/, desk.url));
    await agentPage.getByTestId('invitation-password').fill('xiaowang-pass');
    await agentPage.getByTestId('invitation-repeat').fill('xiaowang-pass');
    await shot(agentPage, 'zh-invitation');
    await agentPage.getByTestId('invitation-submit').click();
    await agentPage.getByTestId('invitation-to-login').click();
    await signIn(agentPage, desk.url, 'xiaowang@agency.test', 'xiaowang-pass');

    // 4. An agent created on the People screen, with a password, signs in too.
    await page.getByTestId('nav-admin-people').click();
    await page.getByTestId('person-new').click();
    await page.getByTestId('person-email').fill('xiaoli@agency.test');
    await page.getByTestId('person-name').fill('小李');
    await page.getByTestId('person-store-星河旗舰店').check();
    await page.getByTestId('person-capacity').fill('0');
    await page.getByTestId('person-access-password').check();
    await page.getByTestId('person-password').fill('xiaoli-pass');
    await page.getByTestId('person-save').click();
    await expect(page.getByTestId('person-dialog').getByText('不能小于 1。').isVisible()).resolves.toBe(true);
    await shot(page, 'zh-person-error');
    await page.getByTestId('person-capacity').fill('5');
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-xiaoli@agency.test').waitFor();
    const liPage = await newPage('en-US');
    await signIn(liPage, desk.url, 'xiaoli@agency.test', 'xiaoli-pass');

    // 5. A signed message on the channel shows in the agents' inboxes.
    const channel = { id: channelId, secret: channelSecret };
    expect((await signedInbound(desk.url, channel, inboundBody('国庆节期间发货吗?', 'buyer-holiday'))).status).toBe(202);
    await agentPage.getByTestId('inbox-item-preview').filter({ hasText: '国庆节期间发货吗?' }).waitFor();
    await liPage.getByTestId('inbox-item-preview').filter({ hasText: '国庆节期间发货吗?' }).waitFor();

    // 6. The secret rotated with a one-hour overlap: both secrets work, messages reach the inbox.
    await page.getByTestId('nav-admin-stores').click();
    await page.getByTestId('stores-table').getByText('星河旗舰店').click();
    await page.getByTestId('channel-天猫客服').getByTestId('channel-rotate').click();
    await page.getByTestId('rotate-overlap').fill('1');
    await page.getByTestId('rotate-confirm').click();
    await page.getByTestId('secret-dialog').waitFor();
    await shot(page, 'zh-secret-dialog');
    const newSecret = await page.getByTestId('secret-value').inputValue();
    expect(newSecret).not.toBe(channelSecret);
    await page.getByTestId('secret-close').click();
    await page.getByTestId('channel-overlap').waitFor();
    expect((await signedInbound(desk.url, channel, inboundBody('旧密钥的消息', 'buyer-old'))).status).toBe(202);
    expect((await signedInbound(desk.url, { id: channelId, secret: newSecret }, inboundBody('新密钥的消息', 'buyer-new'))).status).toBe(202);
    expect((await signedInbound(desk.url, { id: channelId, secret: 'not-the-secret' }, inboundBody('伪造的消息', 'buyer-fake'))).status).toBe(401);
    await agentPage.getByTestId('inbox-item-preview').filter({ hasText: '新密钥的消息' }).waitFor();
    await agentPage.getByTestId('inbox-item-preview').filter({ hasText: '旧密钥的消息' }).waitFor();

    // 7. The audit log tells each step in words, and filters them.
    await page.getByTestId('nav-admin-audit').click();
    const list = page.getByTestId('audit-list');
    for (const sentence of [
      '为 星河代运营 完成了客服台设置',
      '创建了店铺 星河旗舰店',
      '修改了店铺 星河旗舰店 的营业时间、节假日',
      '创建了渠道 天猫客服',
      '为 小王 生成了邀请链接',
      '小王 通过邀请链接设置了密码',
      '添加了客服 小李',
      '更换了渠道 天猫客服 的密钥（过渡期 1小时）',
    ])
      await list.getByText(sentence).first().waitFor();
    await shot(page, 'zh-audit-steps');
    await page.getByTestId('audit-action').selectOption('channel');
    await page.getByTestId('audit-apply').click();
    await waitFor(async () => (await list.locator('li').count()) === 2 || undefined, 10_000, 'the channel entries only');
    expect(await list.locator('li').first().getAttribute('data-action')).toBe('channel.secret_rotated');
  });

  it.each(['en-US', 'zh-CN'])('shows the admin screens in %s (screenshots)', async (locale) => {
    const lang = locale.slice(0, 2);
    const page = await newPage(locale);
    await signIn(page, desk.url, FIRST_ADMIN.email, FIRST_ADMIN.password);
    await go(page, '#/admin/stores', 'stores-table');
    await shot(page, `${lang}-stores`);
    await page.getByTestId('stores-table').getByRole('link').first().click();
    await page.getByTestId('store-form').waitFor();
    await shot(page, `${lang}-store-top`);
    await page.getByTestId('channels-panel').scrollIntoViewIfNeeded();
    await shot(page, `${lang}-store-channels`);
    await go(page, '#/admin/people', 'people-table');
    await shot(page, `${lang}-people`);
    await go(page, '#/admin/audit', 'audit-list');
    await page.getByTestId('audit-list').locator('li').first().waitFor();
    await shot(page, `${lang}-audit`);
    await go(page, '#/admin/desk', 'admin-desk');
    await shot(page, `${lang}-desk`);
    // The agency named at the first run heads the client reports.
    const admin = await login(desk.url, FIRST_ADMIN.email, FIRST_ADMIN.password);
    const storeId = (await http(desk.url, 'GET', '/api/stores', { token: admin })).body.items[0].id;
    const report = await http(desk.url, 'POST', `/api/reports/stores/${storeId}/generate?period=week`, { token: admin });
    await go(page, `#/reports/${report.body.id}`, 'report-page');
    await expect(page.getByTestId('report-agency').textContent()).resolves.toBe('星河代运营');
    // Not for agents: the router's guard sends them to the inbox.
    const agent = await newPage(locale);
    await signIn(agent, desk.url, 'xiaoli@agency.test', 'xiaoli-pass');
    await agent.evaluate(() => (window.location.hash = '#/admin/people'));
    await agent.waitForFunction(() => window.location.hash === '#/' || window.location.hash === '');
    expect(await agent.getByTestId('admin-people').count()).toBe(0);
    expect(await agent.getByTestId('nav-admin-people').count()).toBe(0);
  });
});
