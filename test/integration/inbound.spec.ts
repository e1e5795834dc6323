import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startDesk, type Desk } from '../support/desk.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

describe('inbound webhook → database → live events', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  it('reaches an agent of the store live, and nobody else', async () => {
    const mine = await storeWithAgent(desk.url, admin, 'Mine');
    const other = await storeWithAgent(desk.url, admin, 'Other');
    const me = await deskSocket(desk.url, mine.agentToken);
    const them = await deskSocket(desk.url, other.agentToken);
    try {
      const res = await signedInbound(desk.url, mine.channel, inboundBody('你好,请问什么时候发货?'));
      expect(res.status).toBe(202);

      const created = await waitFor(() => me.events.find((e) => e.name === 'message.created'), 5000, 'message.created');
      expect(created.payload).toMatchObject({ storeId: mine.store.id, direction: 'inbound', body: '你好,请问什么时候发货?' });
      expect(created.payload.conversationId).toBe(res.body.conversationId);
      expect(me.events.find((e) => e.name === 'conversation.created')?.payload).toMatchObject({ id: res.body.conversationId, storeId: mine.store.id, status: 'open' });

      await sleep(300); // a window for a stray event: the api published during the request (no worker here), over Redis pub/sub
      // The other agent hears only of themselves (their own presence), nothing of this store.
      expect(them.events.filter((e) => e.name !== 'agent.presence')).toEqual([]);
      expect(JSON.stringify(them.events)).not.toContain(mine.store.id);
      const peek = await http(desk.url, 'GET', `/api/conversations/${res.body.conversationId}`, { token: other.agentToken });
      expect(peek.status).toBe(404);
      const list = await http(desk.url, 'GET', '/api/conversations', { token: other.agentToken });
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(res.body.conversationId);

      const mineView = await http(desk.url, 'GET', `/api/conversations/${res.body.conversationId}`, { token: mine.agentToken });
      expect(mineView.status).toBe(200);
      expect(mineView.body.messages).toHaveLength(1);
      expect(mineView.body.awaitingReplySince).not.toBeNull();
    } finally {
      me.socket.close();
      them.socket.close();
    }
  });

  it('joins the open conversation of the same customer and starts a new one after it is resolved', async () => {
    const s = await storeWithAgent(desk.url, admin);
    const a = await signedInbound(desk.url, s.channel, inboundBody('first', 'buyer-x'));
    const b = await signedInbound(desk.url, s.channel, inboundBody('second', 'buyer-x'));
    expect(b.body.conversationId).toBe(a.body.conversationId);
    const resolved = await http(desk.url, 'POST', `/api/conversations/${a.body.conversationId}/status`, { token: s.agentToken, body: { status: 'resolved' } });
    expect(resolved.status).toBe(201);
    const c = await signedInbound(desk.url, s.channel, inboundBody('third', 'buyer-x'));
    expect(c.body.conversationId).not.toBe(a.body.conversationId);
  });

  it('refuses a bad or missing signature with 401 and stores nothing', async () => {
    const s = await storeWithAgent(desk.url, admin);
    const count = async () => (await desk.db.query(`SELECT count(*)::int AS n FROM messages WHERE store_id = $1`, [s.store.id]))[0].n;
    const wrong = await signedInbound(desk.url, s.channel, inboundBody('hi'), 'not-the-secret');
    expect(wrong.status).toBe(401);
    const missing = await http(desk.url, 'POST', `/api/channels/${s.channel.id}/inbound`, { body: inboundBody('hi') });
    expect(missing.status).toBe(401);
    expect(await count()).toBe(0);
    expect((await desk.db.query(`SELECT count(*)::int AS n FROM customers WHERE store_id = $1`, [s.store.id]))[0].n).toBe(0);
  });

  it('stores a message delivered 5 times concurrently exactly once', async () => {
    const s = await storeWithAgent(desk.url, admin);
    const body = inboundBody('重复投递的消息', 'buyer-dup');
    const answers = await Promise.all(Array.from({ length: 5 }, () => signedInbound(desk.url, s.channel, body)));
    for (const a of answers) expect(a.status).toBeLessThan(300);
    expect(new Set(answers.map((a) => a.body.messageId)).size).toBe(1);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    const rows = await desk.db.query(`SELECT count(*)::int AS n FROM messages WHERE store_id = $1`, [s.store.id]);
    expect(rows[0].n).toBe(1);
    const convs = await desk.db.query(`SELECT count(*)::int AS n FROM conversations WHERE store_id = $1`, [s.store.id]);
    expect(convs[0].n).toBe(1);
  });

  it('refuses a socket with a bad token at connect', async () => {
    await expect(deskSocket(desk.url, 'not-a-token')).rejects.toThrow(/unauthorized/);
  });
});
