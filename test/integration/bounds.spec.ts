import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA_POLICY, DEFAULT_TIMEZONE, Store } from '@kefu/contracts';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

const DAY = 24 * 3600;
const items = (qty: number, price: number) => [{ sku: 'B-1', name: 'bounded', category: 'apparel', qty, price }];

/**
 * Issue 13, item 4: every duration and amount has a sane range (400 naming the field), and a store
 * whose stored settings are absurd anyway (written before the ranges, or by SQL) still gets every
 * customer message stored, with a sensible clock.
 */
describe('bounds of durations and amounts', () => {
  let desk: Desk;
  let admin: string;
  let s: Awaited<ReturnType<typeof storeWithAgent>>;
  let conversationId: string;
  let ticketId: string;

  beforeAll(async () => {
    desk = await startDesk({ worker: false });
    admin = await login(desk.url, 'admin@demo.kefu');
    s = await storeWithAgent(desk.url, admin, 'Bounds', { businessHours: null });
    conversationId = (await signedInbound(desk.url, s.channel, inboundBody('质量有问题'))).body.conversationId;
    const ticket = await http(desk.url, 'POST', '/api/tickets', { token: s.agentToken, body: { conversationId, type: 'quality_complaint', customerReason: '坏了', items: items(1, 100), orderedAt: new Date().toISOString(), deliveredAt: new Date().toISOString() } });
    ticketId = ticket.body.id;
    expect((await http(desk.url, 'POST', `/api/tickets/${ticketId}/transitions`, { token: s.agentToken, body: { action: 'approve' } })).status).toBe(200);
  });
  afterAll(() => desk.close());

  it('answers 400 naming the field to a duration or amount out of range, and stores nothing', async () => {
    const store = `/api/stores/${s.store.id}`;
    const cases: [string, string, unknown, string][] = [
      ['PATCH', store, { slaPolicy: { firstResponseSeconds: 9_000_000_000_000 } }, 'slaPolicy.firstResponseSeconds'],
      ['PATCH', store, { slaPolicy: { nextResponseSeconds: 30 * DAY + 1 } }, 'slaPolicy.nextResponseSeconds'],
      ['PATCH', store, { slaPolicy: { warnBeforeSeconds: 31 * DAY } }, 'slaPolicy.warnBeforeSeconds'],
      ['PATCH', store, { slaPolicy: { resolutionHours: 90 * 24 + 1 } }, 'slaPolicy.resolutionHours'],
      ['PATCH', store, { returnPolicy: { noReasonReturnDays: 366 } }, 'returnPolicy.noReasonReturnDays'],
      ['PATCH', store, { returnPolicy: { qualityReturnDays: 1e9 } }, 'returnPolicy.qualityReturnDays'],
      ['PATCH', store, { returnPolicy: { qualityExchangeDays: 0 } }, 'returnPolicy.qualityExchangeDays'],
      ['POST', '/api/stores', { name: 'x', platform: 'jd', slaPolicy: { firstResponseSeconds: 9_000_000_000_000 } }, 'slaPolicy.firstResponseSeconds'],
      ['PATCH', `/api/users/${s.agent.id}`, { maxConcurrent: 101 }, 'maxConcurrent'],
      ['POST', '/api/tickets', { conversationId, type: 'return', customerReason: 'x', items: items(10_000, 10_000_000) }, 'items'],
      ['POST', '/api/tickets', { conversationId, type: 'return', customerReason: 'x', items: items(10_001, 1) }, 'items.0.qty'],
      ['POST', `/api/tickets/${ticketId}/transitions`, { action: 'refund', amount: 10_000_001 }, 'amount'],
      ['POST', `/api/tickets/${ticketId}/transitions`, { action: 'open_supplier_case', supplier: 'S', remedy: 'replace', dueAt: new Date().toISOString(), reminderIntervalHours: 24 * 15 }, 'reminderIntervalHours'],
      ['GET', '/api/tickets?limit=201', undefined, 'limit'],
      ['GET', '/api/kb/search?q=x&limit=21', undefined, 'limit'],
    ];
    const before = await desk.db.query(`SELECT (SELECT sla_policy FROM stores WHERE id = $1) AS policy, (SELECT count(*)::int FROM tickets) AS tickets`, [s.store.id]);
    for (const [method, path, body, field] of cases) {
      const r = await http(desk.url, method, path, { token: method === 'POST' && path.startsWith('/api/tickets') ? s.agentToken : admin, body });
      expect({ call: `${method} ${path} ${JSON.stringify(body)}`, status: r.status, fields: Object.keys(r.body.fields ?? {}) }).toEqual({ call: `${method} ${path} ${JSON.stringify(body)}`, status: 400, fields: [field] });
    }
    expect(await desk.db.query(`SELECT (SELECT sla_policy FROM stores WHERE id = $1) AS policy, (SELECT count(*)::int FROM tickets) AS tickets`, [s.store.id])).toEqual(before);
    // The edges themselves are fine.
    expect((await http(desk.url, 'PATCH', store, { token: admin, body: { slaPolicy: { firstResponseSeconds: 30 * DAY, resolutionHours: 90 * 24 }, returnPolicy: { noReasonReturnDays: 365 } } })).status).toBe(200);
  });

  it('stores every customer message of a store whose stored settings are absurd, timed by the defaults', async () => {
    const odd = await storeWithAgent(desk.url, admin, 'Absurd settings');
    await desk.db.query(
      `UPDATE stores SET sla_policy = '{"firstResponseSeconds": 9000000000000, "nextResponseSeconds": -5, "warnBeforeSeconds": "soon", "resolutionHours": 1e12}',
              business_hours = '[{"weekday": 9, "open": "25:00", "close": "00:00"}]', timezone = 'Mars/Olympus_Mons' WHERE id = $1`,
      [odd.store.id],
    );
    const message = inboundBody('在吗,我的快递到哪了', `absurd-${randomUUID()}`);
    const first = await signedInbound(desk.url, odd.channel, message);
    expect(first.status).toBe(202);
    expect((await signedInbound(desk.url, odd.channel, message)).body).toMatchObject({ duplicate: true, messageId: first.body.messageId });
    const [timer] = await desk.db.query(`SELECT kind, status, target_seconds, due_at - started_at AS allowed FROM sla_timers WHERE conversation_id = $1`, [first.body.conversationId]);
    expect(timer).toMatchObject({ kind: 'first_response', status: 'running', target_seconds: 900 });
    // The default store hours and zone: due within a day, never in the year 287,000.
    const allowedHours = Number(timer.allowed.days ?? 0) * 24 + Number(timer.allowed.hours ?? 0);
    expect(allowedHours).toBeLessThan(24);
    // The API (and so the console, which parses it with the contract) shows the settings in use.
    const shown = await http(desk.url, 'GET', `/api/stores/${odd.store.id}`, { token: admin });
    expect(shown.status).toBe(200);
    expect(Store.safeParse(shown.body).success).toBe(true);
    expect(shown.body).toMatchObject({ timezone: DEFAULT_TIMEZONE, businessHours: DEFAULT_BUSINESS_HOURS, slaPolicy: DEFAULT_SLA_POLICY });
    expect((await http(desk.url, 'GET', '/api/stores', { token: admin })).body.items.every((x: unknown) => Store.safeParse(x).success)).toBe(true);
    // After-sales work goes on too, with its resolution clock of the default 48 hours. (A zone PostgreSQL
    // does not know breaks its own date arithmetic in the analytics rollups: only the policy stays absurd.)
    await desk.db.query(`UPDATE stores SET timezone = 'Asia/Shanghai' WHERE id = $1`, [odd.store.id]);
    const ticket = await http(desk.url, 'POST', '/api/tickets', { token: odd.agentToken, body: { conversationId: first.body.conversationId, type: 'return', customerReason: '不想要了', items: items(1, 50), orderedAt: new Date().toISOString(), deliveredAt: new Date().toISOString() } });
    expect(ticket.status).toBe(201);
    const [resolution] = await desk.db.query(`SELECT target_seconds FROM sla_timers WHERE ticket_id = $1`, [ticket.body.id]);
    expect(resolution.target_seconds).toBe(48 * 3600);
    // Any change to the store saves the settings in use in place of the absurd ones.
    expect((await http(desk.url, 'PATCH', `/api/stores/${odd.store.id}`, { token: admin, body: { slaPolicy: { firstResponseSeconds: 600 } } })).status).toBe(200);
    const [row] = await desk.db.query('SELECT sla_policy FROM stores WHERE id = $1', [odd.store.id]);
    expect(row.sla_policy).toEqual({ ...DEFAULT_SLA_POLICY, firstResponseSeconds: 600 });
  });
});
