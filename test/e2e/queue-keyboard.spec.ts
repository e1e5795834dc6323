import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

// Every category of the simulated catalogue is excluded: a no-reason return of any delivered order is refused by policy.
const EXCLUDED = ['apparel', 'shoes', 'electronics', 'home', 'beauty', 'food', 'underwear', 'customized'];

const CASES = [
  {
    locale: 'zh-CN',
    ask: '你好,衣服不想要了,可以七天无理由退货吗?',
    others: ['请问什么时候发货?', '发票怎么开?'],
    rejectReason: '该品类不支持无理由退货',
  },
  {
    locale: 'en-US',
    ask: "Hi, I don't want the jacket any more. Can I return it?",
    others: ['When will my parcel ship?', 'Can I get an invoice?'],
    rejectReason: 'This category cannot be returned without a reason',
  },
] as const;

/**
 * The agent's loop, keyboard only: take the most urgent chat of my queue, answer with the FAQ suggestion, open a ticket
 * from the order on screen (the policy judges that order), move it on, resolve and go to the next chat.
 */
describe('working the queue from the keyboard in Chromium', () => {
  const env = withConsole();

  it.each(CASES)('$locale', async ({ locale, ask, others, rejectReason }) => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const lang = locale.slice(0, 2);
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, `Queue ${lang}`, { businessHours: null, returnPolicy: { noReasonReturnDays: 30, excludedCategories: EXCLUDED } });

    // The most urgent chat: a buyer whose latest order is delivered (chats of the others are closed before the agent starts).
    let urgent = '';
    let order: { orderRef: string; deliveredAt: string | null } | undefined;
    for (let i = 0; i < 12 && !order?.deliveredAt; i++) {
      if (urgent) await http(env.desk.url, 'POST', `/api/conversations/${urgent}/status`, { token: admin, body: { status: 'resolved' } });
      urgent = (await signedInbound(env.desk.url, s.channel, inboundBody(ask, `kq-${lang}-${randomUUID().slice(0, 6)}`))).body.conversationId;
      order = (await http(env.desk.url, 'GET', `/api/conversations/${urgent}/orders`, { token: admin })).body.items[0];
    }
    expect(order?.deliveredAt).toEqual(expect.any(String));
    const later: string[] = [];
    for (const text of others) later.push((await signedInbound(env.desk.url, s.channel, inboundBody(text, `kq-${lang}-${randomUUID().slice(0, 6)}`))).body.conversationId);

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, locale });
    const page = await context.newPage();
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    // Online: the waiting chats are assigned to this agent, oldest (most urgent) first.
    await waitFor(async () => ((await http(env.desk.url, 'GET', `/api/conversations?assigneeId=${s.agent.id}&status=open`, { token: admin })).body.total === 3 ? true : undefined), 10000, 'three chats assigned');

    const keys: string[] = [];
    let typed = 0;
    const press = async (key: string) => {
      keys.push(key);
      await page.keyboard.press(key);
    };
    const focused = (testId: string) => page.evaluate((id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null || document.activeElement?.getAttribute('data-testid') === id, testId);

    // 1: my queue, most urgent first.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await press('1');
    const rows = page.getByTestId('inbox-list').getByTestId('inbox-item');
    await waitFor(async () => ((await rows.count()) === 3 ? true : undefined), 10000, 'the queue');
    expect(await rows.first().getAttribute('data-conversation-id')).toBe(urgent);

    // J puts the cursor on it, R opens it and goes to its reply box.
    await press('j');
    await press('r');
    await page.locator(`[data-testid="conversation-view"][data-conversation-id="${urgent}"]`).waitFor();
    await waitFor(() => focused('reply-input').then((f) => f || undefined), 5000, 'reply box focused');

    // Alt+1 puts the first FAQ suggestion in, Enter sends it.
    await page.getByTestId('kb-suggestions').getByTestId('kb-suggestion').first().waitFor({ timeout: 10000 });
    await press('Alt+Digit1');
    const answer = await page.getByTestId('reply-input').inputValue();
    expect(answer.length).toBeGreaterThan(10);
    await press('Enter');
    await page.getByTestId('thread').locator('[data-testid="message"][data-direction="outbound"]').first().waitFor({ timeout: 10000 });

    // Esc leaves the box, T opens a ticket: prefilled from the order on screen, which the policy judges.
    await press('Escape');
    await page.getByTestId('order-card').locator(`[data-testid="order"][data-order-ref="${order!.orderRef}"]`).waitFor({ timeout: 10000 });
    await press('t');
    const dialog = page.getByTestId('ticket-dialog');
    await dialog.getByTestId('ticket-dialog-reason').waitFor({ timeout: 10000 });
    await expect(dialog.getByTestId('ticket-dialog-order').textContent()).resolves.toBe(order!.orderRef);
    await dialog.locator('[data-testid="ticket-dialog-policy"][data-eligible="false"]').waitFor({ timeout: 10000 });
    await page.screenshot({ path: join(OUTPUT_DIR, `queue-ticket-dialog-${lang}.png`) });
    await waitFor(() => focused('ticket-dialog-reason').then((f) => f || undefined), 5000, 'reason focused');
    await press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10000 });

    // The new ticket has the focus on its first step; Tab to "reject" (the policy said no), Enter, the reason, Enter.
    const ticket = page.getByTestId('ticket-panel').getByTestId('ticket').first();
    await ticket.locator('[data-testid="ticket-status"][data-status="requested"]').waitFor({ timeout: 10000 });
    await waitFor(() => focused('ticket-action-approve').then((f) => f || undefined), 5000, 'first step focused');
    await press('Tab');
    expect(await focused('ticket-action-reject')).toBe(true);
    await press('Enter');
    await ticket.getByTestId('ticket-form').waitFor();
    await page.keyboard.type(rejectReason);
    typed += rejectReason.length;
    await press('Enter');
    await ticket.locator('[data-testid="ticket-status"][data-status="rejected"]').waitFor({ timeout: 10000 });
    await waitFor(() => page.evaluate(() => document.activeElement !== document.body || undefined), 5000, 'focus kept');

    // From the ticket card to the status menu (not counted in the loop above): measured in Shift+Tabs, then with S, which
    // opens it wherever the focus is; an arrow only moves in it (nothing saved), Esc closes it, the focus stays on it.
    const card = ticket.locator('.ticket__head');
    await card.focus();
    let shiftTabs = 0;
    while (!(await focused('status-select')) && shiftTabs < 60) {
      await page.keyboard.press('Shift+Tab');
      shiftTabs++;
    }
    expect(await focused('status-select')).toBe(true);
    // The side panel follows the header in the tab order: a few controls apart, not the thread and composer (20 before).
    expect(shiftTabs).toBeLessThanOrEqual(6);
    await card.focus();
    await page.keyboard.press('s');
    const status = page.getByTestId('status-select');
    await page.locator('[data-testid="status-select"][aria-expanded="true"]').waitFor();
    expect(await focused('status-select')).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(status.getAttribute('data-value')).resolves.toBe('open');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="status-select"][aria-expanded="false"]').waitFor();
    expect(await focused('status-select')).toBe(true);
    expect((await env.desk.db.query(`SELECT status FROM conversations WHERE id = $1`, [urgent]))[0].status).toBe('open');
    console.log(`[${locale}] ticket card -> status menu: ${shiftTabs} Shift+Tabs, or 1 key (S)`);

    // Shift+E resolves it and opens the next chat of the queue, ready to answer.
    await press('Shift+E');
    const next = page.locator(`[data-testid="conversation-view"][data-conversation-id="${later[0]}"]`);
    await next.waitFor({ timeout: 10000 });
    await waitFor(() => focused('reply-input').then((f) => f || undefined), 5000, 'next reply box focused');
    await page.screenshot({ path: join(OUTPUT_DIR, `queue-next-${lang}.png`) });

    // What the desk recorded.
    const [conv] = await env.desk.db.query(`SELECT status FROM conversations WHERE id = $1`, [urgent]);
    expect(conv.status).toBe('resolved');
    const [reply] = await env.desk.db.query(`SELECT body FROM messages WHERE conversation_id = $1 AND direction = 'outbound' AND ticket_id IS NULL ORDER BY created_at LIMIT 1`, [urgent]);
    expect(reply.body).toBe(answer);
    const [stored] = await env.desk.db.query(`SELECT order_ref, status, policy_decision FROM tickets WHERE conversation_id = $1`, [urgent]);
    expect(stored).toMatchObject({ order_ref: order!.orderRef, status: 'rejected', policy_decision: { eligible: false, rule: 'excluded_category' } });

    console.log(`[${locale}] keyboard only: ${keys.length} keystrokes (${keys.join(' ')}) + ${typed} characters of the rejection reason`);
    expect(keys.length).toBeLessThanOrEqual(12);

    // On a 720-px window the sidebar's shortcut list starts folded, so the stores and the footer fit; its heading opens it.
    const shortcuts = page.getByTestId('sidebar-shortcuts');
    expect(await shortcuts.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await shortcuts.locator('summary').click();
    await shortcuts.locator('.shortcuts__row').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.screenshot({ path: join(OUTPUT_DIR, `queue-shortcuts-open-${lang}.png`) });
    await context.close();
  });
});
