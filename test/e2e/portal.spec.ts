import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/** Where the portal's screenshots go (PORTAL_SHOTS=/tmp/shots-portal to look at them elsewhere). */
const DIR = process.env.PORTAL_SHOTS ?? join(OUTPUT_DIR, 'portal');

/**
 * Issue 22, the brand's side: a `client` user made by an admin for one store signs in to the portal — their store
 * only, its figures, a report whose thread reaches the agency live (and back), the month's statement, conversations
 * with the buyer masked and read only — and can reach none of the agents' screens.
 */
describe('the brand portal', () => {
  const env = withConsole();

  /** A store of the brand with a contract, an answered pre-sale chat whose buyer then paid, a ticket and a report; another store beside it. */
  async function brandDesk(tag: string) {
    const url = env.desk.url;
    const admin = await login(url, 'admin@demo.kefu');
    const mine = await storeWithAgent(url, admin, `品牌旗舰店 ${tag}`, { businessHours: null });
    const other = await storeWithAgent(url, admin, `别家店 ${tag}`, { businessHours: null });
    const month = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');
    const contract = await http(url, 'PUT', `/api/stores/${mine.store.id}/contract`, { token: admin, body: { baseFeeMonthly: 5000, commissionRate: 0.05, attributionHours: 48, promotionFees: [{ month, amount: 800, note: '大促会场' }] } });
    expect(contract.status).toBe(200);

    const buyer = `wangfang-${tag}`;
    const chat = await signedInbound(url, mine.channel, { ...inboundBody('你好，我的电话是 13812345678，这款礼盒还有货吗？', buyer), customer: { externalId: buyer, name: '王芳' } });
    const conversationId = chat.body.conversationId as string;
    expect((await http(url, 'POST', `/api/conversations/${conversationId}/messages`, { token: mine.agentToken, body: { kind: 'reply', body: '有的，今天下单明天发货。' } })).status).toBe(201);
    expect((await http(url, 'POST', `/api/conversations/${conversationId}/messages`, { token: mine.agentToken, body: { kind: 'note', body: 'INTERNAL-NOTE 这位顾客上次投诉过' } })).status).toBe(201);
    // The pre-sale chat two hours before the order: the statement counts the order.
    await env.desk.db.query(`UPDATE conversations SET created_at = now() - interval '2 hours' WHERE id = $1`, [conversationId]);
    const orderRef = `P${tag}01`;
    const raw = JSON.stringify({ orderRef, customer: { externalId: buyer }, items: [{ sku: 'GIFT-1', name: '白茶礼盒', category: 'tea', qty: 1, price: 399 }], paidAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await http(url, 'POST', `/api/channels/${mine.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(mine.channel.secret, raw) } })).status).toBe(202);
    // An after-sales chat of another buyer, with its ticket (a chat with a ticket is not pre-sale: it stays out of the commission).
    const afterSales = (await signedInbound(url, mine.channel, { ...inboundBody('收到的礼盒压坏了', `lilei-${tag}`), customer: { externalId: `lilei-${tag}`, name: '李雷' } })).body.conversationId as string;
    const ticket = await http(url, 'POST', '/api/tickets', { token: admin, body: { conversationId: afterSales, type: 'quality_complaint', customerReason: '礼盒压坏了' } });
    expect(ticket.status).toBe(201);
    await signedInbound(url, other.channel, inboundBody('OTHER-STORE 在吗', `other-${tag}`));
    const report = await http(url, 'POST', `/api/reports/stores/${mine.store.id}/generate?period=week`, { token: admin });
    expect(report.status).toBe(201);
    await http(url, 'POST', `/api/reports/stores/${other.store.id}/generate?period=week`, { token: admin });
    return { admin, mine, other, conversationId, afterSales, orderRef, reportId: report.body.id as string, month };
  }

  /** The brand's user, made through the API and invited: they set their password from the link in the browser. */
  async function brandUser(page: Page, admin: string, storeId: string, tag: string) {
    const email = `brand-${tag}@example.test`;
    const created = await http(env.desk.url, 'POST', '/api/users', { token: admin, body: { email, name: '品牌经理', role: 'client', storeIds: [storeId], languages: ['zh'] } });
    expect(created.status).toBe(201);
    const invitation = await http(env.desk.url, 'POST', `/api/users/${created.body.id}/invitation`, { token: admin, body: {} });
    expect(invitation.status).toBe(201);
    await page.goto(`${env.desk.url}/${invitation.body.path}`);
    await page.getByTestId('invitation-password').fill('brand-pass-1');
    await page.getByTestId('invitation-repeat').fill('brand-pass-1');
    await page.getByTestId('invitation-submit').click();
    await page.getByTestId('invitation-to-login').click();
    await signIn(page, env.desk.url, email, 'brand-pass-1');
    return { email, id: created.body.id as string };
  }

  const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
  const go = async (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

  it('shows a client their store only, their report thread live both ways, the statement and masked conversations, and never the inbox', async () => {
    const tag = randomUUID().slice(0, 6);
    const d = await brandDesk(tag);
    const page = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    const agency = await deskSocket(env.desk.url, await login(env.desk.url, 'supervisor@demo.kefu'));
    // The portal asks only what a client may read: no call of it is refused.
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(`${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    try {
      await brandUser(page, d.admin, d.mine.store.id, tag);

      // Signed in, the brand lands in the portal: their one store, the portal's sections and none of the agents'.
      await page.getByTestId('portal-overview').waitFor();
      expect(await hashOf(page)).toBe('#/portal');
      expect(await page.getByTestId('portal-stores').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-store-id')))).toEqual([d.mine.store.id]);
      for (const section of ['overview', 'reports', 'statement', 'conversations']) expect(await page.getByTestId(`portal-nav-${section}`).count()).toBe(1);
      for (const agents of ['view-queue', 'nav-tickets', 'nav-analytics', 'nav-sla-board', 'status-switch']) expect(await page.getByTestId(agents).count()).toBe(0);
      await page.getByTestId('portal-promise').waitFor();
      await expect(page.getByTestId('portal-promise').textContent()).resolves.toContain('15 分钟');
      await page.getByTestId('portal-causes').getByTestId('pareto-row').first().waitFor({ timeout: 15000 });

      // The reports: theirs only; a comment reaches the agency live and is stored; the agency's answer comes back live.
      await page.getByTestId('portal-nav-reports').click();
      await page.getByTestId('portal-report-row').first().waitFor();
      expect(await page.getByTestId('portal-report-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-store-id')))).toEqual([d.mine.store.id]);
      // By keyboard: j to the first row, Enter opens it.
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.getByTestId('report-page').waitFor();
      expect(await page.getByTestId('report-page').getAttribute('data-report-id')).toBe(d.reportId);
      await page.getByTestId('report-thread').getByText('还没有留言').waitFor();
      const question = `品质投诉为什么增加了？${tag}`;
      await page.getByTestId('comment-input').fill(question);
      await page.getByTestId('comment-input').press('Control+Enter');
      await page.getByTestId('report-comment').filter({ hasText: question }).waitFor();
      expect(await page.getByTestId('comment-input').inputValue()).toBe('');
      const heard = await waitFor(() => agency.events.find((e) => e.name === 'report.commented' && e.payload.body === question), 5000, 'the agency hears the brand');
      expect(heard.payload).toMatchObject({ reportId: d.reportId, storeId: d.mine.store.id, authorRole: 'client', authorName: '品牌经理' });
      const stored = await http(env.desk.url, 'GET', `/api/reports/${d.reportId}/comments`, { token: d.admin });
      expect(stored.body.items.map((c: { body: string }) => c.body)).toEqual([question]);
      const answer = `礼盒包装已加固，下周起生效。${tag}`;
      expect((await http(env.desk.url, 'POST', `/api/reports/${d.reportId}/comments`, { token: d.admin, body: { body: answer } })).status).toBe(201);
      await page.locator('[data-testid="report-comment"][data-author-role="admin"]').filter({ hasText: answer }).waitFor();
      // Each comment once, though the brand's own came both as the answer and over the socket.
      expect(await page.getByTestId('report-comment').count()).toBe(2);

      // The statement: the month's fees and the attributed order.
      await page.getByTestId('portal-nav-statement').click();
      await page.getByTestId('statement').waitFor();
      expect(await page.getByTestId('statement').evaluateAll((cards) => cards.map((c) => [c.getAttribute('data-store-id'), c.getAttribute('data-status')]))).toEqual([[d.mine.store.id, 'draft']]);
      await expect(page.getByTestId('fee-base').textContent()).resolves.toBe('¥5,000.00');
      await expect(page.getByTestId('fee-sales').textContent()).resolves.toBe('¥399.00');
      await expect(page.getByTestId('fee-promotion').textContent()).resolves.toBe('¥800.00');
      // 5,000 + 399 × 5 % + 800.
      await expect(page.getByTestId('fee-total').textContent()).resolves.toBe('¥5,819.95');
      await expect(page.getByTestId('statement-order').textContent()).resolves.toContain(d.orderRef);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-csv').click()]);
      expect(csv.suggestedFilename()).toBe(`statement-${d.mine.store.name.replace(/\s+/g, '_')}-${d.month}.csv`);
      const lines = (await text(await csv.createReadStream())).split('\r\n');
      expect(lines).toEqual(expect.arrayContaining(['本月合计,5819.95', '基础服务费,5000.00', expect.stringMatching(new RegExp(`^${d.orderRef},.*,399.00,0.00$`))]));

      // Conversations: their store's only, the buyer masked, no internal note, nothing to answer with.
      await page.getByTestId('portal-nav-conversations').click();
      await page.getByTestId('portal-conversation-row').first().waitFor();
      await waitFor(async () => ((await page.getByTestId('portal-conversation-row').count()) === 2 ? true : undefined), 5000, 'both chats of the store');
      expect((await page.getByTestId('portal-conversation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')))).sort()).toEqual([d.conversationId, d.afterSales].sort());
      const row = page.locator(`[data-testid="portal-conversation-row"][data-conversation-id="${d.conversationId}"]`);
      await expect(row.getByTestId('portal-conversation-name').textContent()).resolves.toBe('王*');
      await row.click();
      await page.getByTestId('portal-conversation').getByTestId('message').first().waitFor();
      await expect(page.getByTestId('portal-conversation-customer').textContent()).resolves.toBe('王*');
      const thread = (await page.getByTestId('thread').textContent()) ?? '';
      expect(thread).toContain('138****5678');
      expect(thread).toContain('今天下单明天发货');
      for (const hidden of ['王芳', '13812345678', 'INTERNAL-NOTE', 'OTHER-STORE']) expect(thread).not.toContain(hidden);
      expect(await page.getByTestId('portal-conversation').locator('textarea, [data-testid="reply-input"], [data-testid="status-select"]').count()).toBe(0);

      // Every agents' screen sends them back to the portal.
      for (const agentsScreen of ['#/', `#/c/${d.conversationId}`, '#/tickets', '#/analytics', '#/admin/people', '#/no-such-screen']) {
        await go(page, agentsScreen);
        await page.waitForFunction(() => window.location.hash === '#/portal');
        await page.getByTestId('portal-overview').waitFor();
        expect(await page.getByTestId('inbox-list').count()).toBe(0);
      }
      expect(refused).toEqual([]);
    } finally {
      agency.socket.close();
      await page.context().close();
    }
  });

  it('lets an admin invite a brand user from the People screen, stores required, and keeps the agency out of the portal', async () => {
    const tag = randomUUID().slice(0, 6);
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, `邀请店 ${tag}`);
    const page = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    try {
      await signIn(page, env.desk.url, 'admin@demo.kefu');
      // The portal is not the agency's: an admin sent there lands in the inbox.
      await go(page, '#/portal/statement');
      await page.waitForFunction(() => window.location.hash === '#/');
      expect(await page.getByTestId('portal').count()).toBe(0);

      await go(page, '#/admin/people');
      await page.getByTestId('person-new').click();
      const email = `brand-ui-${tag}@example.test`;
      await page.getByTestId('person-email').fill(email);
      await page.getByTestId('person-name').fill('品牌运营');
      await page.getByTestId('person-role').selectOption('client');
      await expect(page.getByTestId('person-role').locator('option[value="client"]').textContent()).resolves.toBe('品牌方');
      await page.getByTestId('person-client-hint').waitFor();
      expect(await page.getByTestId('person-capacity').count()).toBe(0);
      await page.getByTestId('person-save').click();
      await page.getByTestId('person-dialog').getByText('请选择品牌方的店铺。').waitFor();
      mkdirSync(DIR, { recursive: true });
      await page.screenshot({ path: join(DIR, 'zh-07-people-client.png') });
      await page.getByTestId(`person-store-${s.store.name}`).check();
      await page.getByTestId('person-save').click();
      const link = await page.getByTestId('invitation-link').inputValue();
      expect(link).toMatch(/#\/invite\//);
      const users = await http(env.desk.url, 'GET', '/api/users', { token: admin });
      expect(users.body.items.find((u: { email: string }) => u.email === email)).toMatchObject({ role: 'client', storeIds: [s.store.id] });
      await page.getByTestId('invitation-close').click();
      await expect(page.getByTestId(`person-${email}`).textContent()).resolves.toContain('品牌方');

      // The invited brand user sets a password from the link and lands in the portal.
      const brand = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
      await brand.goto(link.replace(/^https?:\/\/[^/]+/, env.desk.url));
      await brand.getByTestId('invitation-password').fill('brand-ui-pass');
      await brand.getByTestId('invitation-repeat').fill('brand-ui-pass');
      await brand.getByTestId('invitation-submit').click();
      await brand.getByTestId('invitation-to-login').click();
      await signIn(brand, env.desk.url, email, 'brand-ui-pass');
      await brand.getByTestId('portal-overview').waitFor();
      await brand.context().close();
    } finally {
      await page.context().close();
    }
  });

  it.each(['zh-CN', 'en-US'])('looks right in %s at 1440×900 (screenshots)', async (locale) => {
    mkdirSync(DIR, { recursive: true });
    const lang = locale.slice(0, 2);
    const tag = randomUUID().slice(0, 6);
    const d = await brandDesk(tag);
    const page = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale })).newPage();
    try {
      await brandUser(page, d.admin, d.mine.store.id, tag);
      await http(env.desk.url, 'POST', `/api/reports/${d.reportId}/comments`, { token: d.admin, body: { body: lang === 'zh' ? '本周退货主要集中在礼盒破损，已和仓库沟通加固包装。' : 'Most returns this week were crushed gift boxes; the warehouse now packs them with more padding.' } });
      const shot = async (name: string) => {
        await page.mouse.move(0, 0);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(DIR, `${lang}-${name}.png`) });
      };
      await page.getByTestId('portal-causes').getByTestId('pareto-row').first().waitFor({ timeout: 15000 });
      await shot('01-overview');
      await page.getByTestId('pareto-row').first().locator('button').click();
      await page.getByTestId('portal-cause-ticket').first().waitFor();
      await shot('02-cause-tickets');
      await page.keyboard.press('Escape');
      await page.getByTestId('portal-nav-reports').click();
      await page.getByTestId('portal-report-row').first().waitFor();
      await shot('03-reports');
      await page.getByTestId('portal-report-row').first().click();
      await page.getByTestId('report-comment').first().waitFor();
      await page.getByTestId('comment-input').fill(lang === 'zh' ? '好的，谢谢。下个月的促销需要提前备货吗？' : 'Thanks. Should we stock up before next month’s promotion?');
      await shot('04-report');
      // Printed, the report is the document alone: no sidebar, no toolbar, no thread.
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.sidebar', '.report-toolbar', '[data-testid="report-thread"]']) expect([hidden, await page.locator(hidden).isVisible()]).toEqual([hidden, false]);
      await page.screenshot({ path: join(DIR, `${lang}-04b-report-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('portal-nav-statement').click();
      await page.getByTestId('statement').waitFor();
      await shot('05-statement');
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.sidebar', '[data-testid="statement-print"]', '[data-testid="statement-csv"]']) expect([hidden, await page.locator(hidden).isVisible()]).toEqual([hidden, false]);
      expect(await page.getByTestId('fee-total').isVisible()).toBe(true);
      await page.screenshot({ path: join(DIR, `${lang}-05b-statement-print.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByTestId('portal-nav-conversations').click();
      await page.getByTestId('portal-conversation-row').first().click();
      await page.getByTestId('portal-conversation').getByTestId('message').first().waitFor();
      await shot('06-conversation');
    } finally {
      await page.context().close();
    }
  });
});
