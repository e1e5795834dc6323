import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

describe('reply guard in Chromium', () => {
  const env = withConsole();

  async function openConsole(email: string, password: string, locale = 'zh-CN'): Promise<Page> {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    const page = await context.newPage();
    await signIn(page, env.desk.url, email, password);
    return page;
  }
  const outbound = async (id: string) => (await env.desk.db.query(`SELECT body FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [id])).map((r: { body: string }) => r.body);

  it('highlights violations while typing, refuses block rules, sends warn rules with a reason, and shows rule changes until acknowledged', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Guard browser', { businessHours: null });
    const page = await openConsole(s.agent.email, 'agent-pass-1');
    const inbound = await signedInbound(env.desk.url, s.channel, inboundBody('你好，这款面霜怎么样？', 'buyer-guard'));
    const id = inbound.body.conversationId as string;
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${id}"]`).click();

    // A block rule: highlighted as typed, the reason in Chinese, and no way to send it.
    const input = page.getByTestId('reply-input');
    await input.pressSequentially('亲，加我微信 kefu2024 聊');
    const mark = page.locator('[data-testid="guard-mark"][data-action="block"]');
    await mark.first().waitFor({ timeout: 5000 });
    expect(await page.getByTestId('guard-mark').allTextContents()).toEqual(['加我微信 kefu2024']);
    await expect(page.getByTestId('guard-violations').textContent()).resolves.toMatch(/微信/);
    await page.screenshot({ path: join(OUTPUT_DIR, 'guard-highlight.png') });
    await input.press('Enter');
    await page.getByTestId('guard-dialog').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('guard-send-anyway').count()).toBe(0);
    await page.getByTestId('guard-cancel').click();
    await expect(input.inputValue()).resolves.toBe('亲，加我微信 kefu2024 聊');
    expect(await outbound(id)).toEqual([]);

    // A warn rule: sent once the agent gives a reason.
    await input.fill('');
    await input.pressSequentially('这款是销量冠军哦');
    await page.locator('[data-testid="guard-mark"][data-action="warn"]', { hasText: '销量冠军' }).waitFor({ timeout: 5000 });
    await input.press('Enter');
    await page.getByTestId('guard-dialog').waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(OUTPUT_DIR, 'guard-confirm.png') });
    await expect(page.getByTestId('guard-send-anyway').isDisabled()).resolves.toBe(true);
    await page.getByTestId('guard-reason-input').fill('品牌方提供的官方数据');
    await page.getByTestId('guard-send-anyway').click();
    await page.locator('[data-testid="message"][data-direction="outbound"]', { hasText: '这款是销量冠军哦' }).waitFor({ timeout: 5000 });
    expect(await outbound(id)).toEqual(['这款是销量冠军哦']);
    const [{ reason }] = await env.desk.db.query(`SELECT reason FROM guard_events WHERE conversation_id = $1 AND kind = 'override'`, [id]);
    expect(reason).toBe('品牌方提供的官方数据');

    // A rule change of the store's platform reaches the agent live, and stays until acknowledged.
    const published = await http(env.desk.url, 'POST', '/api/rule-changes', {
      token: admin,
      body: { platform: 'taobao', title: '淘宝客服用语新规', summary: '不得承诺“包过敏退款”', effectiveAt: new Date(Date.now() + 86400_000).toISOString() },
    });
    expect(published.status).toBe(201);
    const item = page.getByTestId('rule-change-item').filter({ hasText: '淘宝客服用语新规' });
    await item.waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(OUTPUT_DIR, 'guard-rule-change-banner.png') });
    await page.reload();
    await item.waitFor({ timeout: 10_000 });
    await item.getByTestId('rule-change-ack').click();
    await item.waitFor({ state: 'detached', timeout: 5000 });
    const acks = await env.desk.db.query(`SELECT 1 FROM rule_change_acks WHERE rule_change_id = $1 AND user_id = $2`, [published.body.id, s.agent.id]);
    expect(acks).toHaveLength(1);

    // The supervisors' screen: the rules and who has acknowledged the change.
    const lead = await openConsole('supervisor@demo.kefu', 'demo1234', 'en-US');
    await lead.getByTestId('nav-guard').click();
    await lead.getByTestId('guard-rule-row').first().waitFor({ timeout: 10_000 });
    await lead.getByTestId('rule-change-row').filter({ hasText: '淘宝客服用语新规' }).getByTestId('rule-change-progress').waitFor({ timeout: 5000 });
    await lead.screenshot({ path: join(OUTPUT_DIR, 'guard-screen.png'), fullPage: true });

    // A rule added through the form, by its labels (shown above each field, not placeholders): listed, and stored as typed.
    const form = lead.getByTestId('guard-rule-form');
    await form.locator('label', { hasText: 'Reason (English)' }).waitFor({ state: 'visible', timeout: 5000 });
    await form.getByLabel('Store').selectOption(s.store.id);
    await form.getByLabel('Words', { exact: true }).fill('私下转账, 线下付款');
    await form.getByLabel('Action').selectOption('block');
    await form.getByLabel('Reason (Chinese)').fill('不得引导买家私下交易');
    await form.getByLabel('Reason (English)').fill('No payment outside the platform');
    await form.getByTestId('guard-rule-create').click();
    await lead.getByTestId('guard-rule-row').filter({ hasText: '私下转账' }).waitFor({ timeout: 5000 });
    const [rule] = await env.desk.db.query(`SELECT store_id, terms, action, message FROM guard_rules WHERE '私下转账' = ANY(terms)`);
    expect(rule).toEqual({ store_id: s.store.id, terms: ['私下转账', '线下付款'], action: 'block', message: { zh: '不得引导买家私下交易', en: 'No payment outside the platform' } });
  });
});
