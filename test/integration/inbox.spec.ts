import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';

/** The inbox list as a work queue (`sort=sla`) and its search over the whole history and the order numbers. */
describe('inbox: work queue and search', () => {
  let desk: Desk;
  let admin: string;

  beforeAll(async () => {
    desk = await startDesk({ env: { SLA_RECONCILE_MS: '500' } });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(() => desk.close());

  const list = (token: string, query: string) => http(desk.url, 'GET', `/api/conversations?${query}`, { token });
  const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

  async function say(s: Awaited<ReturnType<typeof storeWithAgent>>, buyer: string, text: string): Promise<string> {
    const r = await signedInbound(desk.url, s.channel, inboundBody(text, buyer));
    expect(r.status).toBe(202);
    return r.body.conversationId as string;
  }

  it('orders the queue breached first, then by due time, then by activity, the same page by page', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Queue', { businessHours: null, slaPolicy: { firstResponseSeconds: 2, nextResponseSeconds: 2, warnBeforeSeconds: 1 } });
    const breached = await say(s, 'q-breached', '在吗?快递还没到');
    await waitFor(async () => (await http(desk.url, 'GET', `/api/conversations/${breached}`, { token: admin })).body.slaBreachedAt, 8000, 'the breach');
    const patched = await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { slaPolicy: { firstResponseSeconds: 900, nextResponseSeconds: 900, warnBeforeSeconds: 300 } } });
    expect(patched.status).toBe(200);
    const answered = await say(s, 'q-answered', '你好');
    expect((await http(desk.url, 'POST', `/api/conversations/${answered}/messages`, { token: admin, body: { body: '您好,请问有什么可以帮您?' } })).status).toBe(201);
    const soon = await say(s, 'q-soon', '尺码怎么选');
    const later = await say(s, 'q-later', '能开发票吗');

    const queue = await list(admin, `storeId=${s.store.id}&sort=sla`);
    expect(queue.status).toBe(200);
    expect(ids(queue.body)).toEqual([breached, soon, later, answered]);
    expect(queue.body.total).toBe(4);
    // The inbox's own order is untouched: newest activity first.
    expect(ids((await list(admin, `storeId=${s.store.id}`)).body)).toEqual([later, soon, answered, breached]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(admin, `storeId=${s.store.id}&sort=sla&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      paged.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor && paged.length < 10);
    expect(paged).toEqual([breached, soon, later, answered]);
  });

  it('finds a conversation by any of its messages and by its order numbers, not only by its last message', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Search', { businessHours: null });
    const tag = randomUUID().slice(0, 6);
    const id = await say(s, `s-${tag}`, `蓝色保温杯${tag}漏水了`);
    await say(s, `s-${tag}`, '还有一个问题');
    expect((await http(desk.url, 'POST', `/api/conversations/${id}/messages`, { token: admin, body: { body: '好的,马上为您处理' } })).status).toBe(201);
    const other = await say(s, `o-${tag}`, '别的顾客');

    const byOldMessage = await list(admin, `storeId=${s.store.id}&q=${encodeURIComponent(`保温杯${tag}`)}`);
    expect(ids(byOldMessage.body)).toEqual([id]);
    expect(ids((await list(admin, `storeId=${s.store.id}&q=${encodeURIComponent('马上为您处理')}`)).body)).toEqual([id]);

    // The customer's orders (as the side panel fetched them) and a ticket's order number.
    const orders = (await http(desk.url, 'GET', `/api/conversations/${other}/orders`, { token: admin })).body.items as { orderRef: string }[];
    expect(orders.length).toBeGreaterThan(0);
    expect(ids((await list(admin, `storeId=${s.store.id}&q=${orders[0].orderRef.slice(3, 14)}`)).body)).toEqual([other]);
    const ticket = await http(desk.url, 'POST', '/api/tickets', {
      token: admin,
      body: { conversationId: id, type: 'return', customerReason: '漏水', orderRef: `ZX-${tag}-77`, orderedAt: new Date().toISOString(), deliveredAt: null, items: [{ sku: 'C-1', name: '保温杯', category: 'home', qty: 1, price: 50 }] },
    });
    expect(ticket.status).toBe(201);
    expect(ids((await list(admin, `storeId=${s.store.id}&q=ZX-${tag}`)).body)).toEqual([id]);

    // Scoped as always: an agent of another store finds nothing.
    const stranger = await storeWithAgent(desk.url, admin, 'Elsewhere');
    expect((await list(stranger.agentToken, `q=${encodeURIComponent(`保温杯${tag}`)}`)).body.items).toEqual([]);
  });

  it('refuses a sort or a queue cursor it does not know, naming the field', async () => {
    const badSort = await list(admin, 'sort=due');
    expect(badSort.status).toBe(400);
    expect(badSort.body.fields).toHaveProperty('sort');
    const badCursor = await list(admin, `sort=sla&cursor=${Buffer.from('{"rank":1,"key":"1;drop","id":"x"}').toString('base64url')}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.fields).toHaveProperty('cursor');
  });
});
