import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

/**
 * Root-cause analytics against a hand-computed fixture: tickets with known causes, creation times
 * and SKUs in fresh stores (inserted with SQL, so the rollup triggers see ordinary writes), over
 * the local fortnight 2026-03-02 … 2026-03-15 of a Shanghai store.
 */
describe('root-cause analytics', () => {
  let desk: Desk;
  let admin: string;
  let analystA: string; // limited to store A
  let analystAB: string; // limited to stores A and B
  let a: Awaited<ReturnType<typeof fixtureStore>>;
  let b: Awaited<ReturnType<typeof fixtureStore>>;
  const ids = new Map<string, string>();

  // The local fortnight in Shanghai (UTC+8), Monday to Monday.
  const FROM = '2026-03-02T00:00:00+08:00';
  const TO = '2026-03-16T00:00:00+08:00';

  async function fixtureStore(name: string, timezone: string) {
    const s = await storeWithAgent(desk.url, admin, name, { timezone, businessHours: null });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('你好', `buyer-${randomUUID().slice(0, 6)}`));
    const [conv] = await desk.db.query(`SELECT id, customer_id FROM conversations WHERE id = $1`, [inbound.body.conversationId]);
    await desk.db.query(`UPDATE customers SET name = '张三丰', phone = '13812345678', address = '广东省深圳市南山区科技园科苑路15号' WHERE id = $1`, [conv.customer_id]);
    return { ...s, conversationId: conv.id as string, customerId: conv.customer_id as string };
  }

  /** A ticket created at `at` (ISO with offset), straight into the table. */
  async function ticket(key: string, store: typeof a, at: string, cause: string | null, source: 'auto' | 'agent' | null, suggested: string | null, skus: [string, string][], reason = '鞋子开胶了') {
    const items = skus.map(([sku, category]) => ({ sku, name: `商品 ${sku}`, category, qty: 1, price: 100 }));
    const [row] = await desk.db.query(
      `INSERT INTO tickets (store_id, conversation_id, customer_id, type, status, customer_reason, cause, cause_source, suggested_cause, items, created_at, updated_at, policy_decision, order_ref)
       VALUES ($1, $2, $3, 'return', 'requested', $4, $5, $6, $7, $8, $9, $9, '{}', $10) RETURNING id`,
      [store.store.id, store.conversationId, store.customerId, reason, cause, source, suggested, JSON.stringify(items), at, `O-${key}`],
    );
    ids.set(key, row.id);
  }

  const causes = (token: string, query: Record<string, string>) => http(desk.url, 'GET', `/api/analytics/causes?${new URLSearchParams(query)}`, { token });
  const tickets = (token: string, query: Record<string, string>) => http(desk.url, 'GET', `/api/analytics/tickets?${new URLSearchParams({ limit: '200', ...query })}`, { token });
  const keysOf = (page: { items: { id: string }[] }) => page.items.map((t) => [...ids].find(([, id]) => id === t.id)?.[0]).sort();

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    a = await fixtureStore('分析店A', 'Asia/Shanghai');
    b = await fixtureStore('Analytics B', 'America/New_York');
    for (const [email, storeIds] of [
      ['analyst-a', [a.store.id]],
      ['analyst-ab', [a.store.id, b.store.id]],
    ] as const) {
      const r = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: `${email}-${randomUUID().slice(0, 6)}@example.test`, name: email, password: 'analyst-pass-1', role: 'analyst', storeIds } });
      expect(r.status).toBe(201);
      if (email === 'analyst-a') analystA = await login(desk.url, r.body.email, 'analyst-pass-1');
      else analystAB = await login(desk.url, r.body.email, 'analyst-pass-1');
    }
    // Store A, Shanghai. SKUs A1, A2 are shoes, A3 a bag.
    await ticket('t1', a, '2026-03-02T10:00:00+08:00', 'product_quality', 'auto', 'product_quality', [['A1', 'shoes'], ['A2', 'shoes']]);
    await ticket('t2', a, '2026-03-02T23:30:00+08:00', 'product_quality', 'agent', 'size_fit', [['A1', 'shoes']]); // corrected
    await ticket('t3', a, '2026-03-03T07:00:00+08:00', 'size_fit', 'auto', 'size_fit', [['A2', 'shoes']]); // 2026-03-02 in UTC
    await ticket('t4', a, '2026-03-05T12:00:00+08:00', 'logistics_delay', 'agent', 'logistics_delay', [['A3', 'bags']]); // confirmed
    await ticket('t5', a, '2026-03-08T23:59:00+08:00', 'product_quality', 'auto', 'product_quality', [['A1', 'shoes'], ['A1', 'shoes']]);
    await ticket('t6', a, '2026-03-09T00:30:00+08:00', 'changed_mind', 'agent', null, [['A2', 'shoes']]); // week 1 in UTC, week 2 locally
    await ticket('t7', a, '2026-03-10T15:00:00+08:00', 'product_quality', 'auto', 'product_quality', [['A3', 'bags']]);
    await ticket('t8', a, '2026-03-12T08:00:00+08:00', null, null, null, [['A1', 'shoes']], '联系我13900001111,寄到上海市浦东新区张江路88号3栋501室'); // unclassified
    await ticket('t9', a, '2026-03-15T22:00:00+08:00', 'size_fit', 'agent', 'changed_mind', [['A2', 'shoes']]); // corrected
    await ticket('t10', a, '2026-03-16T00:00:00+08:00', 'other', 'auto', 'other', [['A1', 'shoes']]); // = to: outside
    // The fortnight before.
    await ticket('p1', a, '2026-02-17T09:00:00+08:00', 'other', 'auto', 'other', [['A1', 'shoes']]);
    await ticket('p2', a, '2026-02-20T09:00:00+08:00', 'product_quality', 'auto', 'product_quality', [['A1', 'shoes']]);
    await ticket('p3', a, '2026-02-25T09:00:00+08:00', 'product_quality', 'auto', 'product_quality', [['A1', 'shoes']]);
    await ticket('p4', a, '2026-03-01T23:59:00+08:00', 'logistics_delay', 'auto', 'logistics_delay', [['A3', 'bags']]);
    // Store B, New York: Sunday 2026-03-08 23:30 locally is Monday in Shanghai and in UTC.
    await ticket('b1', b, '2026-03-08T23:30:00-04:00', 'shipping_damage', 'auto', 'shipping_damage', [['B1', 'home']]);
    await ticket('b2', b, '2026-03-11T10:00:00-04:00', 'shipping_damage', 'auto', 'shipping_damage', [['B1', 'home']]);
  });
  afterAll(() => desk.close());

  const period = { from: FROM, to: TO };

  describe('the breakdown of a store', () => {
    it('counts causes, shares of the period, unclassified apart', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ from: '2026-03-01T16:00:00.000Z', to: '2026-03-15T16:00:00.000Z', groupBy: null, total: 9, unclassified: 1 });
      expect(r.body.items).toEqual([
        { cause: 'product_quality', count: 4, share: 4 / 9 },
        { cause: 'size_fit', count: 2, share: 2 / 9 },
        { cause: 'changed_mind', count: 1, share: 1 / 9 },
        { cause: 'logistics_delay', count: 1, share: 1 / 9 },
      ]);
    });

    it('compares with the period before: previous counts and trend', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id });
      expect(r.body.previous).toEqual({
        from: '2026-02-15T16:00:00.000Z',
        to: '2026-03-01T16:00:00.000Z',
        total: 4,
        unclassified: 0,
        causes: [
          { cause: 'product_quality', count: 2 },
          { cause: 'logistics_delay', count: 1 },
          { cause: 'other', count: 1 },
        ],
      });
      expect(r.body.trend).toEqual([
        { cause: 'product_quality', count: 4, previousCount: 2, change: 1 },
        { cause: 'size_fit', count: 2, previousCount: 0, change: null },
        { cause: 'logistics_delay', count: 1, previousCount: 1, change: 0 },
        { cause: 'changed_mind', count: 1, previousCount: 0, change: null },
        { cause: 'other', count: 0, previousCount: 1, change: -1 },
      ]);
    });

    it('Pareto: the vital few make the first 80% of classified tickets', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id });
      expect(r.body.pareto).toEqual([
        { cause: 'product_quality', count: 4, share: 0.5, cumulativeShare: 0.5, vital: true },
        { cause: 'size_fit', count: 2, share: 0.25, cumulativeShare: 0.75, vital: true },
        { cause: 'changed_mind', count: 1, share: 0.125, cumulativeShare: 0.875, vital: true },
        { cause: 'logistics_delay', count: 1, share: 0.125, cumulativeShare: 1, vital: false },
      ]);
    });

    it('corrections: of the classifier’s causes, those an agent changed', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id });
      expect(r.body.corrections).toEqual({ auto: 7, corrected: 2, share: 2 / 7 });
    });

    it('carries the SLA figures of the same period and store', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id });
      expect(r.body.sla).toMatchObject({ from: '2026-03-01T16:00:00.000Z', to: '2026-03-15T16:00:00.000Z', overall: { timers: 0, breachRate: null } });
    });

    it('groups by store-local ISO week (Monday) with shares of the week', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'week' });
      expect(r.body.groups).toEqual([
        { week: '2026-03-02', total: 5, unclassified: 0 },
        { week: '2026-03-09', total: 4, unclassified: 1 },
      ]);
      expect(r.body.items).toEqual([
        { week: '2026-03-02', cause: 'product_quality', count: 3, share: 0.6 },
        { week: '2026-03-02', cause: 'logistics_delay', count: 1, share: 0.2 },
        { week: '2026-03-02', cause: 'size_fit', count: 1, share: 0.2 },
        { week: '2026-03-09', cause: 'changed_mind', count: 1, share: 0.25 },
        { week: '2026-03-09', cause: 'product_quality', count: 1, share: 0.25 },
        { week: '2026-03-09', cause: 'size_fit', count: 1, share: 0.25 },
      ]);
    });

    it('groups by store-local day and by month', async () => {
      const days = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'day' });
      expect(days.body.groups.map((g: any) => [g.day, g.total, g.unclassified])).toEqual([
        ['2026-03-02', 2, 0],
        ['2026-03-03', 1, 0],
        ['2026-03-05', 1, 0],
        ['2026-03-08', 1, 0],
        ['2026-03-09', 1, 0],
        ['2026-03-10', 1, 0],
        ['2026-03-12', 1, 1],
        ['2026-03-15', 1, 0],
      ]);
      const months = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'month' });
      expect(months.body.groups).toEqual([{ month: '2026-03', total: 9, unclassified: 1 }]);
      expect(months.body.items[0]).toEqual({ month: '2026-03', cause: 'product_quality', count: 4, share: 4 / 9 });
    });

    it('reads whole months from the monthly rollup', async () => {
      const r = await causes(analystA, { from: '2026-02-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', storeId: a.store.id, groupBy: 'month' });
      // February: p1–p3; March: t1–t10 and p4 (2026-03-01 23:59 locally).
      expect(r.body.groups).toEqual([
        { month: '2026-02', total: 3, unclassified: 0 },
        { month: '2026-03', total: 11, unclassified: 1 },
      ]);
      expect(r.body.items.filter((i: any) => i.month === '2026-02').map((i: any) => [i.cause, i.count])).toEqual([
        ['product_quality', 2],
        ['other', 1],
      ]);
    });

    it('groups by SKU: a ticket counts once per distinct SKU; share of the SKU’s tickets', async () => {
      const r = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'sku' });
      const store = { storeId: a.store.id, storeName: a.store.name };
      expect(r.body.groupCount).toBe(3);
      expect(r.body.groups).toEqual([
        { ...store, sku: 'A1', name: '商品 A1', total: 4, unclassified: 1 },
        { ...store, sku: 'A2', name: '商品 A2', total: 4, unclassified: 0 },
        { ...store, sku: 'A3', name: '商品 A3', total: 2, unclassified: 0 },
      ]);
      expect(r.body.items.filter((i: any) => i.sku === 'A1')).toEqual([{ ...store, sku: 'A1', name: '商品 A1', cause: 'product_quality', count: 3, share: 0.75 }]);
      expect(r.body.items.filter((i: any) => i.sku === 'A2').map((i: any) => [i.cause, i.count])).toEqual([
        ['size_fit', 2],
        ['changed_mind', 1],
        ['product_quality', 1],
      ]);
      // The period's totals still count each ticket once.
      expect(r.body).toMatchObject({ total: 9, unclassified: 1 });
      const top = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'sku', limit: '1' });
      expect(top.body.groups.map((g: any) => g.sku)).toEqual(['A1']);
      expect(top.body.groupCount).toBe(3);
    });

    it('groups by category and by store', async () => {
      const cats = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'category' });
      expect(cats.body.groups).toEqual([
        { category: 'shoes', total: 7, unclassified: 1 },
        { category: 'bags', total: 2, unclassified: 0 },
      ]);
      const stores = await causes(analystA, { ...period, groupBy: 'store' });
      expect(stores.body.groups).toEqual([{ storeId: a.store.id, storeName: a.store.name, total: 9, unclassified: 1 }]);
    });

    it('counts partial days at the edges of any period from the tickets themselves', async () => {
      const r = await causes(analystA, { from: '2026-03-02T12:00:00+08:00', to: '2026-03-10T16:00:00+08:00', storeId: a.store.id, groupBy: 'week' });
      expect(r.body.total).toBe(6);
      expect(r.body.groups).toEqual([
        { week: '2026-03-02', total: 4, unclassified: 0 },
        { week: '2026-03-09', total: 2, unclassified: 0 },
      ]);
      expect(r.body.items.filter((i: any) => i.cause === 'product_quality').map((i: any) => [i.week, i.count])).toEqual([
        ['2026-03-02', 2],
        ['2026-03-09', 1],
      ]);
    });

    it('filters by ticket type and cause source', async () => {
      const agent = await causes(analystA, { ...period, storeId: a.store.id, causeSource: 'agent' });
      expect(agent.body.items.map((i: any) => [i.cause, i.count])).toEqual([
        ['changed_mind', 1],
        ['logistics_delay', 1],
        ['product_quality', 1],
        ['size_fit', 1],
      ]);
      expect(agent.body.corrections).toEqual({ auto: 3, corrected: 2, share: 2 / 3 });
      const exchanges = await causes(analystA, { ...period, storeId: a.store.id, type: 'exchange' });
      expect(exchanges.body).toMatchObject({ total: 0, items: [], pareto: [], corrections: { auto: 0, corrected: 0, share: null } });
    });
  });

  describe('several stores, each in its own timezone', () => {
    it('puts each ticket in its own store’s local week', async () => {
      const r = await causes(analystAB, { ...period, groupBy: 'week' });
      expect(r.body.total).toBe(11);
      // b1 is Sunday 2026-03-08 in New York: week of 2026-03-02 there.
      expect(r.body.groups).toEqual([
        { week: '2026-03-02', total: 6, unclassified: 0 },
        { week: '2026-03-09', total: 5, unclassified: 1 },
      ]);
      const stores = await causes(analystAB, { ...period, groupBy: 'store' });
      expect(stores.body.groups.map((g: any) => [g.storeName, g.total])).toEqual([
        [b.store.name, 2],
        [a.store.name, 9],
      ]);
    });
  });

  describe('drill-down: the tickets behind a figure', () => {
    it('selects exactly the tickets counted in a bar', async () => {
      const q = { ...period, storeId: a.store.id };
      expect(keysOf((await tickets(analystA, { ...q, week: '2026-03-02', cause: 'product_quality' })).body)).toEqual(['t1', 't2', 't5']);
      expect(keysOf((await tickets(analystA, { ...q, sku: 'A1' })).body)).toEqual(['t1', 't2', 't5', 't8']);
      expect(keysOf((await tickets(analystA, { ...q, category: 'bags' })).body)).toEqual(['t4', 't7']);
      expect(keysOf((await tickets(analystA, { ...q, cause: 'none' })).body)).toEqual(['t8']);
      expect(keysOf((await tickets(analystA, { ...q, corrections: 'corrected' })).body)).toEqual(['t2', 't9']);
      expect(keysOf((await tickets(analystA, { ...q, day: '2026-03-02' })).body)).toEqual(['t1', 't2']);
      expect(keysOf((await tickets(analystA, { ...q, month: '2026-03' })).body)).toHaveLength(9);
    });

    it('agrees with every bar of the breakdown, across timezones', async () => {
      for (const groupBy of ['week', 'day', 'sku', 'category', 'store'] as const) {
        const r = await causes(analystAB, { ...period, groupBy });
        for (const item of r.body.items) {
          const { count: _c, share: _s, cause, storeName: _n, name: _m, ...key } = item;
          const page = await tickets(analystAB, { ...period, cause, ...key });
          expect({ groupBy, ...item, count: page.body.total }).toEqual({ groupBy, ...item });
        }
      }
    });
  });

  describe('counts follow ticket writes through the API', () => {
    it('a ticket opened and then corrected by an agent moves between causes', async () => {
      const started = new Date(Date.now() - 1000).toISOString();
      const chat = await signedInbound(desk.url, a.channel, inboundBody('鞋子穿了一天就开胶了', `buyer-${randomUUID().slice(0, 6)}`));
      const opened = await http(desk.url, 'POST', '/api/tickets', { token: a.agentToken, body: { conversationId: chat.body.conversationId, type: 'return', customerReason: '鞋子穿了一天就开胶了', items: [{ sku: 'A9', name: '新款', category: 'shoes', qty: 1, price: 10 }], orderRef: 'O-api', orderedAt: started, deliveredAt: started } });
      expect(opened.status).toBe(201);
      const window = () => ({ from: started, to: new Date(Date.now() + 60_000).toISOString(), storeId: a.store.id });
      const before = await causes(analystA, window());
      expect(before.body.total).toBe(1);
      const first = opened.body.cause as string | null;
      const other = first === 'size_fit' ? 'changed_mind' : 'size_fit';
      const corrected = await http(desk.url, 'POST', `/api/tickets/${opened.body.id}/cause`, { token: a.agentToken, body: { cause: other } });
      expect(corrected.status).toBe(200);
      const after = await causes(analystA, window());
      expect(after.body.items).toEqual([{ cause: other, count: 1, share: 1 }]);
      if (first) expect(after.body.corrections).toEqual({ auto: 1, corrected: 1, share: 1 });
    });
  });

  describe('counts follow ticket and store changes', () => {
    it('a ticket whose creation time changes moves to its new bucket', async () => {
      await desk.db.query(`UPDATE tickets SET created_at = '2026-03-13T10:00:00+08:00' WHERE id = $1`, [ids.get('t1')]);
      const r = await causes(analystA, { ...period, storeId: a.store.id, groupBy: 'week' });
      expect(r.body.groups).toEqual([
        { week: '2026-03-02', total: 4, unclassified: 0 },
        { week: '2026-03-09', total: 5, unclassified: 1 },
      ]);
      await desk.db.query(`UPDATE tickets SET created_at = '2026-03-02T10:00:00+08:00' WHERE id = $1`, [ids.get('t1')]);
    });
  });

  describe('store scoping and roles', () => {
    it('an analyst limited to store A sees nothing of store B', async () => {
      expect((await causes(analystA, { ...period, storeId: b.store.id })).status).toBe(404);
      expect((await tickets(analystA, { ...period, storeId: b.store.id })).status).toBe(404);
      const all = await causes(analystA, { ...period });
      expect(all.body.total).toBe(9);
      expect(all.body.items.some((i: any) => i.cause === 'shipping_damage')).toBe(false);
      const list = await tickets(analystA, { ...period });
      expect(list.body.items.every((t: any) => t.storeId === a.store.id)).toBe(true);
      const csv = await http(desk.url, 'GET', `/api/analytics/tickets.csv?${new URLSearchParams(period)}`, { token: analystA });
      expect(csv.body).not.toContain('O-b1');
      expect(csv.body).toContain('O-t1');
    });

    it('agents may not use analytics; an unknown store is a 404', async () => {
      expect((await causes(a.agentToken, period)).status).toBe(403);
      expect((await causes(admin, { ...period, storeId: randomUUID() })).status).toBe(404);
      expect((await http(desk.url, 'GET', '/api/analytics/causes')).status).toBe(401);
    });
  });

  describe('exports', () => {
    it('tickets.csv: UTF-8 with BOM, personal data masked, also inside the customer’s words', async () => {
      const res = await fetch(`${desk.url}/api/analytics/tickets.csv?${new URLSearchParams({ ...period, storeId: a.store.id })}`, { headers: { authorization: `Bearer ${analystA}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe('number,store,created,type,status,cause,causeSource,orderRef,skus,customerName,customerPhone,customerAddress,customerReason');
      expect(lines).toHaveLength(10);
      const t8 = lines.find((l) => l.includes('O-t8'))!;
      expect(t8).toContain('2026-03-12T08:00:00+08:00');
      expect(t8).toContain('张*,138****5678,广东省深圳市****');
      // The words stay; the address in them is cut to its city, as in the address column, and the customer's name is masked too.
      expect(t8).toContain('联系我139****1111,寄到上海市****');
      expect(text).not.toMatch(/13812345678|13900001111|张三丰|科苑路|张江路/);
      const t1 = lines.find((l) => l.includes('O-t1'))!;
      expect(t1).toContain('A1;A2');
    });

    it('causes.csv: the items with their group keys', async () => {
      const res = await fetch(`${desk.url}/api/analytics/causes.csv?${new URLSearchParams({ ...period, storeId: a.store.id, groupBy: 'sku' })}`, { headers: { authorization: `Bearer ${analystA}` } });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
      expect(lines[0]).toBe('storeId,storeName,sku,name,cause,count,share');
      expect(lines[1]).toBe(`${a.store.id},${a.store.name},A1,商品 A1,product_quality,3,0.75`);
      expect(lines).toHaveLength(1 + 6);
    });

    it('every export is audited with its query', async () => {
      await http(desk.url, 'GET', `/api/analytics/tickets.csv?${new URLSearchParams({ ...period, storeId: a.store.id, cause: 'size_fit' })}`, { token: analystA });
      const audit = await http(desk.url, 'GET', '/api/audit?action=analytics.exported&limit=200', { token: admin });
      expect(audit.status).toBe(200);
      const exported = audit.body.items.find((e: any) => e.targetId === 'tickets.csv' && e.details.query.cause === 'size_fit');
      expect(exported).toMatchObject({ action: 'analytics.exported', targetType: 'analytics', details: { export: 'tickets.csv', query: { storeId: a.store.id, from: FROM, to: TO } } });
      expect(audit.body.items.some((e: any) => e.targetId === 'causes.csv' && e.details.query.groupBy === 'sku')).toBe(true);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ groupBy: 'year' }, 'groupBy'],
      [{ from: TO, to: FROM }, 'to'],
      [{ from: '2026-13-01T00:00:00Z' }, 'from'],
      [{ to: 'yesterday' }, 'to'],
      [{ from: '2026-03-01' }, 'from'],
      [{ from: '2020-01-01T00:00:00Z', to: TO }, 'to'],
      [{ storeId: 'store-a' }, 'storeId'],
      [{ type: 'repair' }, 'type'],
      [{ limit: '0' }, 'limit'],
    ])('causes %j → 400 naming %s', async (query, field) => {
      const r = await causes(analystA, query as Record<string, string>);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.fields)).toContain(field);
    });

    it.each([
      [{ week: '2026-03-03' }, 'week'],
      [{ day: '2026-03-02', week: '2026-03-02' }, 'week'],
      [{ month: '2026-3' }, 'month'],
      [{ cause: 'broken' }, 'cause'],
      [{ from: '2026-04-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'to'],
    ])('tickets %j → 400 naming %s', async (query, field) => {
      for (const path of ['/api/analytics/tickets', '/api/analytics/tickets.csv']) {
        const r = await http(desk.url, 'GET', `${path}?${new URLSearchParams(query as Record<string, string>)}`, { token: analystA });
        expect(r.status).toBe(400);
        expect(Object.keys(r.body.fields)).toContain(field);
      }
    });

    it('a period starting in the future is a 400 on from', async () => {
      const r = await causes(analystA, { from: new Date(Date.now() + 86_400_000).toISOString() });
      expect(r.status).toBe(400);
      expect(r.body.fields).toHaveProperty('from');
    });
  });

  // Last: changes store B for good.
  it('a store that changes timezone has its tickets re-bucketed in its new local days', async () => {
    const patched = await http(desk.url, 'PATCH', `/api/stores/${b.store.id}`, { token: admin, body: { timezone: 'Asia/Shanghai' } });
    expect(patched.status).toBe(200);
    // b1 (Sunday 23:30 in New York) is Monday 11:30 in Shanghai: the week of 2026-03-09 now.
    const r = await causes(analystAB, { ...period, storeId: b.store.id, groupBy: 'week' });
    expect(r.body.groups).toEqual([{ week: '2026-03-09', total: 2, unclassified: 0 }]);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await http(desk.url, 'GET', '/api/docs-json');
    const causesDoc = doc.body.paths['/api/analytics/causes'].get;
    expect(causesDoc.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['from', 'to', 'storeId', 'groupBy', 'type', 'causeSource']));
    expect(Object.keys(causesDoc.responses['200'].content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['items', 'total', 'unclassified', 'previous', 'trend', 'pareto', 'corrections', 'sla']));
    expect(doc.body.paths['/api/analytics/tickets.csv'].get.responses['200'].content).toHaveProperty('text/csv');
  });
});
