import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';
import { bodiesOf, operations, pathWith, type Fill, type Operation } from '../support/openapi.js';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';

const NUL_TEXT = 'odd\u0000text\u0007 \u202Eevil\u200B name';
const FAR_FUTURE = '9999-12-31T23:59:59Z';
const cursorOf = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * Issue 13, item 7: odd characters and absurd values, on every documented route. A NUL or another
 * control character anywhere is stripped, never a 500 (and the webhook keeps the customer's
 * message); far-future dates and cursors are a 400 naming the parameter.
 */
describe('odd input on every route', () => {
  let desk: Desk;
  let admin: string;
  let s: Awaited<ReturnType<typeof storeWithAgent>>;
  let ops: Operation[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    s = await storeWithAgent(desk.url, admin, 'Odd input', { businessHours: null });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('你好,尺码偏小,想退货'));
    ids.conversation = inbound.body.conversationId;
    ids.message = inbound.body.messageId;
    ids.store = s.store.id;
    // The walk rotates this channel's secret and disables it: another channel of the store, not the one the webhook tests sign with.
    ids.channel = (await http(desk.url, 'POST', `/api/stores/${s.store.id}/channels`, { token: admin, body: { kind: 'web_chat', name: 'walked' } })).body.id;
    // The walk changes this agent (name, password, active…): a colleague of the store, not the one the tests sign in as.
    ids.user = (await storeWithAgent(desk.url, admin, 'Odd input colleague')).agent.id;
    ids.customer = (await http(desk.url, 'GET', `/api/conversations/${ids.conversation}`, { token: admin })).body.customerId;
    const ticket = await http(desk.url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: { conversationId: ids.conversation, type: 'return', customerReason: '尺码偏小', items: [{ sku: 'ODD-1', name: 'odd', category: 'apparel', qty: 1, price: 10 }], orderedAt: new Date().toISOString(), deliveredAt: null },
    });
    ids.ticket = ticket.body.id;
    ids.article = (await http(desk.url, 'POST', '/api/kb/articles', { token: admin, body: { storeId: s.store.id, lang: 'zh', title: '退货', body: '七天无理由', status: 'published' } })).body.id;
    ids.report = (await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate`, { token: admin })).body.id;
    ids.quickReply = (await http(desk.url, 'POST', '/api/kb/quick-replies', { token: admin, body: { storeId: s.store.id, shortcut: 'odd', title: 'odd', body: '稍等' } })).body.id;
    ops = (await operations(desk.url)).filter((op) => op.secured && op.method !== 'DELETE');
  });
  afterAll(() => desk.close());

  const KIND = /channel|conversation|customer|message|ticket|article|report|user|assignee|store/i;
  const fill = (text: string): Fill => ({
    id: (name) => {
      const kind = KIND.exec(name)?.[0].toLowerCase();
      return kind ? ids[kind === 'assignee' ? 'user' : kind] : undefined;
    },
    text: () => text,
  });
  /** The id for a path's parameter: of the kind its collection names (`/api/tickets/{id}` → the ticket). */
  const COLLECTIONS: Record<string, string> = { stores: 'store', users: 'user', conversations: 'conversation', tickets: 'ticket', articles: 'article', 'quick-replies': 'quickReply', reports: 'report', channels: 'channel' };
  const pathOf = (op: Operation) => {
    const collection = op.path.split('/{')[0].split('/').pop()!;
    return pathWith(op, Object.fromEntries(op.pathParams.map((p) => [p, ids[COLLECTIONS[collection]] ?? ids.store])));
  };

  it('never answers 5xx to a NUL, a bell, a bidi override or a zero-width space in any text field or parameter', async () => {
    const failures: string[] = [];
    for (const token of [admin, s.agentToken]) {
      for (const op of ops) {
        const textParams = op.query.filter((q) => !KIND.test(q.name) && (q.schema as { type?: string }).type === 'string' && !(q.schema as { format?: string }).format);
        const query = textParams.length ? `?${new URLSearchParams(textParams.map((q) => [q.name, NUL_TEXT])).toString()}` : '';
        for (const body of bodiesOf(op, fill(NUL_TEXT))) {
          const r = await http(desk.url, op.method, pathOf(op) + query, { token, body });
          if (r.status >= 500) failures.push(`${op.method} ${op.path}${query} ${JSON.stringify(body)?.slice(0, 100)} → ${r.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing stored carries a control character.
    const [row] = await desk.db.query(
      `SELECT (SELECT count(*) FROM messages WHERE body ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]')::int AS messages,
              (SELECT count(*) FROM kb_articles WHERE title ~ '[\\x01-\\x08\\x7f]' OR body ~ '[\\x01-\\x08\\x7f]')::int AS articles,
              (SELECT count(*) FROM kb_gaps WHERE query ~ '[\\x01-\\x08\\x7f]')::int AS gaps`,
    );
    expect(row).toEqual({ messages: 0, articles: 0, gaps: 0 });
  }, 300_000);

  it('stores the customer message whatever odd characters the webhook carries, stripped, names cleaned', async () => {
    const body = { ...inboundBody('在吗\u0000 我的订单\u0007\n第二行\t好', `odd-${randomUUID()}`), customer: { externalId: `odd-${randomUUID()}`, name: '张\u202E三\u200B\u0000' } };
    const r = await signedInbound(desk.url, s.channel, body);
    expect(r.status).toBe(202);
    const detail = (await http(desk.url, 'GET', `/api/conversations/${r.body.conversationId}`, { token: admin })).body;
    expect(detail.messages.map((m: { body: string }) => m.body)).toEqual(['在吗 我的订单\n第二行\t好']);
    expect(detail.customer.name).toBe('张三');
    // The order webhook too.
    const order = JSON.stringify({ orderRef: `ODD\u0000${Date.now()}`, customer: { externalId: 'odd\u0000buyer', name: '\u202E李四' }, items: [{ sku: 'S\u0000', name: '杯子\u0007', category: 'home', qty: 1, price: 9 }], paidAt: new Date().toISOString() });
    const placed = await http(desk.url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw: order, headers: { 'x-kefu-signature': signBody(s.channel.secret, order) } });
    expect(placed.status).toBe(202);
    const [row] = await desk.db.query('SELECT order_ref, customer_external_id, items FROM orders WHERE id = $1', [placed.body.orderId]);
    expect(row).toMatchObject({ order_ref: expect.stringMatching(/^ODD\d+$/), customer_external_id: 'oddbuyer', items: [{ sku: 'S', name: '杯子' }] });
  });

  it('keeps newlines and tabs in replies and notes, and strips the rest', async () => {
    const r = await http(desk.url, 'POST', `/api/conversations/${ids.conversation}/messages`, { token: s.agentToken, body: { body: '您好\u0000,\r\n稍等\t一下\u001b[31m', kind: 'note' } });
    expect(r.status).toBe(201);
    expect(r.body.body).toBe('您好,\r\n稍等\t一下[31m');
  });

  it('names a store or user without bidi overrides or zero-width characters', async () => {
    const store = await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { name: '\u202Eevil\u200B\u2066 Store\u0000' } });
    expect(store.status).toBe(200);
    expect(store.body.name).toBe('evil Store');
    const user = await http(desk.url, 'PATCH', `/api/users/${s.agent.id}`, { token: admin, body: { name: '\uFEFF小\u200D美\u202C' } });
    expect(user.body.name).toBe('小美');
    // A name of nothing but invisible characters is an empty name.
    expect((await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { name: '\u200B\u202E' } })).body.fields).toHaveProperty('name');
  });

  it('answers 400 naming the parameter to far-future dates on every route that takes one', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops) {
      const dated = op.query.filter((q) => /date-time/.test(JSON.stringify(q.schema)));
      for (const q of dated) {
        checked++;
        const r = await http(desk.url, op.method, `${pathOf(op)}?${q.name}=${encodeURIComponent(FAR_FUTURE)}`, { token: admin });
        if (r.status !== 400 || !r.body.fields?.[q.name]) failures.push(`${op.method} ${op.path}?${q.name}=${FAR_FUTURE} → ${r.status} ${JSON.stringify(r.body.fields ?? r.body).slice(0, 120)}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    // Bodies: a far-future delivery, due date, order date.
    const ticket = await http(desk.url, 'POST', '/api/tickets', { token: s.agentToken, body: { conversationId: ids.conversation, type: 'return', customerReason: 'x', items: [{ sku: 'A', name: 'a', category: 'apparel', qty: 1, price: 1 }], orderedAt: FAR_FUTURE, deliveredAt: FAR_FUTURE } });
    expect([ticket.status, Object.keys(ticket.body.fields ?? {})]).toEqual([400, ['orderedAt', 'deliveredAt']]);
    expect(failures).toEqual([]);
  });

  it('answers 400 to cursors it never gave, however absurd', async () => {
    const cursors = [
      cursorOf({ at: FAR_FUTURE, id: randomUUID() }),
      cursorOf({ at: '+275760-09-13T00:00:00.000Z', id: randomUUID() }),
      cursorOf({ at: '1', id: randomUUID() }),
      cursorOf({ at: new Date().toISOString(), id: 'not-a-uuid' }),
      cursorOf({ at: new Date().toISOString(), id: `${randomUUID()}\u0000` }),
      cursorOf(['x']),
      '%00',
      'not base64 at all!',
    ];
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.method === 'GET' && o.query.some((q) => q.name === 'cursor')))
      for (const cursor of cursors) {
        const r = await http(desk.url, 'GET', `${pathOf(op)}?cursor=${encodeURIComponent(cursor)}`, { token: admin });
        if (r.status !== 400 || !r.body.fields?.cursor) failures.push(`${op.path}?cursor=${cursor} → ${r.status}`);
      }
    expect(failures).toEqual([]);
  });
});
