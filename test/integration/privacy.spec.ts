import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

const PHONE = '13812345678';
const ADDRESS = '浙江省杭州市西湖区文三路 100 号 2 幢 301';

describe('buyers’ personal data', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false, env: { PII_REVEALS_PER_DAY: '2' } });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  it('is stored sealed, shown masked, and revealed only for a purpose, within the quota, audited', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Sealed', { businessHours: null });
    const buyer = `sealed-${randomUUID().slice(0, 6)}`;
    const orderRef = `S${Date.now()}`;
    const raw = JSON.stringify({ orderRef, customer: { externalId: buyer }, items: [{ sku: 'SK-1', name: '真丝枕套', category: 'home', qty: 1, price: 129 }], paidAt: new Date(Date.now() - 86_400_000).toISOString(), receiver: { name: '张三丰', phone: PHONE, address: ADDRESS } });
    expect((await http(desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(s.channel.secret, raw) } })).status).toBe(202);
    const conversationId = (await signedInbound(desk.url, s.channel, inboundBody(`订单 ${orderRef} 什么时候到?`, buyer))).body.conversationId;

    // Nothing in the database reads in clear.
    const [row] = await desk.db.query(`SELECT to_jsonb(o)::text AS everything FROM orders o WHERE order_ref = $1`, [orderRef]);
    expect(row.everything).not.toContain(PHONE);
    expect(row.everything).not.toContain('文三路');
    expect(row.everything).not.toContain('三丰');

    // Every view shows it masked.
    const orders = await http(desk.url, 'GET', `/api/conversations/${conversationId}/orders`, { token: s.agentToken });
    expect(orders.status).toBe(200);
    expect(orders.body.items[0].receiver).toEqual({ name: '张*', phone: '138****5678', address: '浙江省杭州市西湖区****' });
    const conversation = await http(desk.url, 'GET', `/api/conversations/${conversationId}`, { token: s.agentToken });
    expect(JSON.stringify([orders.body, conversation.body])).not.toContain(PHONE);

    const customerId = conversation.body.customerId as string;
    const reveal = (token: string, body: unknown) => http(desk.url, 'POST', `/api/customers/${customerId}/reveal`, { token, body });
    const noPurpose = await reveal(s.agentToken, { fields: ['phone'] });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.fields).toHaveProperty('purpose');
    // Analysts never; another store's agent finds no such customer.
    const analystEmail = `analyst-${s.store.id.slice(0, 6)}@example.test`;
    await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: analystEmail, name: 'Analyst', password: 'analyst-pass-1', role: 'analyst', storeIds: [s.store.id], languages: ['zh'] } });
    expect((await reveal(await login(desk.url, analystEmail, 'analyst-pass-1'), { fields: ['phone'], purpose: '核对地址' })).status).toBe(403);
    const other = await storeWithAgent(desk.url, admin, 'Other');
    expect((await reveal(other.agentToken, { fields: ['phone'], purpose: '核对地址' })).status).toBe(404);

    const shown = await reveal(s.agentToken, { fields: ['phone', 'address'], purpose: '快递员联系不上买家，核对电话' });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ customerId, orderRef, receiver: { phone: PHONE, address: ADDRESS }, remainingToday: 1 });
    const [audit] = await desk.db.query(`SELECT actor_id, details FROM audit_events WHERE action = 'customer.reveal' AND target_id = $1`, [customerId]);
    expect(audit).toMatchObject({ actor_id: s.agent.id, details: { orderRef, fields: ['phone', 'address'], purpose: '快递员联系不上买家，核对电话' } });

    // Two a day (this desk's quota): the second is the last, the third is refused and not audited.
    expect((await reveal(s.agentToken, { fields: ['name'], purpose: '核对收件人姓名' })).body.receiver).toEqual({ name: '张三丰' });
    const third = await reveal(s.agentToken, { fields: ['name'], purpose: '再看一次姓名' });
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('REVEAL_QUOTA_EXCEEDED');
    expect((await desk.db.query(`SELECT count(*)::int n FROM audit_events WHERE action = 'customer.reveal' AND actor_id = $1`, [s.agent.id]))[0].n).toBe(2);
  });
});
