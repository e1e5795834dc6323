import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

const DIR = join(OUTPUT_DIR, 'screens');

/** Every screen of the console at 1280×720 in both languages, for a person to look at (test/output/screens). */
describe('every screen at 1280×720', () => {
  const env = withConsole();

  it.each(['zh-CN', 'en-US'])('%s', async (locale) => {
    mkdirSync(DIR, { recursive: true });
    const lang = locale.slice(0, 2);
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, lang === 'zh' ? '旗舰店 · 一个很长的店铺名称用于检查截断' : 'Flagship store with a rather long name', { businessHours: null });
    const texts = lang === 'zh' ? ['你好,订单 2026120100001 的衣服不想要了,可以退货吗?', '快递三天了还没到', '请问有发票吗?', '尺码偏大,想换小一码'] : ["Hi, I don't want the jacket from order 2026120100001 any more. Can I return it?", 'My parcel has not arrived after three days', 'Can I get an invoice?', 'The size is too big, can I exchange it?'];
    const ids: string[] = [];
    for (const text of texts) ids.push((await signedInbound(env.desk.url, s.channel, inboundBody(text, `sc-${randomUUID().slice(0, 6)}`))).body.conversationId);
    const ticket = await http(env.desk.url, 'POST', '/api/tickets', { token: admin, body: { conversationId: ids[0], type: 'return', customerReason: texts[0] } });
    expect(ticket.status).toBe(201);
    await http(env.desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week`, { token: admin });

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
    const page = await context.newPage();
    const shot = async (name: string) => {
      await page.mouse.move(0, 0);
      await page.waitForTimeout(100); // hover styles and transitions settle
      await page.screenshot({ path: join(DIR, `${lang}-${name}.png`) });
    };
    const go = async (hash: string, testId: string) => {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.getByTestId(testId).waitFor({ timeout: 15000 });
    };

    await page.goto(env.desk.url);
    await page.getByTestId('login-email').waitFor();
    await shot('01-login');

    // The agent: my queue, a conversation with its order and ticket, the ticket dialog.
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();
    await waitFor(async () => ((await http(env.desk.url, 'GET', `/api/conversations?assigneeId=${s.agent.id}`, { token: admin })).body.total >= 4 ? true : undefined), 10000, 'assigned');
    await page.getByTestId('view-queue').click();
    await page.getByTestId('inbox-item').first().waitFor();
    await shot('02-queue');
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${ids[0]}"]`).click();
    await page.getByTestId('order-card').getByTestId('order').first().waitFor({ timeout: 10000 });
    await page.getByTestId('ticket-panel').getByTestId('ticket').first().waitFor();
    await shot('03-conversation');
    await page.getByTestId('ticket-open').click();
    await page.getByTestId('ticket-dialog-policy').waitFor({ timeout: 10000 });
    await shot('04-ticket-dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('status-select').click();
    await shot('05-status-menu');
    await page.keyboard.press('Escape');
    await go('#/tickets', 'tickets-screen');
    await page.getByTestId('ticket-row').first().waitFor();
    await shot('06-tickets');
    await page.getByTestId('logout').click();

    // The supervisor: the board, its wall screen and assign menu, the knowledge base, the analysis and the reports.
    await signIn(page, env.desk.url, 'supervisor@demo.kefu');
    await go('#/', 'inbox-list');
    await page.getByTestId('view-all').click();
    await page.getByTestId('inbox-item').first().waitFor();
    await shot('07-inbox-all');
    // With the assignee on each row the status pill still fits inside it.
    const row = page.getByTestId('inbox-item').first();
    await row.getByTestId('inbox-item-assignee').waitFor();
    const [rowBox, pillBox] = await Promise.all([row.boundingBox(), row.locator('.row__meta-end > :last-child').boundingBox()]);
    expect(pillBox!.x + pillBox!.width).toBeLessThanOrEqual(rowBox!.x + rowBox!.width - 8);
    await go('#/sla', 'sla-board');
    await page.getByTestId('sla-running-list').getByTestId('sla-timer').first().waitFor({ timeout: 10000 });
    await shot('08-sla-board');
    await page.getByTestId('board-assign').first().click();
    await page.getByTestId('assign-menu').getByTestId('reassign-option').nth(1).waitFor({ timeout: 10000 });
    await shot('09-assign-menu');
    await page.keyboard.press('Escape');
    await page.getByTestId('sla-wall').click();
    await shot('10-sla-wall');
    await page.keyboard.press('Escape');
    await go('#/kb', 'kb-articles');
    await page.getByTestId('kb-article-row').first().waitFor();
    await shot('11-kb');
    await page.getByTestId('kb-tab-stats').click();
    await page.getByTestId('kb-stats').waitFor();
    await shot('12-kb-stats');
    await page.getByTestId('kb-tab-quick-replies').click();
    await shot('13-kb-quick-replies');
    await page.getByTestId('kb-tab-proposals').click();
    await page.getByTestId('kb-proposals').waitFor();
    await shot('13b-kb-proposals');
    await page.getByTestId('kb-tab-articles').click();
    await page.getByTestId('kb-article-row').first().click();
    await page.getByTestId('kb-similar-questions').scrollIntoViewIfNeeded();
    await shot('13c-kb-editor-similar');
    await go(`#/analytics?store=${s.store.id}`, 'analytics-store');
    await page.getByTestId('figure-tickets').filter({ hasText: '1' }).waitFor({ timeout: 10000 });
    await page.waitForTimeout(1000);
    await shot('14-analytics');
    await page.getByTestId('figure-tickets').click();
    await page.getByTestId('drilldown').getByTestId('drilldown-row').first().waitFor({ timeout: 10000 });
    await shot('14b-analytics-drilldown');
    await page.keyboard.press('Escape');
    await go(`#/reports?store=${s.store.id}&period=week`, 'reports-screen');
    await page.getByTestId('report-row').first().waitFor({ timeout: 10000 });
    await shot('15-reports');
    await page.getByTestId('report-row').first().click();
    await page.getByTestId('report-page').waitFor({ timeout: 10000 });
    await shot('16-report');
    await go('#/guard', 'guard-screen');
    await page.waitForTimeout(500);
    await shot('17-guard');
    await go('#/guard/review', 'guard-review-screen');
    await page.waitForTimeout(500);
    await shot('18-guard-review');
    await page.getByTestId('logout').click();

    // The admin: stores, people, the audit log, the desk's settings.
    await signIn(page, env.desk.url, 'admin@demo.kefu');
    await go('#/admin/stores', 'stores-table');
    // The admin's long sidebar scrolls its navigation: the status switch and sign-out stay on screen.
    const logout = await page.getByTestId('logout').boundingBox();
    expect(logout!.y + logout!.height).toBeLessThanOrEqual(720);
    await shot('19-admin-stores');
    await go('#/admin/people', 'people-table');
    await shot('20-admin-people');
    await go('#/admin/audit', 'audit-list');
    await page.waitForTimeout(500);
    await shot('21-admin-audit');
    await go('#/admin/desk', 'admin-desk');
    await shot('22-admin-desk');
    await go('#/statements', 'statements-screen');
    await page.waitForTimeout(500);
    await shot('23-statements');
    await context.close();
  });
});

export type { Page };
