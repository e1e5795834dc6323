import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Download, Page } from 'playwright-core';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

/** Where the screenshots, the PDF and its page as PNG go (STATEMENT_SHOTS=/tmp/x to look at them elsewhere). */
const DIR = process.env.STATEMENT_SHOTS ?? join(OUTPUT_DIR, 'statements');
const HOUR = 3_600_000;

/**
 * Issue 22, the agency's side: an admin sets a store's contract in the store editor (base fee, commission as a
 * percentage, attribution window, a promotion fee), and an analyst reads the month's statement on #/statements —
 * the attributed orders, a silent one left out, a refund deducted, the promotion fee — prints it to one A4 page and
 * downloads it as CSV.
 */
describe('the agency’s statements', () => {
  const env = withConsole();
  const go = (page: Page, hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
  const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));
  /** A downloaded CSV's lines, after checking it starts with the byte-order mark spreadsheets need to read UTF-8. */
  const csvLines = async (download: Download) => {
    const bytes = await buffer(await download.createReadStream());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return bytes.subarray(3).toString('utf8').split('\r\n');
  };

  it('lets an admin set a contract and an analyst read, print and download the month’s statement', async () => {
    mkdirSync(DIR, { recursive: true });
    const url = env.desk.url;
    const admin = await login(url, 'admin@demo.kefu');
    const s = await storeWithAgent(url, admin, '白茶旗舰店', { businessHours: null });
    // A store whose name a spreadsheet would take for a formula: its CSV must keep it text.
    const formula = await storeWithAgent(url, admin, '=1+2 茶具店', { businessHours: null });
    // The orders are paid an hour ago: the month is the one that hour falls in, in the store's time zone.
    const paidAt = new Date(Date.now() - HOUR);
    const month = DateTime.fromJSDate(paidAt, { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM');
    const previous = DateTime.fromJSDate(paidAt, { zone: 'Asia/Shanghai' }).minus({ months: 1 }).toFormat('yyyy-MM');

    // The admin: the store has no contract yet; a rate above 50 % is refused at its field; then the contract is saved.
    const adminPage = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    try {
      await signIn(adminPage, url, 'admin@demo.kefu');
      await go(adminPage, `#/admin/stores/${s.store.id}`);
      const panel = adminPage.getByTestId('contract-panel');
      await panel.getByTestId('contract-form').waitFor();
      await expect(panel.getByTestId('contract-state').textContent()).resolves.toContain('还没有合同');
      await panel.getByTestId('contract-base-fee').fill('5000');
      await panel.getByTestId('contract-commission').fill('60');
      await panel.getByTestId('contract-attribution-hours').fill('24');
      await panel.getByTestId('promotion-add').click();
      await panel.getByTestId('promotion-month-0').fill(month);
      await panel.getByTestId('promotion-amount-0').fill('1000');
      await panel.getByTestId('promotion-note-0').fill('双十一会场');
      // A second fee in the same month: one a month.
      await panel.getByTestId('promotion-add').click();
      await panel.getByTestId('promotion-month-1').fill(month);
      await panel.getByTestId('promotion-amount-1').fill('5');
      await panel.getByTestId('contract-save').click();
      await expect(panel.getByTestId('contract-notice').textContent()).resolves.toBe('有些内容需要修改，请查看标红的字段。');
      const commissionField = panel.locator('.form-field', { has: adminPage.getByTestId('contract-commission') });
      await expect(commissionField.getByTestId('field-error').textContent()).resolves.toBe('不能大于 50。');
      await expect(panel.getByTestId('promotion-1').getByTestId('field-error').textContent()).resolves.toBe('每月只能有一笔推广费用：这个月份重复了。');
      await adminPage.screenshot({ path: join(DIR, 'zh-01-contract-errors.png'), fullPage: true });
      expect((await http(url, 'GET', `/api/stores/${s.store.id}/contract`, { token: admin })).status).toBe(404);

      await panel.getByTestId('promotion-remove-1').click();
      await panel.getByTestId('contract-commission').fill('3.5');
      // What the server refuses is said at the field it names (the rate's at the percentage): one answer made up here.
      await adminPage.route('**/api/stores/*/contract', (route) =>
        route.request().method() === 'PUT'
          ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Invalid input', fields: { commissionRate: 'at most five decimals (a percentage to three)', 'promotionFees.0.amount': 'at most two decimals' } }) })
          : route.continue(),
      );
      await panel.getByTestId('contract-save').click();
      await expect(panel.getByTestId('contract-notice').textContent()).resolves.toBe('有些内容需要修改，请查看标红的字段。');
      await expect(commissionField.getByTestId('field-error').textContent()).resolves.toBe('最多三位小数（千分之一个百分点）。');
      await expect(panel.getByTestId('promotion-0').getByTestId('field-error').textContent()).resolves.toBe('最多两位小数。');
      await adminPage.unroute('**/api/stores/*/contract');
      await panel.getByTestId('contract-save').click();
      await expect(panel.getByTestId('contract-notice').textContent()).resolves.toBe('已保存。');
      const saved = await http(url, 'GET', `/api/stores/${s.store.id}/contract`, { token: admin });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ storeId: s.store.id, baseFeeMonthly: 5000, commissionRate: 0.035, attributionHours: 24, promotionFees: [{ month, amount: 1000, note: '双十一会场' }] });
      // Read back after a reload: the rate is said as the percentage it was typed as.
      await adminPage.reload();
      await panel.getByTestId('contract-form').waitFor();
      await expect(panel.getByTestId('contract-commission').inputValue()).resolves.toBe('3.5');
      await expect(panel.getByTestId('promotion-note-0').inputValue()).resolves.toBe('双十一会场');
      await panel.scrollIntoViewIfNeeded();
      await adminPage.screenshot({ path: join(DIR, 'zh-02-contract.png') });
      await adminPage.getByTestId('lang-switch').click();
      await adminPage.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
      await panel.getByText('Contract and fees').waitFor();
      await adminPage.screenshot({ path: join(DIR, 'en-02-contract.png') });
      await adminPage.getByTestId('lang-switch').click();
      await adminPage.locator('[data-testid="lang-switch"][data-lang="zh-CN"]').waitFor();
      // The audit log names it.
      await go(adminPage, '#/admin/audit');
      await adminPage.getByText(`设定了店铺 ${s.store.name} 的合同：每月 ¥5000，佣金 3.5%，归因 24 小时`).waitFor();
    } finally {
      await adminPage.context().close();
    }
    expect((await http(url, 'PUT', `/api/stores/${formula.store.id}/contract`, { token: admin, body: { baseFeeMonthly: 800, commissionRate: 0.1, attributionHours: 24 } })).status).toBe(200);

    // The month's orders: A and E after an answered pre-sale chat (E later partly refunded), B after a chat nobody
    // answered, C without asking.
    const tag = randomUUID().slice(0, 6);
    const ref = (k: string) => `ST${tag}${k}`;
    const buyer = (k: string) => `st-${tag}-${k}`;
    const chat = async (k: string, answered: boolean) => {
      const id = (await signedInbound(url, s.channel, inboundBody('这款白茶有礼盒装吗？', buyer(k)))).body.conversationId as string;
      if (answered) expect((await http(url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { kind: 'reply', body: '有的，礼盒装现货。' } })).status).toBe(201);
      await env.desk.db.query(`UPDATE conversations SET created_at = now() - interval '2 hours' WHERE id = $1`, [id]);
      return id;
    };
    const chatA = await chat('A', true);
    await chat('B', false);
    const chatE = await chat('E', true);
    for (const [k, price] of [['A', 200], ['B', 120], ['C', 80], ['E', 300]] as const) {
      const raw = JSON.stringify({ orderRef: ref(k), customer: { externalId: buyer(k) }, items: [{ sku: 'TEA-1', name: '白茶礼盒', category: 'tea', qty: 1, price }], paidAt: paidAt.toISOString() });
      expect((await http(url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } })).status).toBe(202);
    }
    // E comes back after the sale on another chat: a refund of 50 (the ticket's refunded amount, as its refund step records it).
    expect((await http(url, 'POST', `/api/conversations/${chatE}/status`, { token: s.agentToken, body: { status: 'resolved' } })).status).toBeLessThan(300);
    const afterSales = (await signedInbound(url, s.channel, inboundBody(`订单 ${ref('E')} 的礼盒压坏了`, buyer('E')))).body.conversationId;
    const ticket = await http(url, 'POST', '/api/tickets', { token: s.agentToken, body: { conversationId: afterSales, type: 'refund_only', customerReason: '礼盒压坏', orderRef: ref('E') } });
    expect(ticket.status).toBe(201);
    await env.desk.db.query(`UPDATE tickets SET refunded_amount = 50 WHERE id = $1`, [ticket.body.id]);

    // The analyst: Statements is in their sidebar; the month is in the address.
    const page = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })).newPage();
    try {
      await signIn(page, url, 'analyst@demo.kefu');
      await page.getByTestId('nav-statements').click();
      await page.getByTestId('statements-screen').waitFor();
      await go(page, `#/statements?month=${month}`);
      const card = page.locator(`[data-testid="statement"][data-store-id="${s.store.id}"]`);
      await card.waitFor();
      await page.locator(`[data-testid="statement"][data-store-id="${formula.store.id}"]`).waitFor();
      await expect(page.getByTestId('statement-month').textContent()).resolves.toBe(DateTime.fromISO(`${month}-01`).setLocale('zh-CN').toFormat('yyyy年M月'));
      // By hand: attributed sales 200 + 300 = 500, less the refund of 50 → 450; commission 450 × 3.5 % = 15.75;
      // total 5,000 + 15.75 + 1,000 (promotion) = 6,015.75. B (unanswered) and C (never asked) are not counted.
      await expect(card.getByTestId('fee-base').textContent()).resolves.toBe('¥5,000.00');
      await expect(card.getByTestId('fee-sales').textContent()).resolves.toBe('¥500.00');
      await expect(card.getByTestId('fee-refunds').textContent()).resolves.toBe('−¥50.00');
      await expect(card.getByTestId('fee-commission').textContent()).resolves.toBe('¥15.75');
      await expect(card.getByTestId('fee-promotion').textContent()).resolves.toBe('¥1,000.00');
      await expect(card.getByTestId('fee-total').textContent()).resolves.toBe('¥6,015.75');
      await expect(card.getByTestId('statement-status').textContent()).resolves.toBe('草稿');
      expect(await card.getByTestId('statement-order').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-ref')).sort())).toEqual([ref('A'), ref('E')]);
      await expect(card.locator(`[data-order-ref="${ref('E')}"]`).textContent()).resolves.toContain('−¥50.00');
      // Each order links to the conversation it is counted for.
      await expect(card.locator(`[data-order-ref="${ref('A')}"]`).getByTestId('statement-conversation').getAttribute('href')).resolves.toBe(`/#/c/${chatA}`);

      // [ and ] step through the months, in the address.
      await page.keyboard.press('[');
      await page.waitForFunction((m) => window.location.hash.includes(`month=${m}`), previous);
      await page.keyboard.press(']');
      await card.waitFor();
      expect(await hashOf(page)).not.toContain(`month=${previous}`);

      // One store: chosen in the filter, kept in the address.
      await page.getByTestId('statements-store').selectOption(s.store.id);
      await page.waitForFunction((id) => window.location.hash.includes(`store=${id}`), s.store.id);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="statement"]').length === 1);
      await card.waitFor();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(DIR, 'zh-03-statement.png') });

      // The CSV: the words in the reader's language, the figures to the cent, the two counted orders and no other.
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('statement-csv').click()]);
      expect(download.suggestedFilename()).toBe(`statement-${s.store.name.replace(/\s+/g, '_')}-${month}.csv`);
      const lines = await csvLines(download);
      expect(lines.slice(0, 12)).toEqual([`店铺,${s.store.name}`, `月份,${month}`, '状态,草稿', '', '基础服务费,5000.00', '服务带来的销售额,500.00', '减：这些订单的退款,50.00', '佣金比例,3.5%', '佣金（3.5%）,15.75', '推广费用,1000.00', '本月合计,6015.75', '']);
      expect(lines[13]).toBe('订单号,付款时间,实付,退款');
      expect(lines.slice(14).filter(Boolean).sort()).toEqual([`${ref('A')},${paidAt.toISOString()},200.00,0.00`, `${ref('E')},${paidAt.toISOString()},300.00,50.00`]);

      // Printed to PDF: the one store's statement alone, on exactly one A4 page.
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.sidebar', '[data-testid="statement-print"]', '[data-testid="statement-csv"]', '[data-testid="statements-store"]']) expect([hidden, await page.locator(hidden).isVisible()]).toEqual([hidden, false]);
      const pdf = join(DIR, 'zh-statement.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+1$/m);
      // A4 is 595.28 × 841.89 pt; Chromium rounds to its own pixel grid (595.92 × 842.88), which pdfinfo still calls A4.
      const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/m.exec(info) ?? [];
      expect([Math.abs(Number(width) - 595.28) < 2, Math.abs(Number(height) - 841.89) < 2]).toEqual([true, true]);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(DIR, 'zh-statement-page')]);
      // On paper it is headed by the agency (the desk's own name until an agency name is set up), and only on paper.
      const agency = (await page.getByTestId('report-agency').textContent())!.trim();
      expect(agency.length).toBeGreaterThan(0);
      expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain(agency);
      expect(await page.getByTestId('report-agency').isVisible()).toBe(false);

      // The store whose name starts like a formula: its CSV keeps the name as text.
      await page.getByTestId('statements-store').selectOption(formula.store.id);
      const other = page.locator(`[data-testid="statement"][data-store-id="${formula.store.id}"]`);
      await other.waitFor();
      const [formulaCsv] = await Promise.all([page.waitForEvent('download'), other.getByTestId('statement-csv').click()]);
      const formulaLines = await csvLines(formulaCsv);
      expect(formulaLines[0]).toBe(`店铺,'${formula.store.name}`);
      expect(formulaLines).toContain('本月合计,800.00');

      // In English: the same statement in the reader's words.
      await page.getByTestId('statements-store').selectOption(s.store.id);
      await card.waitFor();
      await page.getByTestId('lang-switch').click();
      await page.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
      await expect(card.getByTestId('fee-total').textContent()).resolves.toBe('CN¥6,015.75');
      await expect(card.getByTestId('statement-status').textContent()).resolves.toBe('Draft');
      await expect(page.getByTestId('statement-month').textContent()).resolves.toBe(DateTime.fromISO(`${month}-01`).setLocale('en').toFormat('MMMM yyyy'));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(DIR, 'en-03-statement.png') });
      const [enCsv] = await Promise.all([page.waitForEvent('download'), card.getByTestId('statement-csv').click()]);
      expect(await csvLines(enCsv)).toContain('Total for the month,6015.75');
      await page.getByTestId('statements-store').selectOption('');
      // Every store with a contract (other test files' stores too, when they share the run's database), both of these among them.
      await page.locator(`[data-testid="statement"][data-store-id="${formula.store.id}"]`).waitFor();
      await card.waitFor();
      const shown = await page.getByTestId('statement').count();
      await expect(page.getByTestId('statements-summary').textContent()).resolves.toMatch(new RegExp(`^${shown} stores · CN¥[\\d,]+\\.\\d\\d in all$`));
      await page.screenshot({ path: join(DIR, 'en-04-statements.png') });
    } finally {
      await page.context().close();
    }
  });

  it('is for analysts and admins only: a supervisor has no such screen', async () => {
    const page = await (await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
    try {
      await signIn(page, env.desk.url, 'supervisor@demo.kefu');
      await page.getByTestId('nav-analytics').waitFor();
      expect(await page.getByTestId('nav-statements').count()).toBe(0);
      await go(page, '#/statements');
      await page.waitForFunction(() => window.location.hash === '#/');
      expect(await page.getByTestId('statements-screen').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});
