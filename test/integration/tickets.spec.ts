import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { TicketAction } from '@kefu/contracts';
import type { ChannelAdapter, OutboundMessage } from '../../apps/server/src/delivery/channel-adapter.js';
import { SupplierReminderSweeper } from '../../apps/server/src/ticket/supplier-reminder.sweeper.js';
import { startDesk, type Desk } from '../support/desk.js';
import { drainQueues } from '../support/queues.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/** Records what the platform was asked to send. */
class RecordingPlatform implements ChannelAdapter {
  readonly sent: OutboundMessage[] = [];
  async send(message: OutboundMessage) {
    this.sent.push(message);
    return { externalId: `p-${message.messageId}` };
  }
}

const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const shirt = { sku: 'TS-1', name: 'T-shirt', category: 'apparel', qty: 2, price: 79.5 };

describe('after-sales tickets', () => {
  let desk: Desk;
  let admin: string;
  let supervisor: string;
  const platform = new RecordingPlatform();

  beforeAll(async () => {
    desk = await startDesk({ channelAdapter: platform, env: { SUPPLIER_SWEEP_MS: '200', SLA_RECONCILE_MS: '300', OUTBOUND_ALLOW: 'localhost' } });
    admin = await login(desk.url, 'admin@demo.kefu');
    supervisor = await login(desk.url, 'supervisor@demo.kefu');
  });
  afterAll(() => desk.close());

  /** A store with an agent and a conversation in which the customer wrote `text`. */
  async function chat(text = '我想退货', storeFields: Record<string, unknown> = {}) {
    const s = await storeWithAgent(desk.url, admin, 'Tickets', { businessHours: null, ...storeFields });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody(text, `buyer-${randomUUID().slice(0, 6)}`));
    expect(inbound.status).toBe(202);
    return { ...s, conversationId: inbound.body.conversationId as string };
  }

  const open = (token: string, body: Record<string, unknown>) => http(desk.url, 'POST', '/api/tickets', { token, body });
  const act = (token: string, id: string, body: Record<string, unknown>) => http(desk.url, 'POST', `/api/tickets/${id}/transitions`, { token, body });

  describe('return policy on creation', () => {
    it.each([
      ['no-reason return on day 6', 'return', 'changed_mind', 6, ['apparel'], true, 'no_reason_return_window', 'customer'],
      ['no-reason return on day 8', 'return', 'changed_mind', 8, ['apparel'], false, 'no_reason_return_window', 'customer'],
      ['quality return on day 14', 'return', 'product_quality', 14, ['apparel'], true, 'quality_return_window', 'seller'],
      ['quality return on day 16', 'return', 'product_quality', 16, ['apparel'], false, 'quality_return_window', 'seller'],
      ['no-reason return of an excluded category', 'return', 'changed_mind', 2, ['food'], false, 'excluded_category', 'customer'],
      ['quality exchange on day 10', 'exchange', 'product_quality', 10, ['shoes'], true, 'quality_exchange_window', 'seller'],
    ])('%s', async (_name, type, cause, days, categories, eligible, rule, paidBy) => {
      const c = await chat();
      const r = await open(c.agentToken, {
        conversationId: c.conversationId,
        type,
        cause,
        customerReason: '不想要了',
        orderRef: `O-${randomUUID().slice(0, 8)}`,
        orderedAt: daysAgo(days + 3),
        deliveredAt: daysAgo(days),
        items: categories.map((category, i) => ({ ...shirt, sku: `S-${i}`, category })),
      });
      expect(r.status).toBe(201);
      expect(r.body.policyDecision).toMatchObject({ eligible, rule, returnShippingPaidBy: paidBy, daysSinceDelivery: days });
      expect(r.body.policyDecision.reason).toEqual(expect.any(String));
    });
  });

  it('links an order number the customer writes, and prefills a ticket from that order', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Orders', { businessHours: null });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('你好,订单号 202611270012345 的鞋子小了,想换大一码', 'buyer-order'));
    const conversationId = inbound.body.conversationId;
    const conv = await http(desk.url, 'GET', `/api/conversations/${conversationId}`, { token: s.agentToken });
    expect(conv.body.orderRef).toBe('202611270012345');
    const orders = await http(desk.url, 'GET', `/api/conversations/${conversationId}/orders`, { token: s.agentToken });
    expect(orders.status).toBe(200);
    const order = orders.body.items[0];
    expect(order).toMatchObject({ orderRef: '202611270012345', storeId: s.store.id });
    expect(order.items.length).toBeGreaterThan(0);
    expect(order.totalPaid).toBeCloseTo(order.items.reduce((sum: number, i: { qty: number; price: number }) => sum + i.qty * i.price, 0), 2);
    // Cached: a second read serves the same fetch.
    const again = await http(desk.url, 'GET', `/api/conversations/${conversationId}/orders`, { token: s.agentToken });
    expect(again.body.items[0].fetchedAt).toBe(order.fetchedAt);

    const draft = await http(desk.url, 'GET', `/api/tickets/draft?conversationId=${conversationId}`, { token: s.agentToken });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ type: 'exchange', orderRef: '202611270012345', items: order.items, deliveredAt: order.deliveredAt });
    expect(draft.body.customerReason).toContain('小了');

    const created = await open(s.agentToken, { conversationId, type: 'exchange', customerReason: draft.body.customerReason });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ orderRef: '202611270012345', items: order.items, deliveredAt: order.deliveredAt, status: 'requested', number: expect.stringMatching(/^T-\d{6}$/) });
    const detail = await http(desk.url, 'GET', `/api/conversations/${conversationId}`, { token: s.agentToken });
    expect(detail.body.tickets.map((t: { id: string }) => t.id)).toEqual([created.body.id]);
  });

  it('prefills the draft from the customer\'s most recent order when the conversation names none, and from an order the agent picks', async () => {
    // Every category of the made-up catalogue is excluded: a no-reason return of any delivered order is refused.
    const excludedCategories = ['apparel', 'shoes', 'electronics', 'home', 'beauty', 'food', 'underwear', 'customized'];
    const s = await storeWithAgent(desk.url, admin, 'Latest order', { businessHours: null, returnPolicy: { noReasonReturnDays: 30, excludedCategories } });
    // A buyer whose most recent order is delivered (most made-up orders are).
    let conversationId = '';
    let orders: { orderRef: string; deliveredAt: string | null; items: unknown[] }[] = [];
    for (let i = 0; i < 12 && !orders[0]?.deliveredAt; i++) {
      const inbound = await signedInbound(desk.url, s.channel, inboundBody('不想要了,想退货', `buyer-latest-${randomUUID().slice(0, 6)}`));
      conversationId = inbound.body.conversationId;
      orders = (await http(desk.url, 'GET', `/api/conversations/${conversationId}/orders`, { token: s.agentToken })).body.items;
    }
    expect(orders[0]?.deliveredAt).toEqual(expect.any(String));
    const conv = await http(desk.url, 'GET', `/api/conversations/${conversationId}`, { token: s.agentToken });
    expect(conv.body.orderRef).toBeNull();

    const draft = await http(desk.url, 'GET', `/api/tickets/draft?conversationId=${conversationId}&type=return`, { token: s.agentToken });
    expect(draft.status).toBe(200);
    // The simulated platform makes its dates up relative to now: the same order, read again, is a few ms apart.
    const near = (iso: string | null) => Math.abs(Date.parse(iso ?? '') - Date.parse(orders[0].deliveredAt ?? '')) < 5000;
    expect(draft.body).toMatchObject({ orderRef: orders[0].orderRef, items: orders[0].items });
    expect(near(draft.body.deliveredAt)).toBe(true);
    expect(draft.body.policyDecision).toMatchObject({ eligible: false, rule: 'excluded_category' });

    // Another order of the customer, picked in the dialog, is the one previewed.
    const other = orders[orders.length - 1];
    const picked = await http(desk.url, 'GET', `/api/tickets/draft?conversationId=${conversationId}&type=return&orderRef=${other.orderRef}`, { token: s.agentToken });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ orderRef: other.orderRef, items: other.items });

    const bad = await http(desk.url, 'GET', `/api/tickets/draft?conversationId=${conversationId}&orderRef=${'9'.repeat(65)}`, { token: s.agentToken });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('orderRef');
  });

  describe('state machine', () => {
    async function ticketOf(type: string, cause = 'product_quality') {
      const c = await chat('质量有问题,要处理');
      const r = await open(c.agentToken, { conversationId: c.conversationId, type, cause, customerReason: '开线了', orderRef: 'X-1', orderedAt: daysAgo(5), deliveredAt: daysAgo(2), items: [shirt] });
      expect(r.status).toBe(201);
      return { ...c, ticket: r.body };
    }

    const paths: [string, string, [TicketAction, Record<string, unknown>, string][]][] = [
      ['return', 'changed_mind', [
        ['approve', {}, 'approved'],
        ['request_return', { returnAddress: '上海市 仓库 3 号门' }, 'awaiting_return'],
        ['receive', {}, 'received'],
        ['inspect', { passed: true }, 'inspected'],
        ['refund', { amount: 159 }, 'refunded'],
        ['close', {}, 'closed'],
      ]],
      ['exchange', 'size_fit', [
        ['approve', {}, 'approved'],
        ['request_return', {}, 'awaiting_return'],
        ['wait_customer', { note: '请提供快递单号' }, 'awaiting_customer'],
        ['resume', {}, 'awaiting_return'],
        ['receive', {}, 'received'],
        ['inspect', { passed: true }, 'inspected'],
        ['ship_replacement', { carrier: '顺丰', trackingNumber: 'SF123' }, 'replacement_shipped'],
        ['close', {}, 'closed'],
      ]],
      ['refund_only', 'price_promotion', [
        ['approve', {}, 'approved'],
        ['refund', { amount: 20 }, 'refunded'],
        ['close', {}, 'closed'],
      ]],
      ['quality_complaint', 'product_quality', [
        ['approve', {}, 'approved'],
        ['open_supplier_case', { supplier: '织造厂 A', remedy: 'replace', dueAt: new Date(Date.now() + 3 * DAY).toISOString() }, 'awaiting_supplier'],
        ['supplier_replied', { outcome: 'replace' }, 'approved'],
        ['ship_replacement', { trackingNumber: 'YT999' }, 'replacement_shipped'],
        ['close', {}, 'closed'],
      ]],
      ['return', 'changed_mind', [
        ['reject', { reason: '商品已使用' }, 'rejected'],
        ['close', {}, 'closed'],
      ]],
      ['return', 'product_quality', [
        ['approve', {}, 'approved'],
        ['request_return', {}, 'awaiting_return'],
        ['receive', {}, 'received'],
        ['inspect', { passed: false, note: '人为损坏' }, 'inspected'],
        ['reject', { reason: '检测为人为损坏' }, 'rejected'],
        ['close', {}, 'closed'],
      ]],
    ];

    it.each(paths.map(([type, cause, steps]) => [`${type}: ${steps.map((s) => s[2]).join(' → ')}`, type, cause, steps] as const))('%s', async (_name, type, cause, steps) => {
      const { ticket, agentToken } = await ticketOf(type, cause);
      for (const [action, extra, to] of steps) {
        const r = await act(agentToken, ticket.id, { action, ...extra });
        expect({ action, status: r.status, to: r.body.status }).toEqual({ action, status: 200, to });
      }
      const detail = await http(desk.url, 'GET', `/api/tickets/${ticket.id}`, { token: agentToken });
      const moves = detail.body.timeline.filter((e: { fromStatus: string | null }) => e.fromStatus);
      expect(moves.map((e: { kind: string; toStatus: string }) => [e.kind, e.toStatus])).toEqual(steps.map(([a, , to]) => [a, to]));
      for (const e of detail.body.timeline) expect(e).toMatchObject({ actorId: expect.any(String), at: expect.any(String) });
      expect(detail.body.closedAt).not.toBeNull();
    });

    it('refuses illegal transitions with 409 naming the allowed ones', async () => {
      const { ticket, agentToken } = await ticketOf('refund_only');
      const early = await act(agentToken, ticket.id, { action: 'refund', amount: 10 });
      expect(early.status).toBe(409);
      expect(early.body.allowed).toEqual(['approve', 'reject', 'wait_customer']);
      expect(early.body.message).toContain('approve');
      await act(agentToken, ticket.id, { action: 'approve' });
      const wrongType = await act(agentToken, ticket.id, { action: 'request_return' });
      expect(wrongType.status).toBe(409);
      expect(wrongType.body.allowed).not.toContain('request_return');
      const stored = await http(desk.url, 'GET', `/api/tickets/${ticket.id}`, { token: agentToken });
      expect(stored.body.status).toBe('approved');
    });

    it('refuses a refund above what was paid (400, nothing stored) and audits a refund', async () => {
      const { ticket, agentToken } = await ticketOf('refund_only');
      await act(agentToken, ticket.id, { action: 'approve' });
      const tooMuch = await act(agentToken, ticket.id, { action: 'refund', amount: 159.01 });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.fields.amount).toContain('159.00');
      expect((await http(desk.url, 'GET', `/api/tickets/${ticket.id}`, { token: agentToken })).body).toMatchObject({ status: 'approved', refundedAmount: 0 });
      const ok = await act(agentToken, ticket.id, { action: 'refund', amount: 159 });
      expect(ok.body).toMatchObject({ status: 'refunded', refundedAmount: 159 });
      const audit = await http(desk.url, 'GET', `/api/audit?targetId=${ticket.id}&action=ticket.refunded`, { token: admin });
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].details).toMatchObject({ amount: 159, totalPaid: 159 });
    });

    it('closes only with a confirmed cause', async () => {
      const c = await chat();
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'return', customerReason: 'x', orderRef: 'Y', orderedAt: daysAgo(3), deliveredAt: daysAgo(1), items: [shirt] })).body;
      // The classifier's suggestion is not a confirmed cause.
      expect(t.causeSource).toBe('auto');
      await act(c.agentToken, t.id, { action: 'reject', reason: 'duplicate' });
      const refused = await act(c.agentToken, t.id, { action: 'close' });
      expect(refused.status).toBe(409);
      expect(refused.body.missing).toEqual(['cause']);
      const cause = await http(desk.url, 'POST', `/api/tickets/${t.id}/cause`, { token: c.agentToken, body: { cause: 'other' } });
      expect(cause.body).toMatchObject({ cause: 'other', causeSource: 'agent' });
      expect((await act(c.agentToken, t.id, { action: 'close' })).body.status).toBe('closed');
      const badCause = await http(desk.url, 'POST', `/api/tickets/${t.id}/cause`, { token: c.agentToken, body: { cause: 'weather' } });
      expect(badCause.status).toBe(400);
      expect(badCause.body.fields).toHaveProperty('cause');
    });
  });

  describe('policy overrides', () => {
    it('needs a reason to approve against the policy, and audits the override', async () => {
      const c = await chat();
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'return', cause: 'changed_mind', customerReason: '不想要了', orderRef: 'Z', orderedAt: daysAgo(12), deliveredAt: daysAgo(9), items: [shirt] })).body;
      expect(t.policyDecision.eligible).toBe(false);
      const refused = await act(c.agentToken, t.id, { action: 'approve' });
      expect(refused.status).toBe(409);
      expect(refused.body.policyDecision).toMatchObject({ eligible: false, rule: 'no_reason_return_window' });
      const ok = await act(c.agentToken, t.id, { action: 'approve', override: { reason: 'VIP customer, goodwill' } });
      expect(ok.body).toMatchObject({ status: 'approved', policyOverride: { reason: 'VIP customer, goodwill', byId: c.agent.id, status: 'approved' } });
      const audit = await http(desk.url, 'GET', `/api/audit?targetId=${t.id}&action=ticket.overridden`, { token: admin });
      expect(audit.body.items[0]).toMatchObject({ actorId: c.agent.id, details: { reason: 'VIP customer, goodwill', rule: 'no_reason_return_window' } });
    });

    it('holds an agent’s override for a supervisor where the store requires it', async () => {
      const c = await chat('退货', { returnPolicy: { overridesNeedApproval: true } });
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'return', cause: 'changed_mind', customerReason: '不想要了', orderRef: 'Z', orderedAt: daysAgo(12), deliveredAt: daysAgo(10), items: [shirt] })).body;
      const asked = await act(c.agentToken, t.id, { action: 'approve', override: { reason: '老客户' } });
      expect(asked.body).toMatchObject({ status: 'requested', policyOverride: { status: 'pending', reason: '老客户' } });
      const again = await act(c.agentToken, t.id, { action: 'approve', override: { reason: '老客户' } });
      expect(again.status).toBe(409);
      const approved = await act(supervisor, t.id, { action: 'approve' });
      expect(approved.body).toMatchObject({ status: 'approved', policyOverride: { status: 'approved', reason: '老客户' } });
      const audit = await http(desk.url, 'GET', `/api/audit?targetId=${t.id}`, { token: admin });
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['ticket.override_requested', 'ticket.override_approved']));
    });
  });

  it('sends each customer-visible step to the customer, through the channel, in their language and the store’s words', async () => {
    const zh = await chat('我要退货,不想要了');
    const en = await chat('I would like to return this please');
    await http(desk.url, 'PATCH', `/api/stores/${en.store.id}`, { token: admin, body: { ticketTemplates: { en: { approved: 'Approved! {ticketNumber} — {storeName} pays nothing.' } } } });
    for (const c of [zh, en]) {
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'return', cause: 'changed_mind', customerReason: 'x', orderRef: 'L', orderedAt: daysAgo(4), deliveredAt: daysAgo(2), items: [shirt] })).body;
      await act(c.agentToken, t.id, { action: 'approve' });
      const toCustomer = () => platform.sent.filter((m) => m.conversationId === c.conversationId);
      await waitFor(() => (toCustomer().length === 2 ? true : undefined), 5000, 'two customer updates delivered');
      const [created, approved] = toCustomer();
      if (c === zh) {
        expect(created.body).toContain(t.number);
        expect(created.body).toMatch(/退货申请已受理/);
        expect(approved.body).toMatch(/审核通过/);
        expect(approved.body).toMatch(/运费需由您承担/);
      } else {
        expect(created.body).toMatch(/we have received your return request/);
        expect(approved.body).toBe(`Approved! ${t.number} — ${c.store.name} pays nothing.`);
      }
      await drainQueues(desk.worker!); // the platform is called before the delivery is recorded
      const stored = await desk.db.query(`SELECT ticket_id, delivery_status, direction FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [c.conversationId]);
      expect(stored).toEqual([
        { ticket_id: t.id, delivery_status: 'delivered', direction: 'outbound' },
        { ticket_id: t.id, delivery_status: 'delivered', direction: 'outbound' },
      ]);
    }
  });

  it('pauses the resolution clock while waiting on the supplier, resumes it after, and shows a breach on the board', async () => {
    const c = await chat('质量问题', { slaPolicy: { resolutionHours: 2 } });
    const sup = await deskSocket(desk.url, supervisor);
    try {
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'quality_complaint', customerReason: '开线', orderRef: 'Q', orderedAt: daysAgo(4), deliveredAt: daysAgo(2), items: [shirt] })).body;
      const timer = async () => (await desk.db.query(`SELECT * FROM sla_timers WHERE ticket_id = $1`, [t.id]))[0];
      const started = await timer();
      expect(started).toMatchObject({ kind: 'resolution', status: 'running', target_seconds: 7200 });
      expect(new Date(t.resolutionDueAt).getTime()).toBe(started.due_at.getTime());
      await act(c.agentToken, t.id, { action: 'approve' });
      const waiting = await act(c.agentToken, t.id, { action: 'open_supplier_case', supplier: '工厂', remedy: 'compensate', dueAt: new Date(Date.now() + DAY).toISOString() });
      expect(waiting.body).toMatchObject({ status: 'awaiting_supplier', resumeStatus: 'approved', resolutionDueAt: null });
      expect(await timer()).toMatchObject({ status: 'paused', due_at: null });
      await new Promise((r) => setTimeout(r, 1200)); // the scenario: a second and more spent waiting on the supplier
      const back = await act(c.agentToken, t.id, { action: 'supplier_replied', outcome: 'compensate', compensationAmount: 30 });
      expect(back.body).toMatchObject({ status: 'approved', resolution: { supplier: { outcome: 'compensate', compensationAmount: 30 } } });
      const resumed = await timer();
      expect(resumed.status).toBe('running');
      // The second spent waiting on the supplier is not counted: the due time moved later by it.
      expect(resumed.due_at.getTime() - started.due_at.getTime()).toBeGreaterThanOrEqual(1000);

      // Time passes: the clock is made due now; the worker's reconciler fires the overdue breach.
      await desk.db.query(`UPDATE sla_timers SET due_at = now() - interval '1 second', warned_at = now() WHERE id = $1`, [resumed.id]);
      const breached = await waitFor(() => sup.events.find((e) => e.name === 'sla.breached' && e.payload.ticketId === t.id), 5000, 'ticket breach');
      expect(breached.payload).toMatchObject({ kind: 'resolution', conversationId: c.conversationId, storeId: c.store.id });
      const board = await http(desk.url, 'GET', `/api/sla/timers?status=breached&storeId=${c.store.id}`, { token: supervisor });
      expect(board.body.items).toEqual([expect.objectContaining({ ticketId: t.id, kind: 'resolution', ticketNumber: t.number, ticketConversationId: c.conversationId })]);
      const overdue = await http(desk.url, 'GET', `/api/tickets?storeId=${c.store.id}&overdue=true`, { token: supervisor });
      expect(overdue.body.items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    } finally {
      sup.socket.close();
    }
  });

  it('reminds the supplier from the worker when the answer is due, until they answer', async () => {
    const hits: unknown[] = [];
    const hook = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => {
        hits.push(JSON.parse(raw));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const c = await chat('质量');
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'quality_complaint', customerReason: '坏了', orderRef: 'R', orderedAt: daysAgo(4), deliveredAt: daysAgo(2), items: [shirt] })).body;
      await act(c.agentToken, t.id, { action: 'approve' });
      const url = `http://localhost:${(hook.address() as AddressInfo).port}/supplier`; // allow-listed (OUTBOUND_ALLOW)
      await act(c.agentToken, t.id, { action: 'open_supplier_case', supplier: '电子厂 B', contact: url, remedy: 'replace', dueAt: new Date(Date.now() + 1000).toISOString() });
      expect(hits).toHaveLength(0);
      const hit = await waitFor(() => hits[0], 30_000, 'supplier reminder'); // a sweep, then a post and its retry: seconds on a busy machine
      expect(hit).toMatchObject({ ticket: t.number, supplier: '电子厂 B', remedy: 'replace', reminder: 1 });
      // The post is answered before its job records it on the timeline: wait for the job, not the post.
      await drainQueues(desk.worker!);
      const detail = await http(desk.url, 'GET', `/api/tickets/${t.id}`, { token: c.agentToken });
      expect(detail.body.timeline.filter((e: { kind: string }) => e.kind === 'supplier_reminder')).toEqual([expect.objectContaining({ actorId: null, details: expect.objectContaining({ reminder: 1, delivered: true, overdue: true }) })]);
      expect(detail.body.supplierCases[0]).toMatchObject({ remindersSent: 1, outcome: null });
      // The next reminder waits its interval (24 h): another sweep now sends nothing.
      await desk.worker!.get(SupplierReminderSweeper).runOnce();
      await drainQueues(desk.worker!);
      expect(hits).toHaveLength(1);
      await act(c.agentToken, t.id, { action: 'supplier_replied', outcome: 'replace' });
      const after = await http(desk.url, 'GET', `/api/tickets/${t.id}`, { token: c.agentToken });
      expect(after.body.supplierCases[0]).toMatchObject({ outcome: 'replace', nextReminderAt: null });
    } finally {
      hook.close();
    }
  });

  it('tells the console live, and keeps tickets inside the caller’s stores', async () => {
    const c = await chat();
    const other = await storeWithAgent(desk.url, admin, 'Elsewhere');
    const live = await deskSocket(desk.url, c.agentToken);
    const outsider = await deskSocket(desk.url, other.agentToken);
    try {
      const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'return', customerReason: 'x', orderRef: 'E', orderedAt: daysAgo(3), deliveredAt: daysAgo(1), items: [shirt] })).body;
      await waitFor(() => live.events.find((e) => e.name === 'ticket.created' && e.payload.id === t.id), 3000, 'ticket.created');
      await act(c.agentToken, t.id, { action: 'approve' });
      const updated = await waitFor(() => live.events.find((e) => e.name === 'ticket.updated' && e.payload.id === t.id), 3000, 'ticket.updated');
      expect(updated.payload).toMatchObject({ status: 'approved', storeId: c.store.id, allowedActions: expect.arrayContaining(['request_return']) });
      expect(outsider.events.filter((e) => e.name.startsWith('ticket.'))).toEqual([]);

      expect((await http(desk.url, 'GET', `/api/tickets/${t.id}`, { token: other.agentToken })).status).toBe(404);
      expect((await act(other.agentToken, t.id, { action: 'reject', reason: 'x' })).status).toBe(404);
      expect((await open(other.agentToken, { conversationId: c.conversationId, type: 'return', customerReason: 'x' })).status).toBe(404);
      const list = await http(desk.url, 'GET', '/api/tickets', { token: other.agentToken });
      expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
      const mine = await http(desk.url, 'GET', `/api/tickets?type=return&status=approved&storeId=${c.store.id}`, { token: c.agentToken });
      expect(mine.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: t.id })] });
    } finally {
      live.socket.close();
      outsider.socket.close();
    }
  });

  it('answers bad input with 400 naming the field and stores nothing', async () => {
    const c = await chat();
    const before = Number((await desk.db.query(`SELECT count(*) FROM tickets`))[0].count);
    const cases: [Record<string, unknown>, string][] = [
      [{ conversationId: c.conversationId, type: 'swap', customerReason: 'x' }, 'type'],
      [{ conversationId: 'nope', type: 'return', customerReason: 'x' }, 'conversationId'],
      [{ conversationId: c.conversationId, type: 'return', customerReason: '' }, 'customerReason'],
      [{ conversationId: c.conversationId, type: 'return', customerReason: 'x', items: [{ ...shirt, price: -1 }] }, 'items.0.price'],
      [{ conversationId: c.conversationId, type: 'return', customerReason: 'x', deliveredAt: 'yesterday' }, 'deliveredAt'],
    ];
    for (const [body, field] of cases) {
      const r = await open(c.agentToken, body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(Object.keys(r.body.fields)).toContain(field);
    }
    expect(Number((await desk.db.query(`SELECT count(*) FROM tickets`))[0].count)).toBe(before);
    const t = (await open(c.agentToken, { conversationId: c.conversationId, type: 'return', customerReason: 'x', orderRef: 'B', orderedAt: daysAgo(3), deliveredAt: daysAgo(1), items: [shirt] })).body;
    for (const [body, field] of [
      [{ action: 'fly' }, 'action'],
      [{ action: 'reject' }, 'reason'],
      [{ action: 'refund', amount: 'lots' }, 'amount'],
    ] as [Record<string, unknown>, string][]) {
      const r = await act(c.agentToken, t.id, body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(r.body.fields).toHaveProperty(field);
    }
    await act(c.agentToken, t.id, { action: 'approve' });
    const past = await act(c.agentToken, t.id, { action: 'open_supplier_case', supplier: 'A', remedy: 'replace', dueAt: new Date(Date.now() - DAY).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.fields).toHaveProperty('dueAt');
    expect((await http(desk.url, 'GET', `/api/tickets/${t.id}`, { token: c.agentToken })).body).toMatchObject({ status: 'approved', supplierCases: [] });
  });
});
