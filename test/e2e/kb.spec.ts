import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadChannels } from '../../apps/simulator/src/channels.js';
import { CustomerSimulator } from '../../apps/simulator/src/simulator.js';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

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
      // The search takes focus on the next frame (the panel may first have to open).
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'kb-search', undefined, { timeout: 2000 });
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

  it("proposes the customer's question live to the supervisor when an agent answers with a searched article; accepted, the question finds it", async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'KB similar', { businessHours: null });
    const supEmail = `kbq-sup-${Date.now()}@example.test`;
    expect(
      (await http(env.desk.url, 'POST', '/api/users', {
        token: admin,
        body: { email: supEmail, name: '审核主管', password: 'kbq-sup-pass-1', role: 'supervisor', storeIds: [s.store.id], languages: ['zh'], maxConcurrent: 5 },
      })).status,
    ).toBe(201);
    const title = '玄鸟牌保温杯怎么清洁';
    const article = await http(env.desk.url, 'POST', '/api/kb/articles', {
      token: admin,
      body: { storeId: s.store.id, lang: 'zh', status: 'published', title, shortAnswer: '您好，保温杯请用小苏打加温水浸泡半小时，再用杯刷刷洗。', body: '玄鸟牌保温杯请用小苏打加温水浸泡半小时，再用杯刷刷洗，不要用钢丝球。' },
    });
    expect(article.status).toBe(201);
    const articleId: string = article.body.id;
    // The customer's words do not find the article yet.
    const question = '杯子里面有一圈茶垢刷不掉，有什么办法吗';
    const topIds = async () =>
      ((await http(env.desk.url, 'GET', `/api/kb/search?${new URLSearchParams({ q: question, storeId: s.store.id })}`, { token: s.agentToken })).body.items as { article: { id: string } }[]).map((h) => h.article.id);
    expect(await topIds()).not.toContain(articleId);

    const supervisor = await env.browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
    const agent = await env.browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
    try {
      // The supervisor waits on the proposals tab: nothing yet.
      await signIn(supervisor, env.desk.url, supEmail, 'kbq-sup-pass-1');
      await supervisor.getByTestId('nav-kb').click();
      await supervisor.getByTestId('kb-tab-proposals').click();
      await supervisor.getByTestId('kb-proposals-empty').waitFor();

      // The customer asks; the agent finds the article by hand (Alt+K), inserts it (Enter) and sends it (Enter).
      await signIn(agent, env.desk.url, s.agent.email, 'agent-pass-1');
      const conversationId = (await signedInbound(env.desk.url, s.channel, inboundBody(`你好，我上个月买的保温杯。${question}`, `kbq-e2e-${Date.now()}`))).body.conversationId as string;
      const row = agent.locator(`[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`);
      await row.waitFor({ timeout: 10000 });
      await row.click();
      await agent.getByTestId('thread').locator('[data-testid="message"][data-direction="inbound"]').first().waitFor();
      await agent.keyboard.press('Alt+KeyK');
      await agent.getByTestId('kb-search').fill('保温杯清洁');
      await agent.getByTestId('kb-suggestion').filter({ hasText: title }).first().waitFor({ timeout: 10000 });
      await agent.getByTestId('kb-search').press('Enter');
      const input = agent.getByTestId('reply-input');
      await waitFor(async () => ((await input.inputValue()).includes('小苏打') ? true : undefined), 5000, 'article inserted');
      await input.focus();
      await agent.keyboard.press('Enter');
      await agent.getByTestId('thread').locator('[data-testid="message"][data-direction="outbound"]').first().waitFor({ timeout: 10000 });

      // The proposal appears for the supervisor without a reload, counted on its tab.
      const proposal = supervisor.getByTestId('kb-proposal').filter({ hasText: question });
      await proposal.waitFor({ timeout: 10000 });
      await expect(proposal.textContent()).resolves.toContain(title);
      await expect(supervisor.getByTestId('kb-tab-proposals-count').textContent()).resolves.toBe('1');
      await shot(supervisor, 'kb-proposals-zh.png');

      // Accepted from the keyboard: the row goes, the note says where it went, the tab count is gone.
      await proposal.getByTestId('kb-proposal-accept').focus();
      await supervisor.keyboard.press('Enter');
      await supervisor.getByTestId('kb-proposals-empty').waitFor();
      await expect(supervisor.getByTestId('kb-proposals-note').textContent()).resolves.toContain(title);
      await expect(supervisor.getByTestId('kb-tab-proposals-count').count()).resolves.toBe(0);

      // The question now finds the article first, in the api and in the agent's search box.
      expect((await topIds())[0]).toBe(articleId);
      await agent.getByTestId('kb-search').fill(question);
      await expect(agent.getByTestId('kb-suggestion').first().getAttribute('data-article-id')).resolves.toBe(articleId);

      // In the article's editor: the accepted question is listed; an empty one is refused beside the field in Chinese;
      // one written by hand is added and removed again.
      await supervisor.getByTestId('kb-tab-articles').click();
      await supervisor.locator(`[data-testid="kb-article-row"][data-article-id="${articleId}"]`).click();
      const similar = supervisor.getByTestId('kb-similar-questions');
      await similar.getByTestId('kb-question').filter({ hasText: question }).waitFor();
      await similar.getByTestId('kb-question-add').click();
      await expect(similar.getByTestId('field-error').textContent()).resolves.toBe('必填');
      const own = '保温杯有茶渍怎么去掉';
      await similar.getByTestId('kb-question-input').fill(own);
      await similar.getByTestId('kb-question-input').press('Enter');
      const added = similar.locator('[data-testid="kb-question"][data-status="accepted"]').filter({ hasText: own });
      await added.waitFor();
      await expect(similar.getByTestId('kb-question-input').inputValue()).resolves.toBe('');
      await shot(supervisor, 'kb-similar-questions-zh.png');
      const [stored] = await env.desk.db.query(`SELECT status, source FROM kb_article_questions WHERE article_id = $1 AND text = $2`, [articleId, own]);
      expect(stored).toEqual({ status: 'accepted', source: 'manual' });
      await added.getByTestId('kb-question-remove').click();
      await added.waitFor({ state: 'detached' });
      await waitFor(async () => ((await env.desk.db.query(`SELECT 1 FROM kb_article_questions WHERE article_id = $1 AND text = $2`, [articleId, own])).length === 0 ? true : undefined), 5000, 'removed');
      const [accepted] = await env.desk.db.query(`SELECT status, source, conversation_id FROM kb_article_questions WHERE article_id = $1 AND text = $2`, [articleId, question]);
      expect(accepted).toEqual({ status: 'accepted', source: 'usage', conversation_id: conversationId });
    } catch (err) {
      await shot(supervisor, 'kb-similar-supervisor-failed.png');
      await shot(agent, 'kb-similar-agent-failed.png');
      throw err;
    } finally {
      await agent.close();
      await supervisor.close();
    }
  });

});
