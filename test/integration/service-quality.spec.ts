import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ChannelAdapter, OutboundMessage } from '../../apps/server/src/delivery/channel-adapter.js';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { startDesk, type Desk } from '../support/desk.js';
import { drainQueues } from '../support/queues.js';
import { deskSocket, http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

class RecordingPlatform implements ChannelAdapter {
  readonly sent: OutboundMessage[] = [];
  async send(message: OutboundMessage) {
    this.sent.push(message);
    return { externalId: `p-${message.messageId}` };
  }
}

const HOUR = 3600 * 1000;

describe('satisfaction and inquiry conversion', () => {
  let desk: Desk;
  let admin: string;
  let analyst: string;
  const platform = new RecordingPlatform();

  beforeAll(async () => {
    desk = await startDesk({ channelAdapter: platform });
    admin = await login(desk.url, 'admin@demo.kefu');
    analyst = await login(desk.url, 'analyst@demo.kefu');
  });
  afterAll(() => desk.close());

  /** A customer writes, the agent answers, and (optionally) resolves the conversation. */
  async function servedChat(s: Awaited<ReturnType<typeof storeWithAgent>>, text: string, customer: string, resolve = true) {
    const inbound = await signedInbound(desk.url, s.channel, inboundBody(text, customer));
    const conversationId = inbound.body.conversationId as string;
    await http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: s.agentToken, body: { body: '您好,在的', kind: 'reply' } });
    if (resolve) expect((await http(desk.url, 'POST', `/api/conversations/${conversationId}/status`, { token: s.agentToken, body: { status: 'resolved' } })).status).toBeLessThan(300);
    return conversationId;
  }

  const sentTo = (conversationId: string) => platform.sent.filter((m) => m.conversationId === conversationId);

  it('asks for a rating when a conversation is resolved, in the customer’s language, and records the answer once', async () => {
    const s = await storeWithAgent(desk.url, admin, 'CSAT', { businessHours: null });
    const live = await deskSocket(desk.url, s.agentToken);
    const zh = await servedChat(s, '这个有现货吗', 'buyer-zh');
    const question = await waitFor(() => sentTo(zh).find((m) => m.body.includes('打分')), 5000, 'survey question');
    expect(question.body).toContain('非常满意');
    // The console hears of the question and of the resolved conversation, once each.
    await waitFor(() => live.events.some((e) => e.name === 'conversation.updated' && e.payload.id === zh && e.payload.status === 'resolved'), 5000, 'resolved event');
    await drainQueues(desk.worker!);
    live.socket.close();
    expect(live.events.filter((e) => e.name === 'message.created' && e.payload.body === question.body)).toHaveLength(1);
    expect(live.events.filter((e) => e.name === 'conversation.updated' && e.payload.id === zh && e.payload.status === 'resolved')).toHaveLength(1);

    const answer = inboundBody('非常满意', 'buyer-zh');
    const first = await signedInbound(desk.url, s.channel, answer);
    expect(first.status).toBe(202);
    expect(first.body.conversationId).toBe(zh); // joins the resolved conversation…
    const again = await signedInbound(desk.url, s.channel, answer); // …and a platform retry changes nothing
    expect(again.body).toMatchObject({ conversationId: zh, duplicate: true });
    const conv = await http(desk.url, 'GET', `/api/conversations/${zh}`, { token: s.agentToken });
    expect(conv.body).toMatchObject({ status: 'resolved', awaitingReplySince: null });
    expect(conv.body.slaTimers.filter((t: { status: string }) => t.status === 'running')).toEqual([]);
    expect(await desk.db.query(`SELECT rating, reply FROM csat_surveys WHERE conversation_id = $1`, [zh])).toEqual([{ rating: 5, reply: '非常满意' }]);

    // Once answered, a later "1" is a new message, not a second rating.
    const later = await signedInbound(desk.url, s.channel, inboundBody('1', 'buyer-zh'));
    expect(later.body.conversationId).not.toBe(zh);
    expect(await desk.db.query(`SELECT rating FROM csat_surveys WHERE conversation_id = $1`, [zh])).toEqual([{ rating: 5 }]);

    const en = await servedChat(s, 'Is this in stock?', 'buyer-en');
    const enQuestion = await waitFor(() => sentTo(en).find((m) => m.body.includes('How satisfied')), 5000, 'english survey');
    expect(enQuestion.body).toContain('Reply 1–5');
    await signedInbound(desk.url, s.channel, inboundBody('very dissatisfied', 'buyer-en'));
    expect(await desk.db.query(`SELECT rating, agent_id FROM csat_surveys WHERE conversation_id = $1`, [en])).toEqual([{ rating: 1, agent_id: s.agent.id }]);

    // Nobody answered this customer: no survey.
    const unanswered = (await signedInbound(desk.url, s.channel, inboundBody('hello?', 'buyer-none'))).body.conversationId;
    await http(desk.url, 'POST', `/api/conversations/${unanswered}/status`, { token: s.agentToken, body: { status: 'resolved' } });
    expect(await desk.db.query(`SELECT 1 FROM csat_surveys WHERE conversation_id = $1`, [unanswered])).toEqual([]);

    const figures = await http(desk.url, 'GET', `/api/analytics/csat?storeId=${s.store.id}&groupBy=agent`, { token: analyst });
    expect(figures.status).toBe(200);
    expect(figures.body.overall).toMatchObject({ sent: 2, responses: 2, responseRate: 1, average: 3, satisfiedShare: 0.5, distribution: { '1': 1, '5': 1 } });
    expect(figures.body.items).toEqual([expect.objectContaining({ agentId: s.agent.id, agentName: s.agent.name, responses: 2 })]);
  });

  it('shows the causes behind low ratings', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Low', { businessHours: null });
    const c = await servedChat(s, '东西坏了', 'buyer-low', false);
    await http(desk.url, 'POST', '/api/tickets', { token: s.agentToken, body: { conversationId: c, type: 'return', cause: 'product_quality', customerReason: '东西坏了', orderRef: 'Q1', orderedAt: new Date(Date.now() - 90 * HOUR).toISOString(), deliveredAt: new Date(Date.now() - 48 * HOUR).toISOString(), items: [{ sku: 'A', name: 'A', category: 'home', qty: 1, price: 10 }] } });
    await http(desk.url, 'POST', `/api/conversations/${c}/status`, { token: s.agentToken, body: { status: 'resolved' } });
    await waitFor(async () => (await desk.db.query(`SELECT 1 FROM csat_surveys WHERE conversation_id = $1`, [c]))[0], 5000, 'survey');
    await signedInbound(desk.url, s.channel, inboundBody('不满意', 'buyer-low'));
    const r = await http(desk.url, 'GET', `/api/analytics/csat?storeId=${s.store.id}`, { token: analyst });
    expect(r.body.lowRatingCauses).toEqual([{ cause: 'product_quality', count: 1 }]);
    expect(r.body.items).toEqual([expect.objectContaining({ storeId: s.store.id, average: 2 })]);
  });

  it('counts a pre-sale conversation as converted when its customer orders in the store within 48 hours', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Conversion', { businessHours: null });
    const order = (customer: string, paidAt: Date, secret = s.channel.secret) => {
      const raw = JSON.stringify({ orderRef: `SO-${randomUUID().slice(0, 8)}`, customer: { externalId: customer }, items: [{ sku: 'K', name: 'Kettle', category: 'home', qty: 1, price: 159 }], paidAt: paidAt.toISOString() });
      return http(desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw, headers: { 'x-kefu-signature': signBody(secret, raw) } });
    };
    await servedChat(s, '这个水壶保温吗?', 'c-buys', false);
    await servedChat(s, '有优惠吗?', 'c-later', false);
    await servedChat(s, '发什么快递?', 'c-never', false);
    await servedChat(s, '订单号 202611270099887 什么时候发货', 'c-aftersale', false); // mentions an order: not pre-sale
    expect((await order('c-buys', new Date(Date.now() + 2 * HOUR))).status).toBe(202);
    await order('c-later', new Date(Date.now() + 50 * HOUR)); // outside the 48-hour window
    await order('someone-else', new Date());
    expect((await order('c-buys', new Date(), 'wrong-secret')).status).toBe(401);
    const bad = await http(desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw: '{"orderRef":""}', headers: { 'x-kefu-signature': signBody(s.channel.secret, '{"orderRef":""}') } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['orderRef', 'customer', 'items', 'paidAt']));

    const byStore = await http(desk.url, 'GET', `/api/analytics/conversion?storeId=${s.store.id}`, { token: analyst });
    expect(byStore.status).toBe(200);
    expect(byStore.body.overall).toMatchObject({ presale: 3, converted: 1, firstResponseP50: expect.any(Number) });
    expect(byStore.body.overall.rate).toBeCloseTo(1 / 3, 5);
    const byAgent = await http(desk.url, 'GET', `/api/analytics/conversion?storeId=${s.store.id}&groupBy=agent`, { token: analyst });
    expect(byAgent.body.items).toEqual([expect.objectContaining({ agentId: s.agent.id, presale: 3, converted: 1 })]);
    const byDay = await http(desk.url, 'GET', `/api/analytics/conversion?storeId=${s.store.id}&groupBy=day`, { token: analyst });
    expect(byDay.body.items).toEqual([expect.objectContaining({ day: DateTime.now().setZone('Asia/Shanghai').toISODate(), presale: 3 })]);

    const other = await storeWithAgent(desk.url, admin, 'Other');
    expect((await http(desk.url, 'GET', `/api/analytics/conversion?storeId=${s.store.id}`, { token: other.agentToken })).status).toBe(403);
    expect((await http(desk.url, 'GET', `/api/analytics/conversion?groupBy=year`, { token: analyst })).body.fields).toHaveProperty('groupBy');
  });
});
