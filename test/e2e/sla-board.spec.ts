import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

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
});
