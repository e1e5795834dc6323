import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

/** Issue 22: the brand's `client` users read their stores, masked, and write report comments only. */
describe('client (brand) users', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  async function clientOf(storeIds: string[]) {
    const email = `brand-${randomUUID().slice(0, 8)}@example.test`;
    const created = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: '品牌方', password: 'brand-pass-1', role: 'client', storeIds, languages: ['zh'] } });
    expect(created.status).toBe(201);
    return { user: created.body, token: await login(desk.url, email, 'brand-pass-1') };
  }

  it('must be given their stores', async () => {
    const r = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: `brand-${randomUUID().slice(0, 8)}@example.test`, name: 'Brand', role: 'client', storeIds: [] } });
    expect([r.status, Object.keys(r.body.fields ?? {})]).toEqual([400, ['storeIds']]);
    const s = await storeWithAgent(desk.url, admin, 'Brand edit');
    const { user } = await clientOf([s.store.id]);
    const cleared = await http(desk.url, 'PATCH', `/api/users/${user.id}`, { token: admin, body: { storeIds: [] } });
    expect([cleared.status, Object.keys(cleared.body.fields ?? {})]).toEqual([400, ['storeIds']]);
  });

  it("reads their store's conversations with buyers masked, figures and reports, and nothing of another store", async () => {
    const mine = await storeWithAgent(desk.url, admin, 'Brand mine');
    const other = await storeWithAgent(desk.url, admin, 'Brand other');
    const inMine = await signedInbound(desk.url, mine.channel, { ...inboundBody('我的电话是 13812345678，邮箱 wang.fang@example.com', 'tb_wangfang'), customer: { externalId: 'tb_wangfang', name: '王芳' } });
    const inOther = await signedInbound(desk.url, other.channel, inboundBody('在吗', 'buyer-other'));
    // The agency's note and its reply naming the buyer.
    await http(desk.url, 'POST', `/api/conversations/${inMine.body.conversationId}/messages`, { token: mine.agentToken, body: { kind: 'note', body: '内部: 这位顾客上次退过货' } });
    await http(desk.url, 'POST', `/api/conversations/${inMine.body.conversationId}/messages`, { token: mine.agentToken, body: { body: '王芳您好,已为您登记' } });
    const client = await clientOf([mine.store.id]);
    const get = (path: string) => http(desk.url, 'GET', path, { token: client.token });

    expect((await get('/api/auth/me')).body).toMatchObject({ role: 'client', storeIds: [mine.store.id] });
    expect((await get('/api/stores')).body.items.map((s: { id: string }) => s.id)).toEqual([mine.store.id]);
    const list = await get('/api/conversations');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([inMine.body.conversationId]);
    const detail = await get(`/api/conversations/${inMine.body.conversationId}`);
    expect(detail.status).toBe(200);
    const seen = JSON.stringify(detail.body);
    for (const personal of ['王芳', 'tb_wangfang', '13812345678', 'wang.fang@', '内部']) expect(seen).not.toContain(personal);
    expect(detail.body.messages.map((m: { body: string }) => m.body)).toEqual(['我的电话是 138****5678，邮箱 w***@example.com', '王*您好,已为您登记']);
    expect(detail.body.customer.name).toBe('王*');
    // The agency sees the buyer in clear.
    expect((await http(desk.url, 'GET', `/api/conversations/${inMine.body.conversationId}`, { token: admin })).body.customer.name).toBe('王芳');

    expect((await get(`/api/conversations/${inOther.body.conversationId}`)).status).toBe(404);
    expect((await get(`/api/stores/${other.store.id}`)).status).toBe(404);
    for (const path of ['/api/tickets', '/api/analytics/causes', '/api/analytics/csat', '/api/sla/summary', '/api/reports', `/api/statements?storeId=${mine.store.id}&month=${new Date().toISOString().slice(0, 7)}`])
      expect([path, (await get(path)).status]).toEqual([path, 200]);
    const rates = await get('/api/sla/response-rate?groupBy=store');
    expect(rates.body.items.map((i: { storeId: string }) => i.storeId)).toEqual([mine.store.id]);
    expect((await get(`/api/sla/summary?storeId=${other.store.id}`)).body.byStore).toEqual([]);
    // Agency-internal reads are closed.
    for (const path of ['/api/users', '/api/kb/articles', '/api/audit', '/api/guard/rules', '/api/presence', '/api/rule-changes', `/api/stores/${mine.store.id}/channels`])
      expect([path, (await get(path)).status]).toEqual([path, 403]);
  });

  it('writes nothing but report comments, heard live by the agency and by the brand', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Brand writes');
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('在吗', 'buyer-brand'));
    const id = inbound.body.conversationId;
    const client = await clientOf([s.store.id]);
    const write = (method: string, path: string, body: unknown = {}) => http(desk.url, method, path, { token: client.token, body });
    for (const [method, path, body] of [
      ['POST', `/api/conversations/${id}/messages`, { body: '你好' }],
      ['POST', `/api/conversations/${id}/status`, { status: 'resolved' }],
      ['POST', '/api/tickets', { conversationId: id, type: 'return' }],
      ['PATCH', `/api/stores/${s.store.id}`, { name: 'Renamed' }],
      ['PUT', `/api/stores/${s.store.id}/contract`, { baseFeeMonthly: 0, commissionRate: 0, attributionHours: 24 }],
      ['POST', `/api/customers/${randomUUID()}/reveal`, { fields: ['phone'], purpose: 'x' }],
      ['POST', '/api/guard/check', { storeId: s.store.id, text: 'hi' }],
      ['POST', `/api/reports/stores/${s.store.id}/generate`, {}],
      ['POST', '/api/presence', { status: 'available' }],
    ] as const)
      expect([method, path, (await write(method, path, body)).status]).toEqual([method, path, 403]);
    expect((await http(desk.url, 'GET', `/api/conversations/${id}`, { token: admin })).body.messages).toHaveLength(1);

    const report = await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate`, { token: admin });
    const brand = await deskSocket(desk.url, client.token);
    const lead = await deskSocket(desk.url, await login(desk.url, 'supervisor@demo.kefu'));
    try {
      const posted = await write('POST', `/api/reports/${report.body.id}/comments`, { body: '这周退货率为什么上升？' });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ authorRole: 'client', storeId: s.store.id });
      await waitFor(() => lead.events.find((e) => e.name === 'report.commented' && e.payload.id === posted.body.id), 5000, 'the agency hears the brand');
      const answer = await http(desk.url, 'POST', `/api/reports/${report.body.id}/comments`, { token: admin, body: { body: '主要是尺码问题，已更新尺码表。' } });
      await waitFor(() => brand.events.find((e) => e.name === 'report.commented' && e.payload.id === answer.body.id), 5000, 'the brand hears the agency');
      // The store's live traffic (buyers' messages) is not the brand's to hear.
      await signedInbound(desk.url, s.channel, inboundBody('我的电话 13912345678', 'buyer-brand-2'));
      await waitFor(() => lead.events.find((e) => e.name === 'message.created' && e.payload.storeId === s.store.id && e.payload.body.includes('1391234')), 5000, 'the lead hears the message');
      await sleep(200);
      expect(brand.events.filter((e) => e.name !== 'report.commented').map((e) => e.name)).toEqual([]);
    } finally {
      brand.socket.close();
      lead.socket.close();
    }
  });
});
