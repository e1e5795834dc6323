import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { StatementService } from '../../apps/server/src/billing/statement.service.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

const HOUR = 3_600_000;

describe('the agency’s contract and monthly statements', () => {
  let desk: Desk;
  let admin: string;
  let s: Awaited<ReturnType<typeof storeWithAgent>>;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    s = await storeWithAgent(desk.url, admin, 'Fees', { businessHours: null });
  });
  afterAll(() => desk.close());

  const order = (orderRef: string, customer: string, price: number, paidAt: Date) => {
    const raw = JSON.stringify({ orderRef, customer: { externalId: customer }, items: [{ sku: 'TEA-1', name: '白茶礼盒', category: 'tea', qty: 1, price }], paidAt: paidAt.toISOString() });
    return http(desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } });
  };
  /** A customer's pre-sale conversation, started `hoursAgo`, answered by the agent or not. */
  const conversation = async (customer: string, hoursAgo: number, answered: boolean) => {
    const id = (await signedInbound(desk.url, s.channel, inboundBody('这款白茶有礼盒装吗?', customer))).body.conversationId as string;
    if (answered) expect((await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: s.agentToken, body: { kind: 'reply', body: '有的,礼盒装现货' } })).status).toBe(201);
    await desk.db.query(`UPDATE conversations SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hoursAgo]);
    return id;
  };

  it('validates the contract, and counts only orders its service brought in, less refunds, with the month’s promotion fee', async () => {
    const paidAt = new Date(Date.now() - HOUR);
    const month = DateTime.fromJSDate(paidAt, { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM');
    const bad = await http(desk.url, 'PUT', `/api/stores/${s.store.id}/contract`, { token: admin, body: { baseFeeMonthly: 5000, commissionRate: 0.8, attributionHours: 0 } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['commissionRate', 'attributionHours']));
    // A rate finer than the five decimals the desk keeps would be rounded away unseen: refused, naming it.
    const fine = await http(desk.url, 'PUT', `/api/stores/${s.store.id}/contract`, { token: admin, body: { baseFeeMonthly: 5000, commissionRate: 0.123456, attributionHours: 24 } });
    expect(fine.status).toBe(400);
    expect(Object.keys(fine.body.fields)).toEqual(['commissionRate']);
    // No contract yet is told apart from a store the caller may not see (both 404, by code).
    const none = await http(desk.url, 'GET', `/api/stores/${s.store.id}/contract`, { token: admin });
    expect([none.status, none.body.code]).toEqual([404, 'CONTRACT_NOT_SET']);
    const unseen = await http(desk.url, 'GET', `/api/stores/${randomUUID()}/contract`, { token: admin });
    expect([unseen.status, unseen.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await http(desk.url, 'PUT', `/api/stores/${s.store.id}/contract`, { token: s.agentToken, body: { baseFeeMonthly: 1, commissionRate: 0.1, attributionHours: 24 } })).status).toBe(403);
    const set = await http(desk.url, 'PUT', `/api/stores/${s.store.id}/contract`, {
      token: admin,
      body: { baseFeeMonthly: 5000, commissionRate: 0.1, attributionHours: 24, promotionFees: [{ month, amount: 1000, note: '双十一会场' }, { month: '2020-01', amount: 99 }] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ storeId: s.store.id, baseFeeMonthly: 5000, commissionRate: 0.1, attributionHours: 24 });
    expect((await http(desk.url, 'GET', `/api/stores/${s.store.id}/contract`, { token: admin })).body).toEqual(set.body);

    const tag = randomUUID().slice(0, 6);
    const ref = (k: string) => `F${tag}${k}`;
    const buyer = (k: string) => `fee-${tag}-${k}`;
    await conversation(buyer('A'), 2, true); // answered 1 h before paying: counts
    await conversation(buyer('B'), 2, false); // never answered: does not
    await conversation(buyer('D'), 30, true); // answered, but paid 29 h later (window 24 h): does not
    const e = await conversation(buyer('E'), 2, true); // counts, then partly refunded
    for (const [k, price] of [['A', 200], ['B', 120], ['C', 80], ['D', 90], ['E', 300]] as const) expect((await order(ref(k), buyer(k), price, paidAt)).status).toBe(202);
    // C bought without asking (a silent order). E comes back after the sale: a refund of 50 on another chat.
    expect((await http(desk.url, 'POST', `/api/conversations/${e}/status`, { token: s.agentToken, body: { status: 'resolved' } })).status).toBeLessThan(300);
    const after = (await signedInbound(desk.url, s.channel, inboundBody(`订单 ${ref('E')} 的礼盒压坏了`, buyer('E')))).body.conversationId;
    const ticket = await http(desk.url, 'POST', '/api/tickets', { token: s.agentToken, body: { conversationId: after, type: 'refund_only', customerReason: '礼盒压坏', orderRef: ref('E') } });
    expect(ticket.status).toBe(201);
    await desk.db.query(`UPDATE tickets SET refunded_amount = 50 WHERE id = $1`, [ticket.body.id]);

    const res = await http(desk.url, 'GET', `/api/statements?storeId=${s.store.id}&month=${month}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const st = res.body.items[0];
    expect(st.orders.map((o: { orderRef: string }) => o.orderRef).sort()).toEqual([ref('A'), ref('E')]);
    // By hand: sales 200 + 300, refunds 50, commission (500 − 50) × 10% = 45, total 5,000 + 45 + 1,000.
    expect(st).toMatchObject({ storeId: s.store.id, month, baseFee: 5000, attributedSales: 500, refundsDeducted: 50, commissionRate: 0.1, commission: 45, promotionFees: 1000, total: 6045, status: 'draft' });
    expect(st.orders.find((o: { orderRef: string }) => o.orderRef === ref('A'))).toMatchObject({ totalPaid: 200, refunded: 0, agentId: s.agent.id });

    // Store-limited users and agents see nothing of it.
    const other = await storeWithAgent(desk.url, admin, 'Elsewhere');
    expect((await http(desk.url, 'GET', `/api/statements?storeId=${s.store.id}&month=${month}`, { token: other.agentToken })).status).toBe(403);
    expect((await http(desk.url, 'GET', `/api/statements?month=${month}&storeId=not-a-uuid`, { token: admin })).status).toBe(400);
    expect((await http(desk.url, 'GET', `/api/statements?month=2026-13`, { token: admin })).status).toBe(400);
  });

  it('freezes a month once its return windows have passed, and a frozen statement never changes', async () => {
    const month = '2025-03';
    const start = DateTime.fromISO(`${month}-10T10:00:00`, { zone: 'Asia/Shanghai' });
    const tag = randomUUID().slice(0, 6);
    const id = await conversation(`old-${tag}`, 0, true);
    await desk.db.query(`UPDATE conversations SET created_at = $2 WHERE id = $1`, [id, start.toJSDate()]);
    expect((await order(`O${tag}`, `old-${tag}`, 400, start.plus({ hours: 3 }).toJSDate())).status).toBe(202);
    const read = async () => (await http(desk.url, 'GET', `/api/statements?storeId=${s.store.id}&month=${month}`, { token: admin })).body.items[0];
    const frozen = await read();
    expect(frozen).toMatchObject({ month, status: 'final', attributedSales: 400, commission: 40, total: 5040 });
    // A late refund, and new terms: the frozen month stays as it was.
    await desk.db.query(`INSERT INTO orders (store_id, order_ref, customer_external_id, items, total_paid, paid_at, fetched_at) VALUES ($1, $2, $3, '[]', 999, $4, now())`, [s.store.id, `O${tag}late`, `old-${tag}`, start.plus({ hours: 5 }).toJSDate()]);
    await http(desk.url, 'PUT', `/api/stores/${s.store.id}/contract`, { token: admin, body: { baseFeeMonthly: 9000, commissionRate: 0.2, attributionHours: 48 } });
    expect(await read()).toEqual(frozen);
  });

  it("is made final by the worker's sweep, read or not", async () => {
    const month = '2025-04';
    const start = DateTime.fromISO(`${month}-12T10:00:00`, { zone: 'Asia/Shanghai' });
    const tag = randomUUID().slice(0, 6);
    const id = await conversation(`sweep-${tag}`, 0, true);
    await desk.db.query(`UPDATE conversations SET created_at = $2 WHERE id = $1`, [id, start.toJSDate()]);
    expect((await order(`S${tag}`, `sweep-${tag}`, 300, start.plus({ hours: 2 }).toJSDate())).status).toBe(202);
    const kept = () => desk.db.query(`SELECT body->>'status' AS status FROM statements WHERE store_id = $1 AND month = $2`, [s.store.id, month]);
    expect(await kept()).toEqual([]);
    await desk.api.get(StatementService).freezeDue();
    expect(await kept()).toEqual([{ status: 'final' }]);
  });
});
