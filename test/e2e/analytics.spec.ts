import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

const DAY = 86_400_000;
/** Today in the store's timezone (the default, Asia/Shanghai), as the charts key their days. */
const shanghaiDate = (at: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

const kettle = { sku: 'KT-1500-SS', name: '不锈钢电热水壶 1.5L', category: 'home', qty: 1, price: 159 };
const towels = { sku: 'TW-BATH-2', name: '纯棉浴巾两条装', category: 'home', qty: 1, price: 89 };
const mug = { sku: 'MUG-350', name: '陶瓷马克杯 350ml', category: 'home', qty: 2, price: 39 };
const shirt = { sku: 'TS-CTN-M', name: '纯棉短袖T恤', category: 'apparel', qty: 1, price: 79 };

/** Tickets of known causes: [cause, item, days ago]. The three of today about the kettle are the ones drilled into. */
const SEED: [string, typeof kettle, number][] = [
  ['product_quality', kettle, 0],
  ['product_quality', kettle, 0],
  ['product_quality', kettle, 0],
  ['product_quality', kettle, 8],
  ['product_quality', kettle, 8],
  ['logistics_delay', towels, 2],
  ['logistics_delay', towels, 5],
  ['logistics_delay', towels, 12],
  ['shipping_damage', mug, 3],
  ['shipping_damage', mug, 9],
  ['size_fit', shirt, 1],
  ['size_fit', shirt, 15],
  ['changed_mind', shirt, 6],
  ['not_as_described', mug, 4],
];

describe('analysts’ desk and client reports in Chromium', () => {
  const env = withConsole();

  const shot = async (page: Page, name: string) => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, name) });
  };
  /** The whole screen, scrolled parts included: the desk's panes scroll inside a fixed-height window. */
  const fullShot = async (page: Page, name: string) => {
    // A constructed stylesheet, not a <style> tag: the console's Content-Security-Policy refuses inline styles.
    const unclip = '.desk { height: auto !important; overflow: visible !important; } .desk > main { overflow: visible !important; }';
    const toggle = (css: string | null) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css ?? '');
      document.adoptedStyleSheets = css === null ? [] : [sheet];
    };
    await page.evaluate(toggle, unclip);
    await page.screenshot({ path: join(OUTPUT_DIR, name), fullPage: true });
    await page.evaluate(toggle, null);
  };

  it('drills from a bar into exactly its tickets, opens one, and reads the store’s report in both languages', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, '分析测试店', { businessHours: null });

    // Three customers, each with a chat, and the tickets opened from those chats with an explicit cause.
    const conversations: string[] = [];
    for (const buyer of ['buyer-a', 'buyer-b', 'buyer-c']) {
      const inbound = await signedInbound(env.desk.url, s.channel, inboundBody('你好，我买的东西有问题', buyer));
      expect(inbound.status).toBe(202);
      conversations.push(inbound.body.conversationId as string);
    }
    const tickets: { id: string; cause: string; sku: string; daysAgo: number; conversationId: string }[] = [];
    for (const [i, [cause, item, daysAgo]] of SEED.entries()) {
      const conversationId = conversations[i % conversations.length];
      const r = await http(env.desk.url, 'POST', '/api/tickets', {
        token: s.agentToken,
        body: {
          conversationId,
          type: cause === 'changed_mind' || cause === 'size_fit' ? 'return' : cause === 'product_quality' ? 'quality_complaint' : 'refund_only',
          cause,
          customerReason: `测试工单 ${i + 1}`,
          orderRef: `AN-${1000 + i}`,
          orderedAt: new Date(Date.now() - (daysAgo + 6) * DAY).toISOString(),
          deliveredAt: new Date(Date.now() - (daysAgo + 2) * DAY).toISOString(),
          items: [item],
        },
      });
      expect(r.status).toBe(201);
      expect(r.body.cause).toBe(cause);
      tickets.push({ id: r.body.id, cause, sku: item.sku, daysAgo, conversationId });
    }
    // The agent answers each chat and resolves it; the customers rate it (one badly), which the CSAT card counts.
    for (const [i, conversationId] of conversations.entries()) {
      const reply = await http(env.desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: s.agentToken, body: { body: '您好，已为您登记售后，请留意进度。', kind: 'reply' } });
      expect(reply.status).toBe(201);
      const resolved = await http(env.desk.url, 'POST', `/api/conversations/${conversationId}/status`, { token: s.agentToken, body: { status: 'resolved' } });
      expect(resolved.status).toBeLessThan(300);
      const rated = await signedInbound(env.desk.url, s.channel, inboundBody(['5', '2', '4'][i], ['buyer-a', 'buyer-b', 'buyer-c'][i]));
      expect(rated.status).toBe(202);
    }
    // A pre-sale question, answered: the conversion card counts it.
    const presale = await signedInbound(env.desk.url, s.channel, inboundBody('请问这个水壶有现货吗？', 'buyer-d'));
    await http(env.desk.url, 'POST', `/api/conversations/${presale.body.conversationId}/messages`, { token: s.agentToken, body: { body: '有现货，今天下单明天发。', kind: 'reply' } });

    // Spread them over the last weeks (as if opened then), and let the rollups recount the store.
    for (const t of tickets.filter((x) => x.daysAgo > 0)) {
      await env.desk.db.query(`UPDATE tickets SET created_at = created_at - make_interval(days => $2) WHERE id = $1`, [t.id, t.daysAgo]);
    }
    await env.desk.db.query('SELECT analytics_rebuild_rollups($1::uuid)', [s.store.id]);

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, env.desk.url, 'analyst@demo.kefu');
    // Analysts land on their desk, not the inbox.
    await page.getByTestId('analytics-screen').waitFor();
    expect(new URL(page.url()).hash).toBe('#/analytics');
    await expect(page.getByTestId('nav-analytics').getAttribute('aria-current')).resolves.toBe('page');

    // The filters: this store, the last 30 days, a bar per day.
    const filters = page.getByTestId('analytics-filters');
    await filters.getByTestId('analytics-store').selectOption(s.store.id);
    await filters.getByTestId('analytics-period').selectOption('last30');
    await filters.getByTestId('analytics-group-day').click();
    await page.getByTestId('figure-tickets').filter({ hasText: String(SEED.length) }).waitFor({ timeout: 10000 });

    const today = shanghaiDate(Date.now());
    const timeline = page.getByTestId('cause-chart');
    const todaysQuality = timeline.locator(`[data-testid="cause-bar"][data-cause="product_quality"][data-row-id="${today}"]`);
    await todaysQuality.waitFor({ timeout: 10000 });
    await expect(todaysQuality.getAttribute('data-count')).resolves.toBe('3');
    // Every cause seeded shows on the chart over time, in its colour.
    for (const cause of new Set(SEED.map(([c]) => c))) {
      await expect(timeline.locator(`[data-testid="cause-bar"][data-cause="${cause}"]`).count()).resolves.toBeGreaterThan(0);
    }
    // Pareto: product quality (5) and logistics (3) are the vital few... with shipping damage (2) making it past 80 %.
    const pareto = page.getByTestId('pareto');
    await expect(pareto.locator('[data-testid="pareto-row"]').first().getAttribute('data-cause')).resolves.toBe('product_quality');
    await expect(pareto.locator('[data-testid="pareto-row"][data-cause="product_quality"]').getAttribute('data-vital')).resolves.toBe('true');
    await expect(pareto.locator('[data-testid="pareto-row"][data-cause="changed_mind"]').getAttribute('data-vital')).resolves.toBe('false');
    await page.getByTestId('csat-card').getByTestId('csat-average').filter({ hasText: '3.67' }).waitFor({ timeout: 10000 });
    await page.getByTestId('conversion-card').waitFor();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-zh.png');
    await fullShot(page, 'analytics-full-zh.png');
    // No exchange was seeded: the screen says so and offers the ways out.
    await filters.getByTestId('analytics-type').selectOption('exchange');
    await page.getByTestId('analytics-empty').waitFor({ timeout: 10000 });
    await page.waitForTimeout(250); // the stale figures fade back in
    await shot(page, 'analytics-empty-zh.png');
    // The filters are in the address (a link shows the same figures); back and forward step through them.
    const hash = () => new URL(page.url()).hash;
    expect(hash()).toContain(`store=${s.store.id}`);
    expect(hash()).toContain('type=exchange');
    await page.getByTestId('analytics-empty').getByRole('button', { name: '全部工单类型' }).click();
    await todaysQuality.waitFor({ timeout: 10000 });
    expect(hash()).not.toContain('type=');
    await page.goBack();
    await page.getByTestId('analytics-empty').waitFor({ timeout: 10000 });
    await expect(filters.getByTestId('analytics-type').inputValue()).resolves.toBe('exchange');
    await page.goForward();
    await todaysQuality.waitFor({ timeout: 10000 });
    await expect(filters.getByTestId('analytics-type').inputValue()).resolves.toBe('');

    // One request per filter change, and only for what depends on it: weekly bars ask for the breakdown by week alone.
    const asked: string[] = [];
    const record = (r: { url(): string }) => {
      if (r.url().includes('/api/analytics/') || r.url().includes('/api/reports')) asked.push(r.url());
    };
    page.on('request', record);
    await filters.getByTestId('analytics-group-week').click();
    const monday = (() => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    })();
    await timeline.locator(`[data-testid="cause-bar"][data-row-id="${monday}"]`).first().waitFor({ timeout: 10000 });
    await page.waitForTimeout(300);
    page.off('request', record);
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0]).pathname).toBe('/api/analytics/causes');
    expect(new URL(asked[0]).searchParams.get('groupBy')).toBe('week');
    await filters.getByTestId('analytics-group-day').click();
    await todaysQuality.waitFor({ timeout: 10000 });

    // Drill-down: today's product-quality bar lists exactly its three tickets.
    await todaysQuality.click();
    const drill = page.getByTestId('drilldown');
    await drill.waitFor();
    const rows = drill.getByTestId('drilldown-row');
    await rows.first().waitFor({ timeout: 10000 });
    const expected = tickets.filter((t) => t.cause === 'product_quality' && t.daysAgo === 0).map((t) => t.id);
    const shown = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-ticket-id')));
    expect(shown.sort()).toEqual([...expected].sort());
    await shot(page, 'analytics-drilldown-zh.png');
    // Esc closes it.
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });

    // By SKU: the kettle's product-quality bar is its five tickets, from today and eight days ago.
    const kettleBar = page.getByTestId('sku-chart').locator(`[data-testid="cause-bar"][data-cause="product_quality"][data-row-id="${s.store.id}/${kettle.sku}"]`);
    await expect(kettleBar.getAttribute('data-count')).resolves.toBe('5');
    await kettleBar.click();
    await drill.getByTestId('drilldown-row').first().waitFor({ timeout: 10000 });
    const kettleIds = tickets.filter((t) => t.sku === kettle.sku).map((t) => t.id);
    expect((await drill.getByTestId('drilldown-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-ticket-id')))).sort()).toEqual([...kettleIds].sort());
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });

    // The keyboard reaches a bar too: the chart is one tab stop, arrows move, Enter drills, Esc closes.
    await timeline.focus();
    await page.keyboard.press('End');
    await expect(timeline.locator('[data-testid="cause-bar"]:focus').count()).resolves.toBe(1);
    await page.keyboard.press('Enter');
    await drill.getByTestId('drilldown-row').first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });
    // `/` goes to the filter bar.
    await page.keyboard.press('/');
    await expect(page.getByTestId('analytics-store').evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // A row opens its conversation with the ticket in view; Back returns to the same analysis.
    await todaysQuality.click();
    const first = drill.getByTestId('drilldown-row').first();
    await first.waitFor({ timeout: 10000 });
    const ticketId = (await first.getAttribute('data-ticket-id'))!;
    const conversationId = tickets.find((t) => t.id === ticketId)!.conversationId;
    await first.click();
    await page.locator(`[data-testid="conversation-view"][data-conversation-id="${conversationId}"]`).waitFor({ timeout: 10000 });
    expect(new URL(page.url()).hash).toBe(`#/c/${conversationId}/t/${ticketId}`);
    await page.goBack();
    await page.getByTestId('analytics-screen').waitFor();
    await expect(page.getByTestId('analytics-store').inputValue()).resolves.toBe(s.store.id);
    await todaysQuality.waitFor({ timeout: 10000 });

    // The same in English.
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
    await page.getByTestId('analytics-screen').getByText('Causes over time').waitFor();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-en.png');
    await fullShot(page, 'analytics-full-en.png');
    await todaysQuality.click();
    await drill.getByTestId('drilldown-row').first().waitFor({ timeout: 10000 });
    await shot(page, 'analytics-drilldown-en.png');
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'detached' });
    // Every store: the chart by store appears, this store among them.
    await page.getByTestId('analytics-store').selectOption('');
    await page.getByTestId('store-chart').locator(`[data-testid="cause-bar"][data-row-id="${s.store.id}"]`).first().waitFor({ timeout: 10000 });
    await page.mouse.move(0, 0);
    await fullShot(page, 'analytics-all-stores-en.png');
    await page.getByTestId('analytics-store').selectOption(s.store.id);

    // An export is a CSV download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analytics-export-causes').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    // Reports: generate this week's report of the store, then read it.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    await page.getByTestId('report-generate-store').selectOption(s.store.id);
    await page.getByTestId('report-generate-period').selectOption('week');
    await page.getByTestId('report-generate-which').selectOption('current');
    await page.getByTestId('report-generate').click();
    const report = page.getByTestId('report-page');
    await report.waitFor({ timeout: 15000 });
    await expect(report.getByTestId('report-finding').count()).resolves.toBe(3);
    await expect(report.getByTestId('report-findings').textContent()).resolves.toMatch(/[a-z]/i);
    await page.getByTestId('report-print').waitFor();
    await shot(page, 'report-en.png');
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="zh-CN"]').waitFor();
    await expect(report.getByTestId('report-findings').textContent()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await shot(page, 'report-zh.png');
    await fullShot(page, 'report-full-zh.png');
    // Printed: the report alone, on A4.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('report-print').isVisible()).resolves.toBe(false);
    await page.pdf({ path: join(OUTPUT_DIR, 'report-zh.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    // The list shows it, filtered by the store.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    const storeFilter = page.getByTestId('reports-filter-store');
    const periodFilter = page.getByTestId('reports-filter-period');
    const list = page.getByTestId('reports-list');
    await storeFilter.selectOption(s.store.id);
    const reportRow = list.locator(`[data-testid="report-row"][data-store-id="${s.store.id}"][data-period="week"]`);
    await reportRow.waitFor({ timeout: 10000 });
    await expect(list.locator(`[data-testid="report-row"]:not([data-store-id="${s.store.id}"])`).count()).resolves.toBe(0);
    // The filters are in the address: a link, a reload and Back keep them (nothing is kept in localStorage).
    await waitFor(async () => (hash().includes(`store=${s.store.id}`) || undefined), 5000, 'the store in the address');
    await periodFilter.selectOption('month');
    await list.getByText('没有符合筛选条件的报告。').waitFor({ timeout: 10000 });
    await waitFor(async () => (hash().includes('period=month') || undefined), 5000, 'the period in the address');
    expect(hash()).toContain(`store=${s.store.id}`);
    await page.reload();
    await list.getByText('没有符合筛选条件的报告。').waitFor({ timeout: 15000 });
    await expect(storeFilter.inputValue()).resolves.toBe(s.store.id);
    await expect(periodFilter.inputValue()).resolves.toBe('month');
    expect(hash()).toContain('period=month');
    await expect(page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kefu.reportFilters')))).resolves.toEqual([]);
    await page.goBack();
    await reportRow.waitFor({ timeout: 10000 });
    await expect(periodFilter.inputValue()).resolves.toBe('');
    await expect(storeFilter.inputValue()).resolves.toBe(s.store.id);
    expect(hash()).not.toContain('period=');
    // A link to the filtered list opens it so (other test files' stores may have monthly reports: this store has none).
    await page.getByTestId('nav-analytics').click();
    await page.getByTestId('analytics-screen').waitFor();
    await page.goto(`${env.desk.url}/#/reports?period=month&store=${s.store.id}`);
    await list.getByText('没有符合筛选条件的报告。').waitFor({ timeout: 15000 });
    await expect(periodFilter.inputValue()).resolves.toBe('month');
    await expect(storeFilter.inputValue()).resolves.toBe(s.store.id);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await reportRow.waitFor({ timeout: 10000 });
    expect(hash()).not.toContain('period=');
    await shot(page, 'reports-list-zh.png');
    await context.close();
  });

  it('shows the platform response rate of a 3-second rule by day, agent and store, and in the store’s report', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, '响应率测试店', { businessHours: null, responseRule: { seconds: 3, window: null, nudgeSeconds: [] } });
    // One wait answered at once, one left unanswered past the 3 s.
    const answered = await signedInbound(env.desk.url, s.channel, inboundBody('在吗？', 'rate-a'));
    const reply = await http(env.desk.url, 'POST', `/api/conversations/${answered.body.conversationId}/messages`, { token: s.agentToken, body: { body: '在的，请讲。', kind: 'reply' } });
    expect(reply.status).toBe(201);
    const unanswered = await signedInbound(env.desk.url, s.channel, inboundBody('有人吗？', 'rate-b'));
    expect(unanswered.status).toBe(202);
    const analyst = await login(env.desk.url, 'analyst@demo.kefu');
    // The figures on screen are read once: wait until the server has decided both waits.
    await waitFor(
      async () => (await http(env.desk.url, 'GET', `/api/sla/response-rate?storeId=${s.store.id}`, { token: analyst })).body.items?.[0]?.eligible === 2 || undefined,
      15000,
      'both waits decided',
    );

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.desk.url, 'analyst@demo.kefu');
    await page.getByTestId('analytics-screen').waitFor();
    await page.getByTestId('analytics-store').selectOption(s.store.id);
    const card = page.getByTestId('platform-response-card');
    // One store: its days (by store says nothing), today at 50 % in red.
    await expect(card.getByTestId('platform-by-store').isDisabled()).resolves.toBe(true);
    await card.getByTestId('platform-rate').filter({ hasText: '50%' }).waitFor({ timeout: 10000 });
    await expect(card.getByTestId('platform-rate').textContent()).resolves.toContain('达标 1 / 2');
    await expect(card.getByTestId('platform-missed').textContent()).resolves.toContain('1');
    await expect(card.getByText('≤ 3 秒').count()).resolves.toBe(1);
    const today = card.locator(`[data-testid="platform-rate-bar"][data-bucket="${shanghaiDate(Date.now())}"]`);
    await expect(today.getAttribute('data-rate')).resolves.toBe('0.5');
    await expect(today.getAttribute('data-tone')).resolves.toBe('red');
    await expect(card.locator('[data-testid="platform-rate-bar"]').count()).resolves.toBe(1);
    await card.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-platform-zh.png');

    // By agent: the agent who answered met the rule; the wait nobody had is the miss.
    await card.getByTestId('platform-by-agent').click();
    const row = (key: string) => card.locator(`[data-testid="platform-rate-row"][data-key="${key}"]`);
    await row(s.agent.id).waitFor({ timeout: 10000 });
    await expect(row(s.agent.id).getByTestId('platform-rate-value').textContent()).resolves.toBe('100%');
    await expect(row('none').getByTestId('platform-rate-value').textContent()).resolves.toBe('0%');
    await expect(row('none').getAttribute('data-tone')).resolves.toBe('red');

    // Every store, by store: this store's row at 50 %.
    await page.getByTestId('analytics-store').selectOption('');
    await card.getByTestId('platform-by-store').click();
    await row(s.store.id).waitFor({ timeout: 10000 });
    await expect(row(s.store.id).getByTestId('platform-rate-value').textContent()).resolves.toBe('50%');
    await expect(row(s.store.id).textContent()).resolves.toContain('≤ 3 秒');
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
    await card.getByText('Platform response rate').waitFor();
    await card.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shot(page, 'analytics-platform-en.png');

    // The store's report of this week: the rate, its rule and today's column.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-screen').waitFor();
    await page.getByTestId('report-generate-store').selectOption(s.store.id);
    await page.getByTestId('report-generate-period').selectOption('week');
    await page.getByTestId('report-generate-which').selectOption('current');
    await page.getByTestId('report-generate').click();
    const platform = page.getByTestId('report-page').getByTestId('report-platform');
    await platform.waitFor({ timeout: 15000 });
    await expect(platform.getByTestId('report-platform-rate').textContent()).resolves.toBe('50%');
    await expect(platform.getByTestId('report-platform-met').textContent()).resolves.toBe('1 of 2 waits');
    await expect(platform.getByTestId('report-platform-rule').textContent()).resolves.toBe('reply within 3 s');
    await expect(platform.locator('[data-testid="report-platform-day"]').count()).resolves.toBe(7);
    await expect(platform.locator(`[data-testid="report-platform-day"][data-day="${shanghaiDate(Date.now())}"]`).getAttribute('data-rate')).resolves.toBe('0.5');
    await platform.scrollIntoViewIfNeeded();
    await shot(page, 'report-platform-en.png');
    await fullShot(page, 'report-platform-full-en.png');
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="zh-CN"]').waitFor();
    await expect(platform.getByTestId('report-platform-met').textContent()).resolves.toBe('2 个等待中 1 个');
    await expect(platform.getByTestId('report-platform-rule').textContent()).resolves.toBe('3 秒内回复');
    await shot(page, 'report-platform-zh.png');
    await fullShot(page, 'report-platform-full-zh.png');
    await context.close();
  });
});
