import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import type { Page } from 'playwright-core';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

describe('supervisor SLA board in Chromium', () => {
  const env = withConsole();

  it('shows a waiting chat counting down, then moves it to breached without a reload', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Board', {
      businessHours: null,
      slaPolicy: { firstResponseSeconds: 6, nextResponseSeconds: 6, warnBeforeSeconds: 3 },
    });
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, env.desk.url, 'supervisor@demo.kefu');
    await page.getByTestId('nav-sla-board').click();
    await page.getByTestId('sla-board').waitFor();

    const inbound = await signedInbound(env.desk.url, s.channel, inboundBody('看板测试:还没人回复吗?', 'buyer-board'));
    const id = inbound.body.conversationId as string;
    const row = page.locator(`[data-testid="sla-timer"][data-conversation-id="${id}"]`);
    await row.waitFor({ timeout: 5000 });
    const countdown = row.getByTestId('sla-countdown');
    const first = await countdown.textContent();
    expect(first).toMatch(/\d{2}:\d{2}/);
    await page.waitForTimeout(1200);
    expect(await countdown.textContent()).not.toBe(first); // it ticks
    await page.locator(`[data-testid="sla-timer"][data-conversation-id="${id}"][data-state="warning"]`).waitFor({ timeout: 6000 });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, 'sla-board-warning.png') });

    await page.locator(`[data-testid="sla-breached"][data-conversation-id="${id}"]`).waitFor({ timeout: 8000 });
    await expect(row.count()).resolves.toBe(0);
    await page.screenshot({ path: join(OUTPUT_DIR, 'sla-board-breached.png') });
  });

  it('shows each store’s platform response rate today and the waits still inside their rule, live', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    // A: the platform counts a reply within 3 s. B: within 120 s, nudged at 60 s and 100 s.
    const a = await storeWithAgent(env.desk.url, admin, 'Rate', { businessHours: null, responseRule: { seconds: 3, window: null, nudgeSeconds: [] } });
    const b = await storeWithAgent(env.desk.url, admin, 'Risk', { businessHours: null, responseRule: { seconds: 120, window: null, nudgeSeconds: [60, 100] } });
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, env.desk.url, 'supervisor@demo.kefu');
    await page.getByTestId('nav-sla-board').click();
    const rates = page.getByTestId('response-rates');
    const storeRate = (storeId: string) => rates.locator(`[data-testid="response-rate-store"][data-store-id="${storeId}"]`);
    // Every store of the scope is listed, with its rule, before any wait.
    await storeRate(a.store.id).waitFor({ timeout: 10000 });
    await expect(storeRate(a.store.id).getByTestId('response-rule').textContent()).resolves.toBe('≤ 3 秒');
    await expect(storeRate(b.store.id).getByTestId('response-rule').textContent()).resolves.toBe('≤ 120 秒');
    await expect(storeRate(a.store.id).getAttribute('data-tone')).resolves.toBe('none');

    const reply = (token: string, conversationId: string) =>
      http(env.desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token, body: { body: '您好，马上为您处理。', kind: 'reply' } });
    // A: one wait answered at once, one left unanswered past its 3 s.
    const answered = await signedInbound(env.desk.url, a.channel, inboundBody('在吗？', 'rate-buyer-1'));
    expect((await reply(a.agentToken, answered.body.conversationId)).status).toBe(201);
    const unanswered = await signedInbound(env.desk.url, a.channel, inboundBody('有人吗？', 'rate-buyer-2'));
    expect(unanswered.status).toBe(202);
    // B: two waits inside their 120 s, the older first.
    const older = await signedInbound(env.desk.url, b.channel, inboundBody('请问发货了吗？', 'risk-buyer-1'));
    const newer = await signedInbound(env.desk.url, b.channel, inboundBody('能开发票吗？', 'risk-buyer-2'));

    const atRisk = page.getByTestId('sla-at-risk-list');
    const riskRow = (conversationId: string) => atRisk.locator(`[data-testid="sla-at-risk"][data-conversation-id="${conversationId}"]`);
    await riskRow(newer.body.conversationId).waitFor({ timeout: 10000 });
    const shownB = await atRisk.locator('[data-testid="sla-at-risk"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation-id')));
    expect(shownB.indexOf(older.body.conversationId)).toBeGreaterThanOrEqual(0);
    expect(shownB.indexOf(older.body.conversationId)).toBeLessThan(shownB.indexOf(newer.body.conversationId));
    // The countdown runs to the rule's limit (120 s), not to the desk's own response time.
    const countdown = riskRow(older.body.conversationId).getByTestId('sla-rule-countdown');
    const seconds = (text: string | null) => {
      const [m, s] = (text ?? '').split(':').map(Number);
      return m * 60 + s;
    };
    const left = seconds(await countdown.textContent());
    expect(left).toBeGreaterThan(100);
    expect(left).toBeLessThanOrEqual(120);
    await page.waitForFunction(
      ([el, before]) => {
        const [m, s] = (el?.textContent ?? '').split(':').map(Number);
        return m * 60 + s < before;
      },
      [await countdown.elementHandle(), left] as const,
      { timeout: 3000 },
    );

    // A's unanswered wait passes its 3 s: one met of two decided.
    const valueA = storeRate(a.store.id).getByTestId('response-rate-value');
    await page.locator(`[data-testid="response-rate-store"][data-store-id="${a.store.id}"][data-tone="red"]`).waitFor({ timeout: 15000 });
    await expect(valueA.textContent()).resolves.toBe('50%');
    await expect(storeRate(a.store.id).getByTestId('response-rate-met').textContent()).resolves.toBe('达标 1 / 2');
    await expect(storeRate(a.store.id).getByTestId('response-rate-pending').getAttribute('data-count')).resolves.toBe('0');
    // The unanswered wait of A is past its rule: it is not at risk any more, it is lost.
    await expect(riskRow(unanswered.body.conversationId).count()).resolves.toBe(0);
    await expect(storeRate(b.store.id).getByTestId('response-rate-pending').getAttribute('data-count')).resolves.toBe('2');
    await page.mouse.move(0, 0);
    await shot(page, 'sla-board-platform-zh.png');

    // B's older wait is answered: it leaves the list at once, and B's rate becomes 100 % (green).
    expect((await reply(b.agentToken, older.body.conversationId)).status).toBe(201);
    await riskRow(older.body.conversationId).waitFor({ state: 'detached', timeout: 5000 });
    await page.locator(`[data-testid="response-rate-store"][data-store-id="${b.store.id}"][data-tone="green"]`).waitFor({ timeout: 10000 });
    await expect(storeRate(b.store.id).getByTestId('response-rate-value').textContent()).resolves.toBe('100%');
    await expect(storeRate(b.store.id).getByTestId('response-rate-pending').getAttribute('data-count')).resolves.toBe('1');
    await expect(riskRow(newer.body.conversationId).count()).resolves.toBe(1);

    // The same in English, and on the wall screen.
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
    await expect(storeRate(a.store.id).getByTestId('response-rule').textContent()).resolves.toBe('≤ 3 s');
    await expect(storeRate(a.store.id).getByTestId('response-rate-met').textContent()).resolves.toBe('1 / 2 met');
    await page.mouse.move(0, 0);
    await shot(page, 'sla-board-platform-en.png');
    await page.getByTestId('sla-wall').click();
    await page.locator('.board--wall').waitFor();
    await shot(page, 'sla-board-platform-wall-en.png');
  });
});

async function shot(page: Page, name: string) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, name) });
}
