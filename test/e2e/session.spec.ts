// Issue 13, items 1 and 2 in the console: the access token only in memory, the session restored
// from the refresh cookie, a revoked token renewed by one refresh (HTTP and socket alike), logout.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChannelWithSecret, Store, User } from '@kefu/contracts';
import { signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound } from '../support/client.js';

describe('console session', () => {
  const env = withConsole();

  async function agentWithStore() {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const tag = randomUUID().slice(0, 6);
    const store = async (name: string) => {
      const s = (await http<Store>(env.desk.url, 'POST', '/api/stores', { token: admin, body: { name: `${name} ${tag}`, platform: 'tmall', businessHours: null } })).body;
      const c = (await http<ChannelWithSecret>(env.desk.url, 'POST', `/api/stores/${s.id}/channels`, { token: admin, body: { kind: 'marketplace_chat', name: 'chat' } })).body;
      return { store: s, channel: c };
    };
    const first = await store('Session first');
    const email = `session-${tag}@example.test`;
    const agent = (await http<User>(env.desk.url, 'POST', '/api/users', { token: admin, body: { email, name: `Session ${tag}`, password: 'session-pass-1', role: 'agent', storeIds: [first.store.id], languages: ['zh', 'en'] } })).body;
    return { admin, email, agent, first, store };
  }

  it('keeps the access token in memory only, restores the session from the httpOnly cookie on reload, and logs out for good', async () => {
    const { email } = await agentWithStore();
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await signIn(page, env.desk.url, email, 'session-pass-1');
      const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
      expect(stored).not.toMatch(/eyJ/); // no JWT in web storage
      const [cookie, ...others] = (await context.cookies()).filter((c) => c.name === 'kefu_refresh');
      expect(others).toEqual([]);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
      expect(await page.evaluate(() => document.cookie)).not.toContain('kefu_refresh');

      await page.reload();
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
      await expect(page.getByTestId('current-user').textContent()).resolves.toContain('Session');

      await page.getByTestId('logout').click();
      await page.getByTestId('login-email').waitFor();
      await page.reload();
      await page.getByTestId('login-email').waitFor();
      expect((await context.cookies()).filter((c) => c.name === 'kefu_refresh')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("works on after the agent's stores change (one refresh), live on the new store, and returns to the login form when deactivated", async () => {
    const { admin, email, agent, store } = await agentWithStore();
    const second = await store('Session second');
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await signIn(page, env.desk.url, email, 'session-pass-1');
      await page.getByTestId('inbox-list').waitFor();

      // The server closes the console's socket and refuses its old token; the console refreshes,
      // reconnects with the new rooms and keeps calling the API without a login.
      expect((await http(env.desk.url, 'PATCH', `/api/users/${agent.id}`, { token: admin, body: { storeIds: [second.store.id] } })).status).toBe(200);
      await page.waitForTimeout(300);
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
      const text = `New store, new room #${randomUUID().slice(0, 6)}`;
      expect((await signedInbound(env.desk.url, second.channel, inboundBody(text, 'session-buyer'))).status).toBe(202);
      const row = page.getByTestId('inbox-item').filter({ hasText: text });
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      await page.getByTestId('thread').locator('[data-testid="message"][data-direction="inbound"]', { hasText: text }).waitFor();
      expect(await page.getByTestId('login-email').count()).toBe(0);

      expect((await http(env.desk.url, 'PATCH', `/api/users/${agent.id}`, { token: admin, body: { active: false } })).status).toBe(200);
      await page.getByTestId('login-email').waitFor({ timeout: 5_000 });
    } finally {
      await context.close();
    }
  });
});
