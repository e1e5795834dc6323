import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { JobName, QueueName } from '@kefu/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { ReportProcessor } from '../../apps/server/src/report/report.processor.js';
import { startDesk, type Desk } from '../support/desk.js';
import { http, inboundBody, login, signedInbound, storeWithAgent } from '../support/client.js';

const TZ = 'Asia/Shanghai';

describe('periodic client reports', () => {
  let desk: Desk;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    // The run's Redis is shared by every test file: a report schedule left by another file's worker
    // (every 15 min) keeps its offset in BullMQ when this one sets 1 s, which can put the next
    // sweep minutes away. Start from no schedule.
    const reports = new Queue(QueueName.Reports, { connection: { url: process.env.REDIS_URL! }, prefix: `${process.env.REDIS_PREFIX}:bull` });
    await reports.removeJobScheduler(JobName.GenerateReports);
    await reports.close();
    desk = await startDesk({ env: { REPORT_SWEEP_MS: '1000' } });
    admin = await login(desk.url, 'admin@demo.kefu');
    analyst = await login(desk.url, 'analyst@demo.kefu');
  });
  afterAll(() => desk.close());

  /** Monday 00:00 of the last complete week and of the week before it, store-local. */
  const lastWeek = DateTime.now().setZone(TZ).startOf('week').minus({ weeks: 1 });
  const weekBefore = lastWeek.minus({ weeks: 1 });

  /** Opens a ticket with a known cause and SKU, then dates it `at`. */
  async function ticket(s: Awaited<ReturnType<typeof storeWithAgent>>, n: number, cause: string, sku: string, at: DateTime) {
    const inbound = await signedInbound(desk.url, s.channel, inboundBody(`问题 ${n}`, `buyer-${n}`));
    const r = await http(desk.url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: { conversationId: inbound.body.conversationId, type: cause === 'size_fit' ? 'exchange' : 'return', cause, customerReason: `问题 ${n}`, orderRef: `R-${n}`, orderedAt: at.minus({ days: 5 }).toISO(), deliveredAt: at.minus({ days: 2 }).toISO(), items: [{ sku, name: `商品 ${sku}`, category: 'apparel', qty: 1, price: 100 }] },
    });
    expect(r.status).toBe(201);
    await desk.db.query(`UPDATE tickets SET created_at = $2 WHERE id = $1`, [r.body.id, at.toJSDate()]);
  }

  it('reports tickets by type and cause against the period before, top SKUs and three findings', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Report', { businessHours: null });
    let n = 0;
    // Last week: 4 quality (3 on SKU A), 2 logistics, 1 size; the week before: 1 quality, 2 logistics.
    for (const [cause, sku] of [['product_quality', 'A'], ['product_quality', 'A'], ['product_quality', 'A'], ['product_quality', 'B'], ['logistics_delay', 'C'], ['logistics_delay', 'C'], ['size_fit', 'B']])
      await ticket(s, ++n, cause, sku, lastWeek.plus({ days: n % 7, hours: 10 }));
    for (const cause of ['product_quality', 'logistics_delay', 'logistics_delay']) await ticket(s, ++n, cause, 'C', weekBefore.plus({ days: 2, hours: 10 }));

    // Every order went with one courier: the courier table lists only the causes a courier answers for.
    await desk.db.query(
      `INSERT INTO orders (store_id, order_ref, customer_external_id, items, total_paid, paid_at, fetched_at, carrier)
       SELECT $1, 'R-' || i, 'buyer-' || i, '[]', 100, now(), now(), '某快递' FROM generate_series(1, $2) i`,
      [s.store.id, n],
    );
    // The schedule may have made this week's report while the fixture was written: make it again.
    const r = await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week`, { token: analyst });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ storeId: s.store.id, period: 'week', periodStart: lastWeek.toISODate(), periodEnd: lastWeek.plus({ weeks: 1 }).toISODate() });
    const c = r.body.content;
    expect(c.tickets).toMatchObject({ total: 7, previousTotal: 3, unclassified: 0 });
    expect(c.tickets.change).toBeCloseTo(7 / 3 - 1, 5);
    expect(c.tickets.byType).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'return', count: 6, previousCount: 3 }), expect.objectContaining({ type: 'exchange', count: 1, previousCount: 0 })]));
    expect(c.tickets.byCause[0]).toMatchObject({ cause: 'product_quality', count: 4, previousCount: 1, change: 3 });
    expect(c.tickets.byCause.find((x: { cause: string }) => x.cause === 'logistics_delay')).toMatchObject({ count: 2, previousCount: 2, change: 0 });
    expect(c.tickets.byCause[0].share).toBeCloseTo(4 / 7, 5);
    expect(c.topSkus[0]).toMatchObject({ sku: 'A', cause: 'product_quality', count: 3, shareOfCause: 0.75 });
    expect(c.carriers).toEqual([{ carrier: '某快递', cause: 'logistics_delay', count: 2 }]);
    expect(c.findings).toHaveLength(3);
    expect(c.findings[0].zh).toContain('质量问题');
    expect(c.findings[0].en).toMatch(/Quality problems rose 4\.0× \(1 → 4\)/);
    expect(c.findings[1].en).toContain('A (商品 A) had 3 tickets for quality problems, 75% of that cause');
    expect(c.sla).toHaveProperty('firstResponseP50');
    expect(c.csat).toHaveProperty('average');
    expect(c.conversion).toHaveProperty('rate');

    // Stored once per period: asking serves the same report.
    const again = await http(desk.url, 'GET', `/api/reports/stores/${s.store.id}?period=week`, { token: analyst });
    expect(again.body.id).toBe(r.body.id);

    const csv = await http(desk.url, 'GET', `/api/reports/${r.body.id}/csv`, { token: analyst });
    expect(csv.status).toBe(200);
    expect(csv.body.startsWith('section,item,value,previous,change\r\n')).toBe(true);
    const bytes = new Uint8Array(await (await fetch(`${desk.url}/api/reports/${r.body.id}/csv`, { headers: { authorization: `Bearer ${analyst}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel opens the Chinese right
    expect(csv.body).toContain('tickets by cause,product_quality,4,1,3\r\n');
    // For a Chinese reader, the headers and the codes in Chinese.
    const zh = await http(desk.url, 'GET', `/api/reports/${r.body.id}/csv?lang=zh`, { token: analyst });
    expect(zh.body.startsWith('\ufeff分类,项目,数值,上期,变化\r\n') || zh.body.startsWith('分类,项目,数值,上期,变化\r\n')).toBe(true);
    expect(zh.body).toContain('售后原因,质量问题,4,1,3\r\n');
    expect(zh.body).not.toContain('product_quality');
    const bad = await http(desk.url, 'GET', `/api/reports/${r.body.id}/csv?lang=fr`, { token: analyst });
    expect([bad.status, Object.keys(bad.body.fields ?? {})]).toEqual([400, ['lang']]);
    const audit = await http(desk.url, 'GET', `/api/audit?targetId=${r.body.id}`, { token: admin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['report.exported', 'report.exported', 'report.exported']);
  });

  it('is made by the worker on schedule for every store, in the store’s timezone, once', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Scheduled', { timezone: 'America/New_York' });
    // The sweep is a job scheduler of the worker, every REPORT_SWEEP_MS.
    const scheduler = await desk.worker!.get<Queue>(getQueueToken(QueueName.Reports), { strict: false }).getJobScheduler(JobName.GenerateReports);
    expect(scheduler).toMatchObject({ every: 1000 });
    // One sweep, awaited: the run shares its database with every test file before this one, and a
    // sweep goes through all their stores, so waiting for the next scheduled one would be a bet on time.
    await desk.worker!.get(ReportProcessor).runOnce();
    const listed = (await http(desk.url, 'GET', `/api/reports?storeId=${s.store.id}`, { token: analyst })).body.items;
    const local = DateTime.now().setZone('America/New_York');
    expect(listed.map((x: { period: string }) => x.period).sort()).toEqual(['month', 'week']);
    expect(listed.find((x: { period: string }) => x.period === 'week')).toMatchObject({ generatedById: null, periodStart: local.startOf('week').minus({ weeks: 1 }).toISODate(), storeName: s.store.name, ticketTotal: 0 });
    expect(listed.find((x: { period: string }) => x.period === 'month')).toMatchObject({ periodStart: local.startOf('month').minus({ months: 1 }).toISODate() });
    // More sweeps, two at once and beside the scheduled ones (every second here, so the queue is never
    // empty to wait for): nothing is made twice.
    await Promise.all([desk.worker!.get(ReportProcessor).runOnce(), desk.worker!.get(ReportProcessor).runOnce()]);
    const rows = await desk.db.query(`SELECT count(*)::int AS n FROM client_reports WHERE store_id = $1`, [s.store.id]);
    expect(rows[0].n).toBe(2);
    const page = await http(desk.url, 'GET', `/api/reports/${listed[0].id}`, { token: analyst });
    expect(page.body.content.findings[0]).toEqual({ zh: '本期没有售后工单。', en: 'No after-sales tickets this period.' });
  });

  it('keeps reports inside the caller’s stores and roles', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Private', { businessHours: null });
    const other = await storeWithAgent(desk.url, admin, 'Other');
    const limited = await http(desk.url, 'POST', '/api/users', { token: admin, body: { email: `analyst-${Date.now()}@example.test`, name: 'Limited analyst', password: 'analyst-pass-1', role: 'analyst', storeIds: [other.store.id] } });
    const limitedToken = await login(desk.url, limited.body.email, 'analyst-pass-1');
    expect((await http(desk.url, 'GET', `/api/reports/stores/${s.store.id}`, { token: limitedToken })).status).toBe(404);
    expect((await http(desk.url, 'GET', `/api/reports/stores/${s.store.id}`, { token: s.agentToken })).status).toBe(403);
    const mine = await http(desk.url, 'GET', `/api/reports`, { token: limitedToken });
    expect(mine.body.items.every((x: { storeId: string }) => x.storeId === other.store.id)).toBe(true);
    expect((await http(desk.url, 'GET', `/api/reports/stores/${s.store.id}?period=year`, { token: analyst })).body.fields).toHaveProperty('period');
    expect((await http(desk.url, 'GET', `/api/reports/stores/${s.store.id}?date=27-11-2026`, { token: analyst })).body.fields).toHaveProperty('date');
  });
});
