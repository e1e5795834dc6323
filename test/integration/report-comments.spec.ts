import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, login, storeWithAgent, waitFor } from '../support/client.js';

describe('a client report’s thread', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  it('is written and read by those who see the report, live for both sides, and by nobody else', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Thread');
    const other = await storeWithAgent(desk.url, admin, 'Elsewhere');
    const report = await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate`, { token: admin });
    expect(report.status).toBe(201);
    const id = report.body.id as string;
    // An analyst limited to the store writes; the supervisor (all stores) hears it live.
    const analystEmail = `analyst-${s.store.id.slice(0, 6)}@example.test`;
    expect((await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: analystEmail, name: '品牌分析师', password: 'analyst-pass-1', role: 'analyst', storeIds: [s.store.id], languages: ['zh'] } })).status).toBe(201);
    const analyst = await login(desk.url, analystEmail, 'analyst-pass-1');
    const lead = await deskSocket(desk.url, await login(desk.url, 'supervisor@demo.kefu'));
    const outsider = await deskSocket(desk.url, other.agentToken);
    try {
      expect((await http(desk.url, 'POST', `/api/reports/${id}/comments`, { token: analyst, body: { body: '  ' } })).status).toBe(400);
      const posted = await http(desk.url, 'POST', `/api/reports/${id}/comments`, { token: analyst, body: { body: '退货原因里“尺码偏小”上升了，下周能看看详情页吗？' } });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ reportId: id, storeId: s.store.id, authorName: '品牌分析师', authorRole: 'analyst' });
      const heard = await waitFor(() => lead.events.find((e) => e.name === 'report.commented' && e.payload.id === posted.body.id), 5000, 'report.commented');
      expect(heard.payload.body).toContain('尺码偏小');
      const answer = await http(desk.url, 'POST', `/api/reports/${id}/comments`, { token: admin, body: { body: '好的，已安排更新尺码表。' } });
      expect(answer.status).toBe(201);
      const thread = await http(desk.url, 'GET', `/api/reports/${id}/comments`, { token: analyst });
      expect(thread.body.items.map((c: { body: string }) => c.body)).toEqual([posted.body.body, '好的，已安排更新尺码表。']);
      // Another store's people: the report does not exist for them, and they heard nothing.
      const otherAnalystEmail = `analyst-${other.store.id.slice(0, 6)}@example.test`;
      await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: otherAnalystEmail, name: 'Other analyst', password: 'analyst-pass-1', role: 'analyst', storeIds: [other.store.id], languages: ['zh'] } });
      const otherAnalyst = await login(desk.url, otherAnalystEmail, 'analyst-pass-1');
      expect((await http(desk.url, 'GET', `/api/reports/${id}/comments`, { token: otherAnalyst })).status).toBe(404);
      expect((await http(desk.url, 'POST', `/api/reports/${id}/comments`, { token: otherAnalyst, body: { body: 'hi' } })).status).toBe(404);
      expect(outsider.events.some((e) => e.name === 'report.commented')).toBe(false);
    } finally {
      lead.socket.close();
      outsider.socket.close();
    }
  });
});
