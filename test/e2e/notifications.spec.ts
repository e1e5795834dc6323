import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';
import { recordNotifications, recorded } from '../support/notifications.js';

describe('notifications, the title badge and the offline bar in Chromium', () => {
  const env = withConsole();

  it('tells of a chat assigned to me and of a breach, counts my waiting chats in the title, and can be muted', async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Notify', { businessHours: null, slaPolicy: { firstResponseSeconds: 4, nextResponseSeconds: 4, warnBeforeSeconds: 2 } });
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    await recordNotifications(context, 'default');
    const page = await context.newPage();
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();
    // History is not news: nothing waits, the title has no count.
    await expect(page.title()).resolves.not.toMatch(/^\(/);

    // The permission is asked once, at the first key, never again (not after a reload either).
    await page.keyboard.press('Shift');
    await waitFor(async () => ((await recorded(page)).asked === 1 ? true : undefined), 3000, 'permission asked');
    await page.reload();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    await page.keyboard.press('Shift');
    await page.mouse.click(640, 400);
    expect((await recorded(page)).asked).toBe(0); // a fresh page: its counter restarted, and nothing asked again

    // A customer writes: the chat is assigned to me, a notification and a tone tell me; the title counts it.
    const first = (await signedInbound(env.desk.url, s.channel, inboundBody('Where is my parcel?', `n-${randomUUID().slice(0, 6)}`))).body.conversationId as string;
    const assigned = await waitFor(async () => (await recorded(page)).notifications.find((n) => n.tag === `assigned:${first}`), 10000, 'assigned notification');
    expect(assigned.body).toContain('Where is my parcel?');
    expect((await recorded(page)).tones).toBeGreaterThan(0);
    await waitFor(async () => ((await page.title()).startsWith('(1) ') ? true : undefined), 5000, 'title badge (1)');

    // Its clock runs out: a warning, then a breach.
    await waitFor(async () => (await recorded(page)).notifications.find((n) => n.tag === `warning:${first}`), 10000, 'warning notification');
    await waitFor(async () => (await recorded(page)).notifications.find((n) => n.tag === `breached:${first}`), 10000, 'breach notification');
    await page.screenshot({ path: join(OUTPUT_DIR, 'notify-breached-en.png') });

    // Answering it takes it off the count.
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${first}"]`).click();
    await page.getByTestId('reply-input').fill('It left the warehouse this morning.');
    await page.getByTestId('reply-input').press('Enter');
    await waitFor(async () => (!(await page.title()).startsWith('(') ? true : undefined), 5000, 'title badge cleared');

    // Muted: the next chat is counted but not announced.
    await page.getByTestId('notify-mute').click();
    await expect(page.getByTestId('notify-mute').getAttribute('aria-pressed')).resolves.toBe('true');
    const before = (await recorded(page)).notifications.length;
    const second = (await signedInbound(env.desk.url, s.channel, inboundBody('Hello?', `n-${randomUUID().slice(0, 6)}`))).body.conversationId as string;
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${second}"]`).waitFor({ timeout: 10000 });
    await waitFor(async () => ((await page.title()).startsWith('(1) ') ? true : undefined), 5000, 'title badge (1) again');
    await page.waitForTimeout(500);
    expect((await recorded(page)).notifications.length).toBe(before);

    // The count is the server's, not a page of the list: 51 more waiting chats of mine make 52 (the list pages by 50).
    for (let i = 0; i < 51; i++) {
      const id = (await signedInbound(env.desk.url, s.channel, inboundBody(`Question ${i}`, `n-many-${i}-${randomUUID().slice(0, 6)}`))).body.conversationId as string;
      expect((await http(env.desk.url, 'POST', `/api/conversations/${id}/assign`, { token: admin, body: { assigneeId: s.agent.id } })).status).toBe(201);
    }
    await waitFor(async () => ((await page.title()).startsWith('(52) ') ? true : undefined), 10000, 'title badge (52)');
    await context.close();
  });

  it('shows an offline bar while the connection is down and says what arrived meanwhile', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Offline', { businessHours: null });
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();
    const known = (await signedInbound(env.desk.url, s.channel, inboundBody('在吗', `o-${randomUUID().slice(0, 6)}`))).body.conversationId as string;
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${known}"]`).waitFor({ timeout: 10000 });

    // The network goes; the server drops the socket; the console cannot reconnect.
    await context.setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    const { DeskGateway } = await import('../../apps/server/src/desk-live/desk.gateway.js');
    const nsp = (env.desk.api.get(DeskGateway) as unknown as { nsp: { disconnectSockets(close?: boolean): void } }).nsp;
    nsp.disconnectSockets(true);
    const bar = page.locator('[data-testid="offline-bar"][data-state="offline"]');
    await bar.waitFor({ timeout: 10000 });
    await expect(bar.textContent()).resolves.toContain('已离线');
    await page.screenshot({ path: join(OUTPUT_DIR, 'offline-bar-zh.png') });

    // Meanwhile: the known customer writes again, and a new chat comes (assigned to me: I am still online, within grace).
    await signedInbound(env.desk.url, s.channel, inboundBody('还有一个问题', (await http(env.desk.url, 'GET', `/api/conversations/${known}`, { token: admin })).body.customer.externalId));
    const fresh = (await signedInbound(env.desk.url, s.channel, inboundBody('你好,我想换货', `o-${randomUUID().slice(0, 6)}`))).body.conversationId as string;
    await waitFor(async () => ((await http(env.desk.url, 'GET', `/api/conversations/${fresh}`, { token: admin })).body.assigneeId === s.agent.id ? true : undefined), 10000, 'new chat assigned');

    // Back: everything is read again (no reload) and the bar says what is new.
    await context.setOffline(false);
    const back = page.locator('[data-testid="offline-bar"][data-state="back"]');
    await back.waitFor({ timeout: 20000 });
    const missed = await back.getByTestId('offline-missed').textContent();
    expect(missed).toContain('1 个新会话分配给你');
    expect(missed).toContain('1 个会话有新消息');
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${fresh}"]`).waitFor();
    await page.screenshot({ path: join(OUTPUT_DIR, 'offline-back-zh.png') });
    await context.close();
  });
});
