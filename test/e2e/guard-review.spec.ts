import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

describe('guard quality review in Chromium', () => {
  const env = withConsole();

  async function openConsole(email: string, password: string, locale: string): Promise<Page> {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    const page = await context.newPage();
    await signIn(page, env.desk.url, email, password);
    return page;
  }
  const shot = async (page: Page, name: string) => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, name) });
  };
  /** The review screen scrolls within the desk: its top, then its bottom. */
  const shots = async (page: Page, name: string) => {
    const board = page.getByTestId('guard-review-screen');
    await board.evaluate((el) => el.scrollTo(0, 0));
    await shot(page, `${name}.png`);
    await board.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shot(page, `${name}-bottom.png`);
  };

  /** A store with two agents, overrides and a blocked attempt recorded, clean replies to sample, and its supervisor. */
  async function reviewedStore(admin: string) {
    const s = await storeWithAgent(env.desk.url, admin, '质检旗舰店', { businessHours: null });
    const tag = s.store.id.slice(0, 6);
    const user = (body: Record<string, unknown>) => http(env.desk.url, 'POST', '/api/users', { token: admin, body: { languages: ['zh', 'en'], maxConcurrent: 5, storeIds: [s.store.id], ...body } });
    expect((await user({ email: `wangfang-${tag}@example.test`, name: '王芳', password: 'agent-pass-2', role: 'agent' })).status).toBe(201);
    const second = await login(env.desk.url, `wangfang-${tag}@example.test`, 'agent-pass-2');
    expect((await user({ email: `lead-${tag}@example.test`, name: '陈主管', password: 'lead-pass-1', role: 'supervisor' })).status).toBe(201);
    const reply = async (token: string, text: string, body: string, confirm?: string) => {
      const conv = (await signedInbound(env.desk.url, s.channel, inboundBody(text, `buyer-${Math.random().toString(36).slice(2, 10)}`))).body.conversationId as string;
      const r = await http(env.desk.url, 'POST', `/api/conversations/${conv}/messages`, { token, body: { kind: 'reply', body, ...(confirm ? { confirm: { reason: confirm } } : {}) } });
      return { conv, status: r.status };
    };
    const override = await reply(s.agentToken, '这款面霜效果好吗？', '这款是销量冠军哦', '品牌方提供的官方数据');
    expect(override.status).toBe(201);
    expect((await reply(s.agentToken, '能便宜点吗', '加我微信 kefu2024 给你优惠')).status).toBe(422);
    expect((await reply(second, '是最便宜的吗', '这是全网最低价了', '活动价已向平台报备')).status).toBe(201);
    const clean: string[] = [];
    for (const [token, text, body] of [
      [s.agentToken, '什么时候发货？', '您好，今天下午四点前发出'],
      [second, '可以开发票吗？', '可以的，下单时填写抬头即可'],
      [s.agentToken, '尺码偏大吗？', '正常尺码，按平时穿的选就好'],
    ])
      clean.push((await reply(token, text, body)).conv);
    return { s, override: override.conv, clean, lead: { email: `lead-${tag}@example.test`, password: 'lead-pass-1' } };
  }

  it('shows the recorded override with its matched words and reason, the rates, and scores a sampled conversation', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const { s, override, clean, lead } = await reviewedStore(admin);
    const page = await openConsole(lead.email, lead.password, 'zh-CN');
    await page.getByTestId('nav-guard-review').click();
    const screen = page.getByTestId('guard-review-screen');
    await screen.waitFor({ timeout: 10_000 });

    // The override: what matched, why it was sent anyway, who, and a link to the conversation.
    const event = page.locator(`[data-testid="review-event"][data-kind="override"][data-conversation-id="${override}"]`);
    await event.waitFor({ timeout: 10_000 });
    await expect(event.getByTestId('review-event-match').allTextContents()).resolves.toEqual(['销量冠军']);
    await expect(event.getByTestId('review-event-reason').textContent()).resolves.toContain('品牌方提供的官方数据');
    await expect(event.textContent()).resolves.toContain(s.agent.name);
    await expect(page.locator('[data-testid="review-event"][data-kind="blocked"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('review-overrides').locator('.figure__value').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('review-blocked').locator('.figure__value').textContent()).resolves.toBe('1');
    // 5 replies sent and 1 refused: 3 violations per 6 attempts.
    await expect(page.getByTestId('review-per1000').locator('.figure__value').textContent()).resolves.toBe('500');

    // Counts by agent; picking one narrows the events to theirs.
    const agentRow = page.locator(`[data-testid="review-count-row"][data-key="${s.agent.id}"]`);
    await expect(agentRow.locator('td').allTextContents()).resolves.toEqual([s.agent.name, '3', '1', '1', '500']);
    await agentRow.getByRole('button').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-event"]').length === 2);
    await expect(page.evaluate(() => location.hash)).resolves.toContain(`agent=${s.agent.id}`);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-event"]').length === 3);

    // The sample holds the clean conversations only; score one.
    const sampled = page.getByTestId('review-sample-item');
    await sampled.first().waitFor({ timeout: 10_000 });
    const sampledIds = await sampled.evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation-id')));
    expect([...sampledIds].sort()).toEqual([...clean].sort());
    await shots(page, 'guard-review-zh');
    const item = sampled.first();
    const conversationId = (await item.getAttribute('data-conversation-id'))!;
    await item.getByTestId('review-score-submit').click();
    await item.getByRole('alert').waitFor();
    await item.getByTestId('review-score-4').click();
    await item.getByTestId('review-score-comment').fill('回复及时，语气友好');
    await item.getByTestId('review-score-submit').click();
    await item.getByTestId('review-scored').waitFor({ timeout: 5000 });
    const rows = await env.desk.db.query(`SELECT score, comment, reviewer_id, store_id FROM guard_review_scores WHERE conversation_id = $1`, [conversationId]);
    const [leadUser] = await env.desk.db.query(`SELECT id FROM users WHERE email = $1`, [lead.email]);
    expect(rows).toEqual([{ score: 4, comment: '回复及时，语气友好', reviewer_id: leadUser.id, store_id: s.store.id }]);
    await page.locator(`[data-testid="review-score-row"][data-conversation-id="${conversationId}"]`).waitFor({ timeout: 5000 });

    // Reading a conversation and coming back keeps the filters, the same sample and its score.
    await page.getByTestId('review-kind').selectOption('override');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-event"]').length === 2);
    await page.getByTestId('review-event-open').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/c/'));
    await page.goBack();
    await page.locator(`[data-testid="review-sample-item"][data-conversation-id="${conversationId}"] [data-testid="review-scored"]`).waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('review-kind').inputValue()).resolves.toBe('override');
    expect(await sampled.evaluateAll((els) => els.map((el) => el.getAttribute('data-conversation-id')))).toEqual(sampledIds);
    await shots(page, 'guard-review-scored-zh');

    const en = await openConsole(lead.email, lead.password, 'en-US');
    await en.getByTestId('nav-guard-review').click();
    await en.locator('[data-testid="review-event"][data-kind="override"]').first().waitFor({ timeout: 10_000 });
    await en.locator('[data-testid="review-score-row"]').first().waitFor({ timeout: 10_000 });
    await en.getByTestId('review-sample-item').first().waitFor({ timeout: 10_000 });
    await expect(en.getByTestId('guard-review-screen').textContent()).resolves.toContain('Violations per 1,000 replies');
    await shots(en, 'guard-review-en');
  });

  it('warns when a quick reply breaking a rule is saved, and the reply box flags it once inserted', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, '话术店', { businessHours: null });
    const lead = await openConsole('supervisor@demo.kefu', 'demo1234', 'zh-CN');
    await lead.getByTestId('nav-kb').click();
    await lead.getByTestId('kb-tab-quick-replies').click();
    await lead.getByTestId('kb-quick-reply-add').click();
    const form = lead.getByTestId('kb-quick-reply-form');
    const shortcut = `guanjun${s.store.id.slice(0, 4)}`;
    await form.getByLabel('快捷键').fill(shortcut);
    await form.getByLabel('标题').fill('销量');
    await form.getByLabel('店铺').selectOption(s.store.id);
    await form.getByLabel('内容').fill('亲，这款是我们店的销量冠军哦');
    await form.getByRole('button', { name: '保存' }).click();
    const warnings = lead.getByTestId('guard-save-warnings');
    await warnings.waitFor({ timeout: 5000 });
    await expect(warnings.getByTestId('guard-save-warning').getAttribute('data-action')).resolves.toBe('warn');
    await expect(warnings.textContent()).resolves.toMatch(/广告法.*销量冠军/);
    await shot(lead, 'guard-quick-reply-warning-zh.png');
    const [saved] = await env.desk.db.query(`SELECT body FROM kb_quick_replies WHERE shortcut = $1`, [shortcut]);
    expect(saved.body).toBe('亲，这款是我们店的销量冠军哦');

    // An article: the warnings name the field that breaks the rule.
    await lead.getByTestId('kb-tab-articles').click();
    await lead.getByTestId('kb-new-article').click();
    await lead.getByTestId('kb-editor-title').fill('售后联系方式');
    await lead.getByTestId('kb-editor-short').fill('售后问题请加微信 shouhou88 处理');
    await lead.getByTestId('kb-editor-body').fill('收到商品后七天内可以申请退换。');
    await lead.getByTestId('kb-editor-save').click();
    const articleWarnings = lead.getByTestId('kb-editor').getByTestId('guard-save-warnings');
    await articleWarnings.waitFor({ timeout: 5000 });
    await expect(articleWarnings.getByTestId('guard-save-warning').evaluateAll((els) => [...new Set(els.map((el) => `${el.getAttribute('data-field')}:${el.getAttribute('data-action')}`))])).resolves.toEqual(['shortAnswer:block']);
    await shot(lead, 'guard-article-warning-zh.png');

    const agent = await openConsole(s.agent.email, 'agent-pass-1', 'zh-CN');
    const conv = (await signedInbound(env.desk.url, s.channel, inboundBody('在吗？', 'buyer-qr-guard'))).body.conversationId as string;
    await agent.locator(`[data-testid="inbox-item"][data-conversation-id="${conv}"]`).click();
    const input = agent.getByTestId('reply-input');
    await input.focus();
    await agent.keyboard.type(`/${shortcut}`);
    await agent.getByTestId('quick-reply-menu').getByTestId('quick-reply-option').first().waitFor({ timeout: 5000 });
    await agent.keyboard.press('Enter');
    await expect(input.inputValue()).resolves.toBe('亲，这款是我们店的销量冠军哦');
    await agent.locator('[data-testid="guard-mark"][data-action="warn"]', { hasText: '销量冠军' }).waitFor({ timeout: 5000 });
  });
});
