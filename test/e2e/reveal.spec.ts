import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

const DIR = join(OUTPUT_DIR, 'reveal');
const PHONE = '13812345678';

/** Issue 22: a receiver shows masked beside the chat; the agent shows it in full for a stated purpose, audited. */
describe('a receiver revealed for a purpose, in Chromium', () => {
  const env = withConsole();

  it('shows the receiver masked, and in full once the agent says why, with what is left of the quota', async () => {
    mkdirSync(DIR, { recursive: true });
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Reveal', { businessHours: null });
    const buyer = `reveal-${randomUUID().slice(0, 6)}`;
    const orderRef = `R${Date.now()}`;
    const raw = JSON.stringify({ orderRef, customer: { externalId: buyer }, items: [{ sku: 'SK-1', name: '真丝枕套', category: 'home', qty: 1, price: 129 }], paidAt: new Date().toISOString(), receiver: { name: '张三丰', phone: PHONE, address: '浙江省杭州市西湖区文三路 88 号' } });
    expect((await http(env.desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } })).status).toBe(202);
    const conversationId = (await signedInbound(env.desk.url, s.channel, inboundBody(`订单 ${orderRef} 寄到哪了?`, buyer))).body.conversationId as string;

    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
      await page.evaluate((c) => (window.location.hash = `#/c/${c}`), conversationId);
      const receiver = page.getByTestId('order-receiver');
      await receiver.waitFor({ timeout: 10000 });
      await expect(receiver.getByTestId('receiver-phone').textContent()).resolves.toBe('138****5678');
      expect(await page.content()).not.toContain(PHONE);

      await receiver.getByTestId('receiver-reveal').click();
      const purpose = receiver.getByTestId('receiver-purpose');
      await purpose.fill('核对');
      await expect(receiver.getByTestId('receiver-reveal-submit').isDisabled()).resolves.toBe(true); // a purpose of 4 characters at least
      await purpose.fill('核对地址');
      await purpose.press('Enter');
      await page.locator('[data-testid="order-receiver"][data-revealed="true"]').waitFor({ timeout: 5000 });
      await expect(receiver.getByTestId('receiver-phone').textContent()).resolves.toBe(PHONE);
      await expect(receiver.getByTestId('receiver-name').textContent()).resolves.toBe('张三丰');
      await expect(receiver.getByTestId('receiver-remaining').textContent()).resolves.toMatch(/今日还可查看 \d+ 次/);
      await page.screenshot({ path: join(DIR, 'revealed-zh.png') });

      // Audited: who, which order, why.
      const audit = await http(env.desk.url, 'GET', `/api/audit?action=customer`, { token: admin });
      const entry = audit.body.items.find((a: { details?: { orderRef?: string } }) => a.details?.orderRef === orderRef);
      expect(entry).toMatchObject({ actorId: s.agent.id, details: { orderRef, purpose: '核对地址' } });
    } finally {
      await context.close();
    }
  });
});
