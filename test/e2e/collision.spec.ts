import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

describe('two agents on one chat, in Chromium', () => {
  const env = withConsole();

  async function openConsole(email: string, password: string): Promise<Page> {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, env.desk.url, email, password);
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();
    return page;
  }

  it('shows who is typing, and asks before a colleague takes the chat over', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Collision', { businessHours: null });
    const second = (
      await http(env.desk.url, 'POST', '/api/users', {
        token: admin,
        body: { email: `second-${s.agent.id.slice(0, 6)}@example.test`, name: 'Second Agent', password: 'agent-pass-2', role: 'agent', storeIds: [s.store.id], languages: ['en', 'zh'] },
      })
    ).body;
    const first = await openConsole(s.agent.email, 'agent-pass-1');
    const other = await openConsole(second.email, 'agent-pass-2');

    const text = 'Hi, is the oak table in stock?';
    const inbound = await signedInbound(env.desk.url, s.channel, inboundBody(text, 'buyer-collide'));
    const id = inbound.body.conversationId as string;
    const [{ assignee_id: ownerId }] = await env.desk.db.query(`SELECT assignee_id FROM conversations WHERE id = $1`, [id]);
    expect([s.agent.id, second.id]).toContain(ownerId);
    const [owner, taker, takerName, ownerName] = ownerId === s.agent.id ? [first, other, 'Second Agent', s.agent.name] : [other, first, s.agent.name, 'Second Agent'];

    for (const page of [owner, taker]) await page.locator(`[data-testid="inbox-item"][data-conversation-id="${id}"]`).click();
    await owner.getByTestId('reply-input').pressSequentially('Let me check');
    await expect(taker.getByTestId('activity-indicator').textContent()).resolves.toBeTruthy();
    await taker.getByTestId('activity-indicator').filter({ hasText: ownerName }).waitFor({ timeout: 5000 });

    const reply = 'Yes, it ships tomorrow.';
    await taker.getByTestId('reply-input').fill(reply);
    await taker.getByTestId('reply-input').press('Enter');
    await taker.getByTestId('takeover-dialog').waitFor({ timeout: 5000 });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await taker.screenshot({ path: join(OUTPUT_DIR, 'takeover-dialog.png') });
    expect((await env.desk.db.query(`SELECT count(*)::int n FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [id]))[0].n).toBe(0);
    await taker.getByTestId('takeover-confirm').click();
    await taker.locator('[data-testid="message"][data-direction="outbound"]', { hasText: reply }).waitFor({ timeout: 5000 });
    const [{ assignee_id: now }] = await env.desk.db.query(`SELECT assignee_id FROM conversations WHERE id = $1`, [id]);
    expect(now).not.toBe(ownerId);
    // The former owner sees the reply and the new assignee live.
    await owner.locator('[data-testid="message"][data-direction="outbound"]', { hasText: reply }).waitFor({ timeout: 5000 });
    await owner.getByTestId('conversation-view').filter({ hasText: takerName }).waitFor({ timeout: 5000 });
  });
});
