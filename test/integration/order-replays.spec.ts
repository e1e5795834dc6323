import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

const DAY = 24 * 3600 * 1000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

/**
 * Issue 13, item 8: a replayed (older) signed order snapshot never overwrites a newer one, an order's
 * state never moves backwards, and the return policy sees the real delivery date.
 */
describe('order webhook replays', () => {
  let desk: Desk;
  let s: Awaited<ReturnType<typeof storeWithAgent>>;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    s = await storeWithAgent(desk.url, await login(desk.url, 'admin@demo.kefu'), 'Replays', { businessHours: null });
  });
  afterAll(() => desk.close());

  const send = (raw: string) => http(desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } });
  const snapshot = (orderRef: string, customer: string, fields: Record<string, unknown>) =>
    JSON.stringify({ orderRef, customer: { externalId: customer }, items: [{ sku: 'KT-1500-SS', name: 'Electric kettle', category: 'home', qty: 1, price: 159 }], paidAt: iso(25 * DAY), ...fields });
  const stored = async (orderRef: string) => (await desk.db.query('SELECT shipped_at, delivered_at, carrier, platform_updated_at FROM orders WHERE store_id = $1 AND order_ref = $2', [s.store.id, orderRef]))[0];

  it('ignores a replay of an older snapshot, and the policy then refuses a refund 18 days after delivery', async () => {
    const orderRef = `2026${Date.now()}`;
    const customer = `replay-${randomUUID()}`;
    const shipped = snapshot(orderRef, customer, { shippedAt: iso(20 * DAY), carrier: '顺丰速运', updatedAt: iso(20 * DAY) });
    const delivered = snapshot(orderRef, customer, { shippedAt: iso(20 * DAY), deliveredAt: iso(18 * DAY), carrier: '顺丰速运', updatedAt: iso(18 * DAY) });
    expect((await send(shipped)).status).toBe(202);
    expect((await send(delivered)).status).toBe(202);
    const replay = await send(shipped); // the platform's signature is valid: a genuine old delivery, replayed
    expect(replay.status).toBe(202);
    expect(Date.now() - new Date((await stored(orderRef)).delivered_at).getTime()).toBeGreaterThan(17 * DAY);

    const conversationId = (await signedInbound(desk.url, s.channel, inboundBody(`订单号 ${orderRef} 的水壶漏水,要退款`, customer))).body.conversationId;
    const ticket = await http(desk.url, 'POST', '/api/tickets', { token: s.agentToken, body: { conversationId, type: 'refund_only', customerReason: '水壶漏水,要退款', cause: 'product_quality' } });
    expect(ticket.status).toBe(201);
    expect(ticket.body.deliveredAt).toBe(new Date(JSON.parse(delivered).deliveredAt).toISOString());
    expect(ticket.body.policyDecision).toMatchObject({ eligible: false, rule: 'refund_only_seller_fault', daysSinceDelivery: 18 });
  });

  it('never moves an order backwards, even in a newer snapshot; without an update time the latest event orders them', async () => {
    const orderRef = `2027${Date.now()}`;
    const paidOnly = snapshot(orderRef, 'buyer-x', {});
    const delivered = snapshot(orderRef, 'buyer-x', { shippedAt: iso(4 * DAY), deliveredAt: iso(2 * DAY), carrier: '中通快递' });
    await send(paidOnly);
    await send(delivered);
    await send(paidOnly); // no update time: its latest event (paid) is older than the delivery
    expect(await stored(orderRef)).toMatchObject({ carrier: '中通快递' });
    expect((await stored(orderRef)).delivered_at).not.toBeNull();
    // A newer snapshot that forgot the delivery keeps it (and takes what it does say).
    const newer = snapshot(orderRef, 'buyer-x', { shippedAt: iso(4 * DAY), updatedAt: new Date().toISOString(), trackingNumber: 'ZT123' });
    expect((await send(newer)).status).toBe(202);
    const now = await stored(orderRef);
    expect(now.delivered_at).not.toBeNull();
    expect(now.carrier).toBe('中通快递');
    expect(Date.now() - new Date(now.platform_updated_at).getTime()).toBeLessThan(60_000);
  });

  it('takes a correction in a newer snapshot', async () => {
    const orderRef = `2028${Date.now()}`;
    await send(snapshot(orderRef, 'buyer-y', { deliveredAt: iso(3 * DAY), updatedAt: iso(3 * DAY) }));
    await send(snapshot(orderRef, 'buyer-y', { deliveredAt: iso(5 * DAY), updatedAt: iso(1 * DAY) }));
    expect(Math.round((Date.now() - new Date((await stored(orderRef)).delivered_at).getTime()) / DAY)).toBe(5);
  });
});
