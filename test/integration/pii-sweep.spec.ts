// Issue 22: a buyer's personal data never leaves the places meant for it. One buyer's name, phones,
// e-mail and addresses go through every path of the desk (an order with its receiver, chat messages,
// a search, a suggestion, a ticket with its reason, a supplier case, an SLA breach with its alarm);
// then everything that leaves the desk for someone other than the store's agents is read and searched
// for them: the api's and the worker's logs (at debug), the exports, what a brand's `client` user reads,
// the outbound webhooks' bodies and the knowledge-base gaps.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { signBody } from '../../apps/server/src/inbound/signature.util.js';
import { http, inboundBody, login, signedInbound, storeWithAgent, waitFor } from '../support/client.js';
import { startDesk, type Desk } from '../support/desk.js';
import { freePort } from '../support/private-services.js';

const BUYER_NAME = '欧阳修远';
const PHONE = '13987654321';
const RECEIVER_PHONE = '15811223344';
const EMAIL = 'xiuyuan.ouyang@example.com';
const STREET = '世纪大道1000号';
const RECEIVER_STREET = '文三路288号';
/** What must not be read anywhere outside the agents' own views (the phone also as its middle digits, as a careless mask would leave them). */
const PERSONAL = [BUYER_NAME, '修远', PHONE, '98765', RECEIVER_PHONE, '11223', EMAIL, 'xiuyuan.ouyang', STREET, RECEIVER_STREET, '5楼502室'];

const found = (text: string) => PERSONAL.filter((p) => text.includes(p));

/** The built api or worker as its own process, its log (stdout and stderr) kept. */
function start(entry: 'main.js' | 'worker.js', env: Record<string, string>) {
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [join(import.meta.dirname, '../../apps/server/dist', entry)], {
    env: { ...process.env, LOG_LEVEL: 'debug', DEMO_HISTORY: 'false', CONSOLE_DIST: '', DELIVERY_ATTEMPTS: '3', DELIVERY_BACKOFF_MS: '50', OUTBOUND_ATTEMPTS: '2', OUTBOUND_BACKOFF_MS: '50', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => void (log += b.toString()));
  child.stderr!.on('data', (b: Buffer) => void (log += b.toString()));
  return { child, log: () => log };
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

describe('personal data sweep', () => {
  let url: string;
  let api: ReturnType<typeof start>;
  let worker: ReturnType<typeof start>;
  let hook: Server;
  let hookPort: number;
  const posted: string[] = [];
  let admin: string;
  let desk: Desk;

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        posted.push(`${req.url}\n${body}`);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookPort = (hook.address() as AddressInfo).port;
    // The demo accounts (seeded by the in-process desk on a new database; the processes below do not
    // seed); the test reads and moves the clock of the database through it.
    desk = await startDesk({ worker: false });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), OUTBOUND_ALLOW: 'localhost', SUPPLIER_SWEEP_MS: '200', RATE_LIMIT_PER_USER: '1000000' };
    api = start('main.js', env);
    worker = start('worker.js', env);
    await waitFor(() => fetch(`${url}/health`).then((r) => r.ok, () => false), 60_000, 'api healthy');
    admin = await login(url, 'admin@demo.kefu');
  });
  afterAll(async () => {
    for (const p of [api.child, worker.child]) p.kill('SIGTERM');
    await Promise.all([exited(api.child), exited(worker.child)]);
    hook.close();
    await desk.close();
  });

  it('keeps a buyer’s name, phones, e-mail and addresses out of logs, exports, brand views, outbound webhooks and KB gaps', async () => {
    const s = await storeWithAgent(url, admin, 'PII sweep', {
      businessHours: null,
      slaPolicy: { firstResponseSeconds: 2, nextResponseSeconds: 2, warnBeforeSeconds: 1 },
      slaEscalation: { webhookUrl: `http://localhost:${hookPort}/breach` },
    });
    const buyer = { externalId: `pii-${randomUUID().slice(0, 8)}`, name: BUYER_NAME };
    const orderRef = `P${Date.now()}`;
    const order = JSON.stringify({
      orderRef,
      customer: buyer,
      items: [{ sku: 'MUG-1', name: '陶瓷马克杯', category: 'home', qty: 1, price: 59 }],
      paidAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      deliveredAt: new Date(Date.now() - 86_400_000).toISOString(),
      receiver: { name: BUYER_NAME, phone: RECEIVER_PHONE, address: `浙江省杭州市西湖区${RECEIVER_STREET}` },
    });
    expect((await http(url, 'POST', `/api/channels/${s.channel.id}/orders`, { raw: order, headers: { 'x-kefu-signature': signBody(s.channel.secret, order) } })).status).toBe(202);

    // The buyer writes their details into the chat, as buyers do.
    const texts = [
      `你好我是${BUYER_NAME}，订单 ${orderRef} 的杯子收到就碎了`,
      `我电话 ${PHONE}，邮箱 ${EMAIL}`,
      `以后寄到上海市浦东新区${STREET}5楼502室`,
    ];
    let conversationId = '';
    for (const text of texts) {
      const r = await signedInbound(url, s.channel, { ...inboundBody(text), customer: buyer });
      expect(r.status).toBe(202);
      conversationId = r.body.conversationId;
    }
    // Nobody answers within the 2 s: the breach alarm posts to the store's webhook.
    await waitFor(() => posted.some((p) => p.startsWith('/breach')), 20_000, 'the breach webhook');

    // An agent looks the question up and opens a ticket whose reason repeats the details; a supplier case follows.
    await http(url, 'GET', `/api/kb/search?storeId=${s.store.id}&q=${encodeURIComponent(`${texts[1]} 杯子碎了怎么赔`)}`, { token: s.agentToken });
    await http(url, 'GET', `/api/kb/suggest?conversationId=${conversationId}`, { token: s.agentToken });
    const ticket = await http(url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: { conversationId, type: 'quality_complaint', customerReason: `${BUYER_NAME}说杯子碎了，电话${PHONE}，补发到上海市浦东新区${STREET}`, orderRef },
    });
    expect(ticket.status).toBe(201);
    expect((await http(url, 'POST', `/api/tickets/${ticket.body.id}/transitions`, { token: s.agentToken, body: { action: 'approve' } })).status).toBe(200);
    const supplier = await http(url, 'POST', `/api/tickets/${ticket.body.id}/transitions`, {
      token: s.agentToken,
      body: { action: 'open_supplier_case', supplier: '瓷器厂', contact: `http://localhost:${hookPort}/supplier`, remedy: 'replace', dueAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(supplier.status).toBe(200);
    // Its reminder is due now rather than in hours.
    await desk.db.query(`UPDATE supplier_cases SET next_reminder_at = now() WHERE ticket_id = $1`, [ticket.body.id]);
    await waitFor(() => posted.some((p) => p.startsWith('/supplier')), 20_000, 'the supplier reminder');
    // The agent's own view holds the details (they serve the buyer): the sweep below is not vacuous.
    const agentView = await http(url, 'GET', `/api/conversations/${conversationId}`, { token: s.agentToken });
    expect(found(JSON.stringify(agentView.body))).toEqual(expect.arrayContaining([PHONE, EMAIL, STREET]));

    // What the brand reads.
    const brandEmail = `brand-${s.store.id.slice(0, 8)}@example.test`;
    expect((await http(url, 'POST', '/api/users', { token: admin, body: { email: brandEmail, name: '品牌方', password: 'brand-pass-1', role: 'client', storeIds: [s.store.id], languages: ['zh'] } })).status).toBe(201);
    const brand = await login(url, brandEmail, 'brand-pass-1');
    const brandViews: Record<string, unknown> = {};
    for (const path of [
      `/api/conversations?storeId=${s.store.id}`,
      `/api/conversations/${conversationId}`,
      `/api/conversations/${conversationId}/orders`,
      `/api/tickets?storeId=${s.store.id}`,
      `/api/tickets/${ticket.body.id}`,
      `/api/analytics/tickets?storeId=${s.store.id}`,
    ]) {
      const r = await http(url, 'GET', path, { token: brand });
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      brandViews[path] = r.body;
    }
    // The brand does see its buyer's chat (masked): the sweep reads real answers.
    expect(JSON.stringify(brandViews[`/api/conversations/${conversationId}`])).toContain('杯子');

    // What leaves as files: the analysts' exports and the store's report.
    const analystEmail = `analyst-${s.store.id.slice(0, 8)}@example.test`;
    await http(url, 'POST', '/api/users', { token: admin, body: { email: analystEmail, name: 'Analyst', password: 'analyst-pass-1', role: 'analyst', storeIds: [s.store.id], languages: ['zh'] } });
    const analyst = await login(url, analystEmail, 'analyst-pass-1');
    const exports: Record<string, string> = {};
    for (const path of [`/api/analytics/tickets.csv?storeId=${s.store.id}`, `/api/analytics/causes.csv?storeId=${s.store.id}`]) {
      const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${analyst}` } });
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      exports[path] = await r.text();
    }
    // The tickets export holds the ticket (masked), so it is searched, not just empty.
    expect(exports[`/api/analytics/tickets.csv?storeId=${s.store.id}`]).toContain(orderRef);
    const report = await http(url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week&date=${new Date().toISOString().slice(0, 10)}`, { token: analyst });
    expect(report.status).toBe(201);
    for (const lang of ['zh', 'en']) {
      const r = await fetch(`${url}/api/reports/${report.body.id}/csv?lang=${lang}`, { headers: { authorization: `Bearer ${analyst}` } });
      expect(r.status).toBe(200);
      exports[`report csv ${lang}`] = await r.text();
    }
    exports.report = JSON.stringify((await http(url, 'GET', `/api/reports/${report.body.id}`, { token: brand })).body);

    const gaps = JSON.stringify((await http(url, 'GET', `/api/kb/stats?storeId=${s.store.id}&limit=50`, { token: admin })).body.gaps);
    expect(gaps).toContain('杯子'); // the search above was recorded as a gap, masked

    const swept = {
      'api log': found(api.log()),
      'worker log': found(worker.log()),
      'brand views': Object.fromEntries(Object.entries(brandViews).map(([k, v]) => [k, found(JSON.stringify(v))])),
      exports: Object.fromEntries(Object.entries(exports).map(([k, v]) => [k, found(v)])),
      'outbound webhooks': posted.map(found),
      'kb gaps': found(gaps),
    };
    expect(swept).toEqual({
      'api log': [],
      'worker log': [],
      'brand views': Object.fromEntries(Object.keys(brandViews).map((k) => [k, []])),
      exports: Object.fromEntries(Object.keys(exports).map((k) => [k, []])),
      'outbound webhooks': posted.map(() => []),
      'kb gaps': [],
    });
    // The logs were written (at debug, every request): an empty log would pass the sweep for nothing.
    expect(api.log()).toContain(`/api/conversations/${conversationId}/orders`);
    expect(worker.log().length).toBeGreaterThan(0);
  });
});
