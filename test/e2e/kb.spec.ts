import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadChannels } from '../../apps/simulator/src/channels.js';
import { CustomerSimulator } from '../../apps/simulator/src/simulator.js';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, login, waitFor } from '../support/client.js';

// The FAQ knowledge base in the agent's composer: suggestions for the customer's question, inserted
// with one key and recorded as used by the reply; quick replies with `/`.
describe('knowledge base in the console', () => {
  const env = withConsole();

  /** A customer of a demo store agent1 serves writes through the signed webhook; the agent opens the chat. */
  async function customerAsks(page: Page, text: string, lang: 'zh' | 'en'): Promise<string> {
    const channels = (await loadChannels(env.desk.config.databaseUrl)).filter((c) => c.storeName === DEMO_STORES[3].name);
    const simulator = new CustomerSimulator({ baseUrl: env.desk.url, channels, rate: 1, duration: 0 });
    const sent = await simulator.sendOne({ text, lang, customerId: `e2e-kb-${lang}-${Date.now()}` });
    expect(sent.status).toBe(202);
    const row = page.getByTestId('inbox-item').filter({ hasText: text.slice(0, 12) });
    await row.waitFor({ timeout: 10000 });
    await row.click();
    await page.getByTestId('thread').locator('[data-testid="message"][data-direction="inbound"]', { hasText: text }).waitFor();
    const id = await page.getByTestId('conversation-view').getAttribute('data-conversation-id');
    return id!;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(OUTPUT_DIR, name) });

  it('suggests the returns article, inserts it with Alt+1, and records its use with the reply', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      await signIn(page, env.desk.url, 'agent1@demo.kefu');
      await page.getByTestId('inbox-list').waitFor();
      const conversationId = await customerAsks(page, `你好,衣服不想要了,可以七天无理由退货吗? #${Date.now() % 100000}`, 'zh');

      const first = page.getByTestId('kb-suggestions').getByTestId('kb-suggestion').first();
      await first.waitFor({ timeout: 10000 });
      const articleId = (await first.getAttribute('data-article-id'))!;
      const [article] = await env.desk.db.query(`SELECT title, short_answer, topic FROM kb_articles WHERE id = $1`, [articleId]);
      expect(article.topic).toBe('returns.no-reason');
      await expect(first.textContent()).resolves.toContain(article.title);
      await shot(page, 'kb-suggestions-zh.png');

      // 👍 on the suggestion is stored as feedback.
      await first.getByTestId('kb-feedback-up').click();
      await waitFor(async () => {
        const rows = await env.desk.db.query(`SELECT helpful FROM kb_feedback WHERE article_id = $1 AND conversation_id = $2`, [articleId, conversationId]);
        return rows.length === 1 && rows[0].helpful === true ? rows : undefined;
      }, 5000, 'feedback stored');

      // One key inserts the short answer into the empty draft; Enter sends it.
      const input = page.getByTestId('reply-input');
      await input.focus();
      await page.keyboard.press('Alt+Digit1');
      await expect(input.inputValue()).resolves.toBe(article.short_answer);
      await input.press('Enter');
      const mine = page.getByTestId('thread').locator('[data-testid="message"][data-direction="outbound"]', { hasText: article.short_answer.slice(0, 20) });
      await mine.waitFor({ timeout: 5000 });
      await expect(mine.textContent()).resolves.toContain(article.short_answer);

      const [message] = await env.desk.db.query(`SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'outbound' AND body = $2`, [
        conversationId,
        article.short_answer,
      ]);
      expect(message).toBeDefined();
      const usage = await waitFor(async () => {
        const rows = await env.desk.db.query(`SELECT article_id, message_id FROM kb_usage WHERE conversation_id = $1`, [conversationId]);
        return rows.length > 0 ? rows : undefined;
      }, 5000, 'usage recorded');
      expect(usage).toEqual([{ article_id: articleId, message_id: message.id }]);

      // `/` opens the quick replies; typing filters, Enter inserts the body, Esc closes.
      await input.focus();
      await page.keyboard.type('/tha');
      const menu = page.getByTestId('quick-reply-menu');
      await menu.waitFor();
      await expect(menu.getByTestId('quick-reply-option').first().getAttribute('data-shortcut')).resolves.toBe('thanks');
      await shot(page, 'kb-quick-replies-zh.png');
      await page.keyboard.press('Enter');
      await expect(input.inputValue()).resolves.toBe('感谢您的耐心等待！还有其他问题随时联系我们哦~');
      await expect(menu.count()).resolves.toBe(0);
      await page.keyboard.type(' /');
      await menu.waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect(menu.count()).resolves.toBe(0);
      await expect(input.evaluate((el) => document.activeElement === el)).resolves.toBe(true);
      await expect(input.inputValue()).resolves.toBe('感谢您的耐心等待！还有其他问题随时联系我们哦~ /');

      // A search by hand replaces the suggestions.
      await page.keyboard.press('Alt+KeyK');
      const search = page.getByTestId('kb-search');
      await expect(search.evaluate((el) => document.activeElement === el)).resolves.toBe(true);
      await search.fill('退款多久到账');
      await page.getByTestId('kb-suggestion').filter({ hasText: '退款' }).first().waitFor({ timeout: 5000 });
    } catch (err) {
      await shot(page, 'kb-e2e-failed.png');
      throw err;
    } finally {
      await page.close();
    }
  });

  it('shows English suggestions and quick replies for an English conversation', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    try {
      await signIn(page, env.desk.url, 'agent1@demo.kefu');
      await page.getByTestId('inbox-list').waitFor();
      await customerAsks(page, `Hi, I don't want the jacket any more. Can I return it? #${Date.now() % 100000}`, 'en');
      await page.getByTestId('kb-suggestion').first().waitFor({ timeout: 10000 });
      await shot(page, 'kb-suggestions-en.png');
      await page.getByTestId('reply-input').focus();
      await page.keyboard.type('/');
      await page.getByTestId('quick-reply-menu').getByTestId('quick-reply-option').first().waitFor();
      await shot(page, 'kb-quick-replies-en.png');
    } catch (err) {
      await shot(page, 'kb-e2e-en-failed.png');
      throw err;
    } finally {
      await page.close();
    }
  });

  it('lets a supervisor edit an article with its history, see the gaps and write an article for one', async () => {
    // A question nothing answers becomes a gap.
    const token = await login(env.desk.url, 'supervisor@demo.kefu');
    const gap = `zorblax quindle ${Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 6)}`;
    const found = await http(env.desk.url, 'GET', `/api/kb/search?q=${encodeURIComponent(gap)}&lang=en`, { token });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([]);

    for (const locale of ['zh-CN', 'en-US'] as const) {
      const suffix = locale === 'zh-CN' ? 'zh' : 'en';
      const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale });
      try {
        await signIn(page, env.desk.url, 'supervisor@demo.kefu');
        await page.getByTestId('nav-kb').click();
        await page.getByTestId('kb-articles').getByTestId('kb-article-row').first().waitFor();

        // Filter to one title, open it, change it: the version goes up and the history shows it.
        await page.getByTestId('kb-article-search').fill('退款多久到账');
        const row = page.getByTestId('kb-article-row').filter({ hasText: '退款多久到账' }).first();
        await row.waitFor();
        await row.click();
        const editor = page.getByTestId('kb-editor');
        await editor.getByTestId('kb-versions').waitFor();
        const before = await editor.getByTestId('kb-versions').locator('li').count();
        const short = editor.getByTestId('kb-editor-short');
        await short.fill(`${await short.inputValue()}${suffix === 'zh' ? '如有疑问请随时联系我们。' : ' Contact us any time.'}`);
        await editor.getByTestId('kb-editor-save').click();
        await waitFor(async () => ((await editor.getByTestId('kb-versions').locator('li').count()) === before + 1 ? true : undefined), 5000, 'new version listed');
        await shot(page, `kb-screen-${suffix}.png`);

        // The gap is listed; "write an article" opens the editor with the question as its title.
        await page.getByTestId('kb-tab-stats').click();
        const gapRow = page.getByTestId('kb-gaps').getByTestId('kb-gap').filter({ hasText: gap });
        await gapRow.waitFor();
        await shot(page, `kb-stats-${suffix}.png`);
        await gapRow.getByTestId('kb-gap-write').click();
        await expect(page.getByTestId('kb-editor').getByTestId('kb-editor-title').inputValue()).resolves.toBe(gap);

        await page.getByTestId('kb-tab-quick-replies').click();
        await page.getByTestId('kb-quick-replies').locator('.kbs-qr').first().waitFor();
        await shot(page, `kb-quick-replies-admin-${suffix}.png`);
      } catch (err) {
        await shot(page, `kb-admin-${suffix}-failed.png`);
        throw err;
      } finally {
        await page.close();
      }
    }
  });
});
