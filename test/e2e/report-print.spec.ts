import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/** Where the printed reports and their pages go (REPORT_PRINT_OUT=/tmp/x to look at them elsewhere). */
const DIR = process.env.REPORT_PRINT_OUT ?? join(OUTPUT_DIR, 'report-print');
const DAY = 86_400_000;
const AGENCY = '青禾电商服务 Qinghe Commerce';

const kettle = { sku: 'KT-1500-SS', name: '不锈钢电热水壶 1.5L', category: 'home', qty: 1, price: 159 };
const towels = { sku: 'TW-BATH-2', name: '纯棉浴巾两条装', category: 'home', qty: 1, price: 89 };
const mug = { sku: 'MUG-350', name: '陶瓷马克杯 350ml', category: 'home', qty: 2, price: 39 };
const shirt = { sku: 'TS-CTN-M', name: '纯棉短袖T恤 M 码', category: 'apparel', qty: 1, price: 79 };
const teaSet = { sku: 'TEA-GIFT-6', name: '白茶礼盒六件套', category: 'food', qty: 1, price: 399 };
const pan = { sku: 'PAN-28-NS', name: '不粘炒锅 28cm', category: 'home', qty: 1, price: 229 };

/** Tickets: [cause or null (not classified), item, carrier of its order, in the period before]. */
const SEED: [string | null, typeof kettle, string, boolean][] = [
  ['product_quality', kettle, '顺丰速运', false],
  ['product_quality', kettle, '顺丰速运', false],
  ['product_quality', kettle, '中通快递', false],
  ['product_quality', pan, '中通快递', false],
  ['product_quality', pan, '顺丰速运', false],
  ['logistics_delay', towels, '中通快递', false],
  ['logistics_delay', towels, '中通快递', false],
  ['logistics_delay', teaSet, '顺丰速运', false],
  ['logistics_delay', mug, '中通快递', false],
  ['shipping_damage', mug, '韵达快递', false],
  ['shipping_damage', mug, '韵达快递', false],
  ['shipping_damage', teaSet, '京东物流', false],
  ['size_fit', shirt, '顺丰速运', false],
  ['size_fit', shirt, '顺丰速运', false],
  ['not_as_described', pan, '京东物流', false],
  ['wrong_or_missing_item', teaSet, '顺丰速运', false],
  ['changed_mind', shirt, '中通快递', false],
  ['price_promotion', teaSet, '顺丰速运', false],
  [null, kettle, '顺丰速运', false],
  ['product_quality', kettle, '顺丰速运', true],
  ['product_quality', kettle, '顺丰速运', true],
  ['logistics_delay', towels, '中通快递', true],
  ['logistics_delay', towels, '韵达快递', true],
  ['logistics_delay', towels, '中通快递', true],
  ['logistics_delay', mug, '中通快递', true],
  ['logistics_delay', mug, '中通快递', true],
  ['shipping_damage', mug, '韵达快递', true],
  ['size_fit', shirt, '顺丰速运', true],
  ['changed_mind', shirt, '顺丰速运', true],
  ['service_experience', teaSet, '京东物流', true],
];

const ticketType = (cause: string | null) => (cause === 'changed_mind' || cause === 'size_fit' ? 'return' : cause === 'product_quality' ? 'quality_complaint' : cause === 'wrong_or_missing_item' ? 'exchange' : 'refund_only');

/** One printed page: how far down its ink reaches (0–1 of the page's height), how far right, and its text. */
interface PrintedPage {
  top: number;
  bottom: number;
  left: number;
  right: number;
  text: string;
}

/**
 * Issue 22: the client report printed from Chromium fits A4 — a few full pages, not five mostly empty ones — with every
 * part of the report in it, the agency's name on it and none of the console around it, for the agency and the brand,
 * in Chinese and English. The PDF is read back with poppler (pdfinfo, pdftoppm, pdftotext).
 */
describe('the client report, printed', () => {
  const env = withConsole();

  /** A store with a week of after-sales (causes, SKUs, carriers), chats answered and rated, and this week's report. */
  async function reportDesk(tag: string) {
    const url = env.desk.url;
    const admin = await login(url, 'admin@demo.kefu');
    const settings = await http(url, 'PATCH', '/api/settings', { token: admin, body: { agencyName: AGENCY, agencyLogo: await logoPng() } });
    expect(settings.status).toBe(200);
    const s = await storeWithAgent(url, admin, `山野茶舍旗舰店 ${tag}`, { businessHours: null, responseRule: { seconds: 30, window: null, nudgeSeconds: [] } });

    // Buyers' chats: answered, resolved and rated; one pre-sale question answered.
    const buyers = ['zhangwei', 'lina', 'wangqiang', 'liuyang', 'chenjing'].map((b) => `${b}-${tag}`);
    const conversations: string[] = [];
    for (const [i, buyer] of buyers.entries()) {
      const chat = await signedInbound(url, s.channel, { ...inboundBody(['收到的水壶漏水了', '快递一直没到', '杯子碎了一个', 'T恤尺码偏小', '礼盒少了一件'][i], buyer), customer: { externalId: buyer, name: `买家${i + 1}` } });
      expect(chat.status).toBe(202);
      conversations.push(chat.body.conversationId as string);
    }
    for (const [i, conversationId] of conversations.entries()) {
      expect((await http(url, 'POST', `/api/conversations/${conversationId}/messages`, { token: s.agentToken, body: { kind: 'reply', body: '您好，已为您登记售后，请留意进度。' } })).status).toBe(201);
      expect((await http(url, 'POST', `/api/conversations/${conversationId}/status`, { token: s.agentToken, body: { status: 'resolved' } })).status).toBeLessThan(300);
      expect((await signedInbound(url, s.channel, inboundBody(['5', '4', '2', '5', '3'][i], buyers[i]))).status).toBe(202);
    }
    const presale = await signedInbound(url, s.channel, inboundBody('请问白茶礼盒有现货吗？', `presale-${tag}`));
    expect((await http(url, 'POST', `/api/conversations/${presale.body.conversationId}/messages`, { token: s.agentToken, body: { kind: 'reply', body: '有现货，今天下单明天发。' } })).status).toBe(201);

    // The tickets, each on an order the platform reported with its carrier; those of the week before moved back 7 days.
    for (const [i, [cause, item, carrier, before]] of SEED.entries()) {
      const orderRef = `RP${tag}${String(i).padStart(3, '0')}`;
      const raw = JSON.stringify({ orderRef, customer: { externalId: buyers[i % buyers.length] }, items: [item], paidAt: new Date(Date.now() - 6 * DAY).toISOString(), shippedAt: new Date(Date.now() - 5 * DAY).toISOString(), carrier, trackingNumber: `SF${tag}${i}` });
      expect((await http(url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } })).status).toBe(202);
      const ticket = await http(url, 'POST', '/api/tickets', {
        token: s.agentToken,
        body: { conversationId: conversations[i % conversations.length], type: ticketType(cause), ...(cause ? { cause } : {}), customerReason: `售后工单 ${i + 1}`, orderRef, items: [item] },
      });
      expect([ticket.status, ticket.body.cause]).toEqual([201, cause ?? expect.any(String)]);
      // A ticket not classified yet (the desk guesses a cause for every new one): the report notes it apart.
      if (!cause) await env.desk.db.query(`UPDATE tickets SET cause = NULL WHERE id = $1`, [ticket.body.id]);
      if (before) await env.desk.db.query(`UPDATE tickets SET created_at = created_at - interval '7 days' WHERE id = $1`, [ticket.body.id]);
    }
    await env.desk.db.query('SELECT analytics_rebuild_rollups($1::uuid)', [s.store.id]);
    // The platform's waits are decided a moment after the replies: the report counts them once they are.
    await waitFor(async () => ((await http(url, 'GET', `/api/sla/response-rate?storeId=${s.store.id}`, { token: admin })).body.items?.[0]?.eligible ?? 0) >= buyers.length || undefined, 15000, 'the waits decided');

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    const report = await http(url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week&date=${today}`, { token: admin });
    expect(report.status).toBe(201);
    expect(report.body.content.carriers.length).toBeGreaterThan(1);
    expect(report.body.content.topSkus.length).toBeGreaterThan(4);
    // The month's report as well: a column a day, thirty of them, on the same page width.
    const month = await http(url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=month&date=${today}`, { token: admin });
    expect(month.status).toBe(201);
    return { admin, store: s.store, reportId: report.body.id as string, monthId: month.body.id as string };
  }

  /** The agency's logo: a small PNG drawn in the browser (the logo must be a PNG, JPEG or WebP data: URL). */
  async function logoPng(): Promise<string> {
    const page = await env.browser.newPage();
    try {
      return await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 96;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#1f7a5a';
        g.beginPath();
        g.roundRect(0, 0, 96, 96, 20);
        g.fill();
        g.fillStyle = '#fff';
        g.font = 'bold 54px sans-serif';
        g.textAlign = 'center';
        g.textBaseline = 'middle';
        g.fillText('QH', 48, 52);
        return canvas.toDataURL('image/png');
      });
    } finally {
      await page.close();
    }
  }

  /** The report on the screen at 1280×720: its top, then its service figures scrolled into view. */
  async function onScreen(page: Page, name: string) {
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(DIR, `${name}-1.png`) });
    await page.getByTestId('report-guard').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(DIR, `${name}-2.png`) });
  }

  /** The texts of the console around the report (navigation, toolbar, thread) that the report itself does not contain. */
  async function chromeTexts(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const report = (document.querySelector('[data-testid="report-page"]') as HTMLElement).innerText.replace(/\s+/g, '');
      const chrome = [...document.querySelectorAll<HTMLElement>('.sidebar a, .sidebar button, .report-toolbar a, .report-toolbar button, [data-testid="report-thread"] h2, [data-testid="report-thread"] button, [data-testid="report-comment"] .comment__body')];
      const texts = chrome.map((el) => el.innerText.replace(/\s+/g, '')).filter((x) => x.length >= 2);
      const placeholders = [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="report-thread"] textarea')].map((el) => el.placeholder.replace(/\s+/g, ''));
      return [...new Set([...texts, ...placeholders])].filter((x) => !report.includes(x));
    });
  }

  /** Under print media: the report's headings, and every text smaller than 12 px (9 pt) or wider than its box. */
  async function printedLayout(page: Page) {
    await page.emulateMedia({ media: 'print' });
    try {
      return await page.evaluate(() => {
        const root = document.querySelector('[data-testid="report-page"]') as HTMLElement;
        const headings = [...root.querySelectorAll<HTMLElement>('h1, h2, h3, figcaption, thead th')].filter((el) => !el.querySelector('.sr-only')).map((el) => el.innerText.replace(/\s+/g, '')).filter(Boolean);
        const small: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent!.trim() || el.closest('.sr-only')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 12) small.push(`${n.textContent!.trim().slice(0, 30)} (${size}px)`);
        }
        const overflowing = [...root.querySelectorAll<HTMLElement>('*')].filter((el) => !el.closest('.sr-only') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible').map((el) => el.className);
        return { headings, problems: [...[...new Set(small)].map((x) => `text under 9 pt: ${x}`), ...overflowing.map((x) => `wider than its box: ${x}`)] };
      });
    } finally {
      await page.emulateMedia({ media: null });
    }
  }

  /** Prints the page as Chromium does to A4, keeps the PDF and its page images, and reads each page's ink and text. */
  async function printed(page: Page, name: string): Promise<PrintedPage[]> {
    mkdirSync(DIR, { recursive: true });
    const pdf = join(DIR, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    for (const f of readdirSync(DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) rmSync(join(DIR, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(DIR, name)]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const work = mkdtempSync(join(tmpdir(), 'report-print-'));
    try {
      execFileSync('pdftoppm', ['-gray', '-r', '40', pdf, join(work, 'p')]);
      const images = readdirSync(work).filter((f) => f.endsWith('.pgm')).sort();
      expect(images.length).toBe(pages);
      return images.map((f, i) => ({ ...inkOf(readFileSync(join(work, f))), text: execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }) }));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  /** Where a page's ink is, from its grey image (a binary PGM): the first and last rows and columns darker than paper. */
  function inkOf(pgm: Buffer) {
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const data = pgm.subarray(header[0].length);
    let [top, bottom, left, right] = [height, -1, width, -1];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (data[y * width + x] < 235) {
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
    return { top: top / height, bottom: (bottom + 1) / height, left: left / width, right: (right + 1) / width };
  }

  /**
   * What every printed report must be: its pages full but the last (the ink reaches well down each page and each has a
   * fair share of the text), no more pages than its content needs, nothing past the page's edges, every heading and
   * figure in the text, the agency named, none of the console.
   */
  async function expectDocument(page: Page, name: string, expected: { headings: string[]; problems: string[]; chrome: string[]; mustRead: string[] }) {
    const pages = await printed(page, name);
    const squash = (s: string) => s.replace(/\s+/g, '');
    const texts = pages.map((p) => squash(p.text));
    const all = texts.join('');
    const summary = pages.map((p, i) => `page ${i + 1}: ink ${Math.round(p.top * 100)}–${Math.round(p.bottom * 100)}% down, ${Math.round(p.left * 100)}–${Math.round(p.right * 100)}% across, ${texts[i].length} chars`);
    const fullest = Math.max(...texts.map((t) => t.length));
    // Content height of each page as a share of an A4 page's printable height (the ink from the first page's top).
    const usable = 1 - 2 * pages[0].top;
    const used = pages.reduce((sum, p) => sum + (p.bottom - pages[0].top) / usable, 0);
    const problems = [
      ...expected.problems,
      ...pages.slice(0, -1).flatMap((p, i) => [
        ...(p.bottom < 0.66 ? [`page ${i + 1} is mostly empty: its ink stops ${Math.round(p.bottom * 100)}% down`] : []),
        ...(texts[i].length < 0.15 * fullest ? [`page ${i + 1} has ${texts[i].length} characters, under 15% of the fullest page's ${fullest}`] : []),
      ]),
      ...pages.slice(0, -1).flatMap((p, i) => {
        // The page's last line above its running footer (the agency, store and period; the page number).
        const lines = p.text.split('\n').map(squash).filter((l) => l && !l.includes(squash(AGENCY)) && !/^\d+\/\d+$/.test(l));
        const last = lines[lines.length - 1];
        return expected.headings.includes(last) ? [`page ${i + 1} ends with the heading “${last}”, away from what it heads`] : [];
      }),
      ...(pages.length > Math.ceil(used) ? [`${pages.length} pages for ${used.toFixed(2)} pages of content`] : []),
      ...pages.flatMap((p, i) => (p.left < 0.02 || p.right > 0.98 ? [`page ${i + 1} has ink at its edge (${Math.round(p.left * 100)}–${Math.round(p.right * 100)}% across): cut off`] : [])),
      ...expected.headings.filter((h) => !all.includes(squash(h))).map((h) => `heading missing from the PDF: ${h}`),
      ...expected.mustRead.filter((h) => !all.includes(squash(h))).map((h) => `missing from the PDF: ${h}`),
      ...expected.chrome.filter((c) => all.includes(c)).map((c) => `console text printed: ${c}`),
    ];
    expect({ name, summary, problems }).toEqual({ name, summary, problems: [] });
    return pages;
  }

  it.each(['zh-CN', 'en-US'])('prints the agency’s and the brand’s report on a few full A4 pages in %s', async (locale) => {
    const lang = locale.slice(0, 2);
    const tag = randomUUID().slice(0, 6);
    const d = await reportDesk(tag);
    const mustRead = [AGENCY, ...new Set(SEED.map(([, item]) => item.sku)), '顺丰速运', '中通快递', '韵达快递', '京东物流'];

    // The agency's report.
    const agency = await (await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale })).newPage();
    try {
      await signIn(agency, env.desk.url, 'admin@demo.kefu');
      await agency.evaluate((h) => (window.location.hash = h), `#/reports/${d.reportId}`);
      const report = agency.getByTestId('report-page');
      await report.waitFor({ timeout: 15000 });
      await report.getByTestId('report-agency').filter({ hasText: AGENCY }).waitFor();
      await report.locator('.report__agency-logo').waitFor();
      await expect(report.getAttribute('lang')).resolves.toBe(lang === 'zh' ? 'zh-CN' : 'en');
      await onScreen(agency, `screen-${lang}-agency`);
      const layout = await printedLayout(agency);
      const chrome = await chromeTexts(agency);
      // The toolbar's own words must be among those looked for.
      expect(chrome).toEqual(expect.arrayContaining([lang === 'zh' ? '打印' : 'Print', lang === 'zh' ? '重新生成' : 'Regenerate']));
      await expectDocument(agency, `${lang}-agency`, { ...layout, chrome, mustRead });

      await agency.evaluate((h) => (window.location.hash = h), `#/reports/${d.monthId}`);
      await agency.locator(`[data-testid="report-page"][data-report-id="${d.monthId}"]`).waitFor({ timeout: 15000 });
      await expect(agency.getByTestId('report-platform-day').count()).resolves.toBeGreaterThanOrEqual(28);
      await onScreen(agency, `screen-${lang}-agency-month`);
      const month = await printedLayout(agency);
      await expectDocument(agency, `${lang}-agency-month`, { ...month, chrome: await chromeTexts(agency), mustRead });
    } finally {
      await agency.context().close();
    }

    // The same report in the brand's portal, beside a thread with a comment in it.
    const email = `brand-${tag}@example.test`;
    const created = await http(env.desk.url, 'POST', '/api/users', { token: d.admin, body: { email, name: '品牌经理', role: 'client', storeIds: [d.store.id], languages: ['zh'], password: 'brand-pass-1' } });
    expect(created.status).toBe(201);
    const comment = await http(env.desk.url, 'POST', `/api/reports/${d.reportId}/comments`, { token: d.admin, body: { body: lang === 'zh' ? '本周水壶漏水集中在同一批次，已通知工厂排查。' : 'The leaking kettles this week are from one batch; the factory is checking it.' } });
    expect(comment.status).toBe(201);
    const brand = await (await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale })).newPage();
    try {
      await signIn(brand, env.desk.url, email, 'brand-pass-1');
      await brand.evaluate((h) => (window.location.hash = h), `#/portal/reports/${d.reportId}`);
      const report = brand.getByTestId('report-page');
      await report.waitFor({ timeout: 15000 });
      await report.getByTestId('report-agency').filter({ hasText: AGENCY }).waitFor();
      await brand.getByTestId('report-comment').first().waitFor();
      await onScreen(brand, `screen-${lang}-brand`);
      const layout = await printedLayout(brand);
      const chrome = await chromeTexts(brand);
      expect(chrome).toEqual(expect.arrayContaining([lang === 'zh' ? '打印/PDF' : 'Print/PDF', comment.body.body.replace(/\s+/g, '')]));
      await expectDocument(brand, `${lang}-brand`, { ...layout, chrome, mustRead });
    } finally {
      await brand.context().close();
    }
  });
});
