import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadChannels } from '../../apps/simulator/src/channels.js';
import { CustomerSimulator } from '../../apps/simulator/src/simulator.js';
import { DEMO_STORES } from '../../apps/server/src/seed/demo-data.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';

describe('console in Chromium', () => {
  const env = withConsole();

  it('logs in, sees a simulated customer message arrive live, replies, and sees the reply delivered', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, env.desk.url, 'agent1@demo.kefu');
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('小美');
    await page.getByTestId('inbox-list').waitFor();

    // A customer of a demo store writes, through the simulator and the signed webhook.
    // Other test files add stores of their own: write to a demo store that agent1 serves.
    const channels = (await loadChannels(env.desk.config.databaseUrl)).filter((c) => c.storeName === DEMO_STORES[3].name);
    const simulator = new CustomerSimulator({ baseUrl: env.desk.url, channels, rate: 1, duration: 0 });
    const text = `请问这件外套有没有 110 码? #${Date.now() % 100000}`;
    const sent = await simulator.sendOne({ text, lang: 'zh', customerId: 'e2e-buyer' });
    expect(sent.status).toBe(202);

    const row = page.getByTestId('inbox-item').filter({ hasText: text });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await row.waitFor({ timeout: 10000 }).catch(async (err) => {
      await page.screenshot({ path: join(OUTPUT_DIR, 'console-e2e-failed.png') });
      throw err;
    }); // no reload: it arrived over socket.io
    await expect(row.getAttribute('data-unread')).resolves.toBe('true');
    await row.click();
    const view = page.getByTestId('conversation-view');
    await view.waitFor();
    await page.getByTestId('thread').locator('[data-testid="message"][data-direction="inbound"]', { hasText: text }).waitFor();

    const reply = '您好!110 码有现货,今天下单明天发货哦~';
    await page.getByTestId('reply-input').fill(reply);
    await page.getByTestId('reply-input').press('Enter');
    const mine = page.getByTestId('thread').locator('[data-testid="message"][data-direction="outbound"]', { hasText: reply });
    await mine.waitFor({ timeout: 5000 });
    await page.locator('[data-testid="message"][data-direction="outbound"][data-delivery="delivered"]', { hasText: reply }).waitFor({ timeout: 10000 });
    await expect(page.getByTestId('reply-input').inputValue()).resolves.toBe('');

    const stored = await env.desk.db.query(`SELECT direction, delivery_status FROM messages WHERE body = $1`, [reply]);
    expect(stored).toEqual([{ direction: 'outbound', delivery_status: 'delivered' }]);

    await page.screenshot({ path: join(OUTPUT_DIR, 'console-e2e.png') });
  });
});
