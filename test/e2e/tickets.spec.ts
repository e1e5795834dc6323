import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUTPUT_DIR, signIn, withConsole } from '../support/browser.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

describe('after-sales tickets in Chromium', () => {
  const env = withConsole();

  const shot = async (page: Page, name: string) => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(OUTPUT_DIR, name) });
  };

  it('opens a return from a chat in one click, approves it, and sees the customer update delivered', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    // Windows wide enough that whatever the simulated platform says about the delivery, the return is within policy.
    const s = await storeWithAgent(env.desk.url, admin, '退货测试店', {
      businessHours: null,
      returnPolicy: { noReasonReturnDays: 30, qualityReturnDays: 30, qualityExchangeDays: 30, excludedCategories: [] },
    });
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();

    const orderRef = '2026112712345';
    const text = `你好，订单号 ${orderRef} 的东西我不想要了，我要退货`;
    const inbound = await signedInbound(env.desk.url, s.channel, inboundBody(text, 'buyer-return', { orderRef }));
    expect(inbound.status).toBe(202);
    const conversationId = inbound.body.conversationId as string;

    const row = page.locator(`[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`);
    await row.waitFor({ timeout: 10000 }).catch(async (err) => {
      await shot(page, 'tickets-e2e-failed.png');
      throw err;
    });
    await row.click();
    const panel = page.getByTestId('ticket-panel');
    await panel.waitFor();
    await page.getByTestId('order-card').locator(`[data-testid="order"][data-order-ref="${orderRef}"]`).waitFor({ timeout: 10000 });

    // One click: the dialog comes prefilled from the order and the customer's words.
    await page.getByTestId('ticket-open').click();
    const dialog = page.getByTestId('ticket-dialog');
    await dialog.waitFor();
    const reason = dialog.getByTestId('ticket-dialog-reason');
    await reason.waitFor({ timeout: 10000 });
    await expect(reason.inputValue()).resolves.toContain('退货');
    await expect(dialog.locator('[data-testid="ticket-type-return"] input').isChecked()).resolves.toBe(true);
    await expect(dialog.getByTestId('ticket-dialog-order').textContent()).resolves.toBe(orderRef);
    await expect(dialog.getByTestId('ticket-dialog-items').locator('li').count()).resolves.toBeGreaterThan(0);
    await dialog.locator('[data-testid="ticket-dialog-policy"][data-eligible="true"]').waitFor();
    await shot(page, 'tickets-dialog-zh.png');

    // The preview follows the type; back to a return, and Enter opens it.
    await dialog.getByTestId('ticket-type-exchange').click();
    await dialog.getByTestId('ticket-dialog-policy').waitFor();
    await dialog.getByTestId('ticket-type-return').click();
    await reason.focus();
    await reason.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10000 });

    const ticket = panel.getByTestId('ticket').first();
    await ticket.locator('[data-testid="ticket-status"][data-status="requested"]').waitFor({ timeout: 5000 });
    const ticketId = (await ticket.getAttribute('data-ticket-id'))!;
    const [stored] = await env.desk.db.query(`SELECT type, status, order_ref FROM tickets WHERE id = $1`, [ticketId]);
    expect(stored).toEqual({ type: 'return', status: 'requested', order_ref: orderRef });

    // Approve: the status moves, the timeline tells it, and the customer's update is delivered into the thread.
    await ticket.getByTestId('ticket-action-approve').click();
    await ticket.locator('[data-testid="ticket-status"][data-status="approved"]').waitFor({ timeout: 5000 });
    await ticket.getByTestId('ticket-timeline').locator('[data-testid="ticket-event"][data-kind="approve"]').waitFor({ timeout: 5000 });
    const update = page.getByTestId('thread').locator(`[data-testid="message"][data-direction="outbound"][data-ticket-id="${ticketId}"][data-delivery="delivered"]`, { hasText: '审核通过' });
    await update.waitFor({ timeout: 10000 });
    await expect(ticket.getByTestId('ticket-action-request_return').isVisible()).resolves.toBe(true);
    const [approved] = await env.desk.db.query(`SELECT status FROM tickets WHERE id = $1`, [ticketId]);
    expect(approved.status).toBe('approved');
    await shot(page, 'tickets-approved-zh.png');
    await ticket.screenshot({ path: join(OUTPUT_DIR, 'tickets-card-zh.png') });
    await page.getByTestId('order-card').screenshot({ path: join(OUTPUT_DIR, 'tickets-order-card-zh.png') });

    // The list screen shows it; its row opens the conversation with the ticket in view.
    await page.getByTestId('nav-tickets').click();
    const listRow = page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
    await listRow.waitFor({ timeout: 5000 });
    await expect(listRow.getAttribute('data-status')).resolves.toBe('approved');
    await shot(page, 'tickets-list-zh.png');
    // Its filters are in the address; back undoes a choice.
    await page.getByTestId('tickets-filter-type').selectOption('exchange');
    await waitFor(async () => (new URL(page.url()).hash.includes('type=exchange') ? true : undefined), 5000, 'type in the address');
    await listRow.waitFor({ state: 'detached' });
    await page.goBack();
    await listRow.waitFor({ timeout: 5000 });
    await expect(page.getByTestId('tickets-filter-type').inputValue()).resolves.toBe('');

    // The same in English.
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="lang-switch"][data-lang="en"]').waitFor();
    await shot(page, 'tickets-list-en.png');
    // Keyboard: j moves to the first row, Enter opens its conversation with the ticket in view.
    await page.keyboard.press('j');
    await expect(listRow.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="conversation-view"][data-conversation-id="${conversationId}"]`).waitFor();
    await page.locator(`[data-testid="ticket"][data-ticket-id="${ticketId}"].is-focused`).waitFor();
    await shot(page, 'tickets-approved-en.png');
    // T opens the dialog from the keyboard.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('t');
    await page.getByTestId('ticket-dialog').getByTestId('ticket-dialog-reason').waitFor({ timeout: 10000 });
    await shot(page, 'tickets-dialog-en.png');
    await page.keyboard.press('Escape');
    await page.getByTestId('ticket-dialog').waitFor({ state: 'detached' });

    // A smaller laptop screen keeps the side panel; the list drops a column.
    await page.setViewportSize({ width: 1280, height: 760 });
    await shot(page, 'tickets-narrow-en.png');
    await page.getByTestId('nav-tickets').click();
    await listRow.waitFor();
    await shot(page, 'tickets-list-narrow-en.png');
    await context.close();
  });

  it('overrides the policy with a reason and takes a return through to closed; an overdue ticket is on the board', async () => {
    const admin = await login(env.desk.url, 'admin@demo.kefu');
    const s = await storeWithAgent(env.desk.url, admin, 'Return flow', { businessHours: null });
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, env.desk.url, s.agent.email, 'agent-pass-1');
    await page.locator('[data-testid="status-switch"][data-presence="online"]').waitFor();

    const inbound = await signedInbound(env.desk.url, s.channel, inboundBody('Hi, the kettle from order 2026111500042 is fine but I changed my mind, can I return it?', 'buyer-late', { orderRef: '2026111500042' }));
    const conversationId = inbound.body.conversationId as string;
    await page.locator(`[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`).click();
    await page.getByTestId('ticket-panel').waitFor();

    // Opened by a colleague through the API, delivered 40 days ago: past the 7-day window. It appears live.
    const deliveredAt = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const created = await http(env.desk.url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: {
        conversationId,
        type: 'return',
        customerReason: 'Changed my mind about the kettle',
        orderRef: '2026111500042',
        deliveredAt,
        items: [{ sku: 'KT-1500-SS', name: 'Electric kettle 1.5 L, stainless', category: 'home', qty: 2, price: 159 }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.policyDecision.eligible).toBe(false);
    const ticketId = created.body.id as string;
    const ticket = page.locator(`[data-testid="ticket"][data-ticket-id="${ticketId}"]`);
    await ticket.locator('[data-testid="ticket-policy"][data-eligible="false"]').waitFor({ timeout: 5000 });

    // The resolution clock ran out (the breach itself is the worker's, tested with the SLA): the board lists the ticket by number.
    await env.desk.db.query(`UPDATE sla_timers SET status = 'breached', breached_at = now() WHERE ticket_id = $1 AND kind = 'resolution'`, [ticketId]);
    await env.desk.db.query(`UPDATE tickets SET resolution_breached_at = now() WHERE id = $1`, [ticketId]);
    const lead = await (await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    await signIn(lead, env.desk.url, 'supervisor@demo.kefu');
    await lead.getByTestId('nav-sla-board').click();
    const boardRow = lead.locator('[data-testid="sla-breached"][data-kind="resolution"]', { hasText: created.body.number });
    await boardRow.waitFor({ timeout: 5000 });
    await expect(boardRow.getAttribute('href')).resolves.toBe(`#/c/${conversationId}/t/${ticketId}`);
    await shot(lead, 'tickets-sla-board-zh.png');
    await lead.context().close();

    // Approve: the policy says no, so the agent gives a reason.
    await ticket.getByTestId('ticket-action-approve').click();
    const form = ticket.locator('[data-testid="ticket-form"][data-action="approve"]');
    await form.waitFor();
    await shot(page, 'tickets-override-en.png');
    await form.getByTestId('ticket-form-overrideReason').fill('Loyal customer, kettle unopened');
    await form.getByTestId('ticket-form-overrideReason').press('Enter');
    await ticket.locator('[data-testid="ticket-status"][data-status="approved"]').waitFor({ timeout: 5000 });
    await ticket.locator('[data-testid="ticket-override"][data-status="approved"]').waitFor();

    await ticket.getByTestId('ticket-action-request_return').click();
    await ticket.getByTestId('ticket-form-returnAddress').fill('Hangzhou, Yuhang, Warehouse 1');
    await ticket.getByTestId('ticket-form-submit').click();
    await ticket.locator('[data-testid="ticket-status"][data-status="awaiting_return"]').waitFor({ timeout: 5000 });

    await ticket.getByTestId('ticket-action-receive').click();
    await ticket.locator('[data-testid="ticket-status"][data-status="received"]').waitFor({ timeout: 5000 });

    await ticket.getByTestId('ticket-action-inspect').click();
    await ticket.getByTestId('ticket-form-passed-true').click();
    await ticket.getByTestId('ticket-form-submit').click();
    await ticket.locator('[data-testid="ticket-status"][data-status="inspected"]').waitFor({ timeout: 5000 });

    // The refund is prefilled with what was paid; more than that is refused by the API.
    await ticket.getByTestId('ticket-action-refund').click();
    const amount = ticket.getByTestId('ticket-form-amount');
    await expect(amount.inputValue()).resolves.toBe('318.00');
    await amount.fill('400');
    await ticket.getByTestId('ticket-form-submit').click();
    await ticket.getByTestId('ticket-action-error').waitFor({ timeout: 5000 });
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await shot(page, 'tickets-refund-en.png');
    await amount.fill('318');
    await amount.press('Enter');
    await ticket.locator('[data-testid="ticket-status"][data-status="refunded"]').waitFor({ timeout: 5000 });

    // Closing asks for the confirmed root cause.
    await ticket.getByTestId('ticket-action-close').click();
    await ticket.getByTestId('ticket-form-cause').selectOption('changed_mind');
    await ticket.getByTestId('ticket-form-submit').click();
    await ticket.locator('[data-testid="ticket-status"][data-status="closed"]').waitFor({ timeout: 5000 });
    const [closed] = await env.desk.db.query(`SELECT status, cause, cause_source, refunded_amount FROM tickets WHERE id = $1`, [ticketId]);
    expect(closed).toMatchObject({ status: 'closed', cause: 'changed_mind', cause_source: 'agent' });
    expect(Number(closed.refunded_amount)).toBe(318);
    await ticket.getByTestId('ticket-timeline').locator('[data-testid="ticket-event"][data-kind="refund"]').waitFor();
    await page.locator(`[data-testid="message"][data-ticket-id="${ticketId}"][data-delivery="delivered"]`, { hasText: '¥318' }).waitFor({ timeout: 10000 });
    await shot(page, 'tickets-closed-en.png');
    await context.close();
  });
});
