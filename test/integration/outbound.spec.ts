import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@kefu/contracts';
import { OutboundHttp } from '../../apps/server/src/outbound/outbound-http.js';
import { OutboundPolicy } from '../../apps/server/src/outbound/outbound-policy.js';
import { startDesk, type Desk } from '../support/desk.js';
import { drainQueues } from '../support/queues.js';
import { http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

/** What a port on this machine would say if the desk reached it: the tests assert it never does, or never shows. */
const BANNER = 'REDIS-SECRET-BANNER';

interface Hit {
  path: string;
  body: string;
}

/**
 * One port on 127.0.0.1 and on [::1] (the same handler), recording every request: a stand-in for
 * Redis, PostgreSQL or a cloud metadata service that the desk must never reach. `/redirect` sends
 * the caller on to 127.0.0.1; `/silent` never answers.
 */
async function recorder() {
  const hits: Hit[] = [];
  let port = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push({ path: req.url ?? '', body });
      if (req.url?.startsWith('/redirect')) return void res.writeHead(302, { location: `http://127.0.0.1:${port}/after-redirect` }).end();
      if (req.url?.startsWith('/silent')) return;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(BANNER);
    });
  };
  const v4 = createServer(handler);
  await new Promise<void>((r) => v4.listen(0, '127.0.0.1', r));
  port = (v4.address() as AddressInfo).port;
  const v6: Server = createServer(handler);
  await new Promise<void>((r) => v6.listen(port, '::1', r));
  return {
    hits,
    port,
    paths: () => hits.map((h) => h.path),
    close: () => {
      v4.closeAllConnections();
      v6.closeAllConnections();
      v4.close();
      v6.close();
    },
  };
}

const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe('outgoing calls', () => {
  let desk: Desk;
  let admin: string;
  let rec: Awaited<ReturnType<typeof recorder>>;

  beforeAll(async () => {
    rec = await recorder();
    // `localhost` is allow-listed the way an on-premise bot would be; every literal address stays refused.
    desk = await startDesk({ env: { OUTBOUND_ALLOW: 'localhost', SUPPLIER_SWEEP_MS: '200', PUBLIC_URL: 'https://desk.example.com' } });
    admin = await login(desk.url, 'admin@demo.kefu');
  });
  afterAll(async () => {
    await desk.close();
    rec.close();
  });

  const internalUrls = () => [
    `http://127.0.0.1:${rec.port}/loopback`,
    `http://[::1]:${rec.port}/v6-loopback`,
    `http://2130706433:${rec.port}/decimal`,
    `http://0x7f.0.0.1:${rec.port}/hex`,
    `http://0177.0.0.1:${rec.port}/octal`,
    `http://[::ffff:127.0.0.1]:${rec.port}/mapped`,
  ];

  /** A quality complaint approved and waiting on a supplier, reached through the API. */
  async function supplierCase(contact: string) {
    const s = await storeWithAgent(desk.url, admin, 'Supplier', { businessHours: null });
    const inbound = await signedInbound(desk.url, s.channel, inboundBody('坏了', `buyer-${randomUUID().slice(0, 6)}`));
    const t = await http(desk.url, 'POST', '/api/tickets', {
      token: s.agentToken,
      body: { conversationId: inbound.body.conversationId, type: 'quality_complaint', customerReason: '坏了', orderRef: 'R', orderedAt: daysAgo(4), deliveredAt: daysAgo(2), items: [{ sku: 'TS-1', name: 'T-shirt', category: 'apparel', qty: 1, price: 79 }] },
    });
    expect(t.status).toBe(201);
    await http(desk.url, 'POST', `/api/tickets/${t.body.id}/transitions`, { token: s.agentToken, body: { action: 'approve' } });
    const open = await http(desk.url, 'POST', `/api/tickets/${t.body.id}/transitions`, {
      token: s.agentToken,
      body: { action: 'open_supplier_case', supplier: '电子厂', contact, remedy: 'replace', dueAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    return { ...s, ticketId: t.body.id as string, open };
  }

  describe('when a URL is saved', () => {
    it('refuses an internal, non-web or credential-carrying breach webhook with 400 naming the field, storing nothing', async () => {
      const s = await storeWithAgent(desk.url, admin, 'Webhook');
      for (const webhookUrl of [...internalUrls(), 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/hook', 'http://user:secret@example.com/hook', 'ftp://example.com/hook', 'gopher://example.com:6379/_FLUSHALL']) {
        const patch = await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { slaEscalation: { webhookUrl } } });
        expect({ webhookUrl, status: patch.status }).toEqual({ webhookUrl, status: 400 });
        expect(Object.keys(patch.body.fields)).toEqual(['slaEscalation.webhookUrl']);
      }
      expect((await http(desk.url, 'GET', `/api/stores/${s.store.id}`, { token: admin })).body.slaEscalation.webhookUrl).toBeNull();

      const name = `Webhook at create ${randomUUID().slice(0, 6)}`;
      const created = await http(desk.url, 'POST', '/api/stores', { token: admin, body: { name, platform: 'jd', slaEscalation: { webhookUrl: `http://2130706433:${rec.port}/` } } });
      expect(created.status).toBe(400);
      expect(created.body.fields).toEqual({ 'slaEscalation.webhookUrl': 'must not point to an internal address' });
      expect((await desk.db.query(`SELECT count(*)::int AS n FROM stores WHERE name = $1`, [name]))[0].n).toBe(0);

      // Public and allow-listed hosts are fine.
      for (const webhookUrl of ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', `http://localhost:${rec.port}/bot`]) {
        const ok = await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { slaEscalation: { webhookUrl } } });
        expect(ok.status).toBe(200);
        expect(ok.body.slaEscalation.webhookUrl).toBe(webhookUrl);
      }
    });

    it('refuses a supplier contact that is an internal or non-web URL with 400 naming `contact`; an e-mail stays a note', async () => {
      for (const contact of [`http://127.0.0.1:${rec.port}/`, `http:2130706433:${rec.port}/`, `gopher://127.0.0.1:6379/_INFO`, `file:///etc/passwd`]) {
        const c = await supplierCase(contact);
        expect({ contact, status: c.open.status }).toEqual({ contact, status: 400 });
        expect(Object.keys(c.open.body.fields)).toEqual(['contact']);
        expect((await desk.db.query(`SELECT count(*)::int AS n FROM supplier_cases WHERE ticket_id = $1`, [c.ticketId]))[0].n).toBe(0);
      }
      const email = await supplierCase('qc@factory.example');
      expect(email.open.status).toBe(200);
    });
  });

  describe('from the worker', () => {
    it('never connects to an internal address a stored supplier contact names, and the timeline tells an open port from a closed one no better than a refused one', async () => {
      const closedPort = await new Promise<number>((resolve) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
          const { port } = s.address() as AddressInfo;
          s.close(() => resolve(port));
        });
      });
      // Rows written before contacts were checked: the worker must refuse them at connect time.
      const contacts = [...internalUrls(), `http://127.0.0.1:${closedPort}/closed`, `http://localhost:${rec.port}/redirect`, `http://localhost:${rec.port}/allowed`];
      const cases: { contact: string; ticketId: string; agentToken: string }[] = [];
      for (const contact of contacts) {
        const c = await supplierCase('qc@factory.example');
        expect(c.open.status).toBe(200);
        cases.push({ contact, ticketId: c.ticketId, agentToken: c.agentToken });
      }
      for (const c of cases) await desk.db.query(`UPDATE supplier_cases SET contact = $2, next_reminder_at = now() WHERE ticket_id = $1`, [c.ticketId, c.contact]);

      const reminderOf = async (c: (typeof cases)[number]) => {
        const detail = await http(desk.url, 'GET', `/api/tickets/${c.ticketId}`, { token: c.agentToken });
        return detail.body.timeline.find((e: { kind: string }) => e.kind === 'supplier_reminder');
      };
      // A failed post is tried again after OUTBOUND_BACKOFF_MS (2 s, doubling): the wait covers a slow first try and its retry.
      const reminders = await Promise.all(cases.map((c) => waitFor(() => reminderOf(c), 30000, `reminder to ${c.contact}`)));
      const delivered = Object.fromEntries(cases.map((c, i) => [c.contact, reminders[i].details.delivered]));
      expect(delivered).toEqual(Object.fromEntries(contacts.map((c) => [c, c.endsWith('/allowed')])));

      // Only the allow-listed host was reached (the redirect is tried again, as any failed post); the redirect to 127.0.0.1 was not followed.
      expect([...new Set(rec.paths())].sort()).toEqual(['/allowed', '/redirect']);
      // Users see sent or not, never the answer: the same fields for every failure.
      for (const r of reminders) {
        expect(JSON.stringify(r)).not.toContain(BANNER);
        expect(Object.keys(r.details).sort()).toEqual(['contact', 'delivered', 'overdue', 'reminder', 'supplier', 'supplierCaseId']);
      }
    });

    it('never posts a breach alert to an internal address a stored store setting names, nor after a redirect; an allow-listed bot gets it', async () => {
      rec.hits.length = 0;
      const alerts = desk.api.get<Queue>(getQueueToken(QueueName.Alerts));
      const urls = [...internalUrls(), `http://localhost:${rec.port}/redirect-alert`, `http://localhost:${rec.port}/alert-ok`];
      const breaches: { url: string; conversationId: string }[] = [];
      for (const url of urls) {
        const s = await storeWithAgent(desk.url, admin, 'Alert', { businessHours: null, slaPolicy: { firstResponseSeconds: 1, nextResponseSeconds: 1, warnBeforeSeconds: 1 } });
        // A setting stored before webhooks were checked.
        await desk.db.query(`UPDATE stores SET sla_escalation = jsonb_build_object('reassign', false, 'webhookUrl', $2::text) WHERE id = $1`, [s.store.id, url]);
        const inbound = await signedInbound(desk.url, s.channel, inboundBody('还在吗', `buyer-${randomUUID().slice(0, 6)}`));
        breaches.push({ url, conversationId: inbound.body.conversationId });
      }
      const jobOf = async (b: (typeof breaches)[number]) => {
        const [timer] = await desk.db.query(`SELECT id FROM sla_timers WHERE conversation_id = $1 AND status = 'breached'`, [b.conversationId]);
        return timer && (await alerts.getJob(`alert-${timer.id}`));
      };
      await waitFor(() => rec.hits.find((h) => h.path === '/alert-ok'), 15000, 'the allow-listed alert');
      // A refused address is not retried: its job fails at once, having reached nothing.
      for (const b of breaches.slice(0, internalUrls().length)) {
        const job = await waitFor(async () => {
          const j = await jobOf(b);
          return j && (await j.getState()) === 'failed' ? j : undefined;
        }, 10000, `failed alert to ${b.url}`);
        expect({ url: b.url, reason: job.failedReason, attempts: job.attemptsMade }).toEqual({ url: b.url, reason: 'alert webhook refused', attempts: 1 });
      }
      // A redirect is a failure (retried later, never followed).
      const redirect = breaches.find((b) => b.url.endsWith('/redirect-alert'))!;
      const redirected = await waitFor(async () => {
        const j = await jobOf(redirect);
        return j?.failedReason ? j : undefined;
      }, 10000, 'the redirected alert');
      expect(redirected.failedReason).toBe('alert webhook redirect 302');
      await drainQueues(desk.worker!); // every retry done
      expect([...new Set(rec.paths())].sort()).toEqual(['/alert-ok', '/redirect-alert']);
    });
  });

  describe('the outbound client', () => {
    /** A resolver standing in for DNS: the name is checked where it is connected, whatever it answers. */
    const fakeDns = (answers: Record<string, string[]>) => (hostname: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void) => {
      const list = answers[hostname];
      if (!list) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    };

    it('checks the addresses a name resolves to when it connects (DNS rebinding), and reaches an allow-listed network', async () => {
      rec.hits.length = 0;
      const dns = fakeDns({ 'rebind.example': ['127.0.0.1'], 'mixed.example': ['93.184.215.14', '127.0.0.1'], 'v6.example': ['::1'], 'bot.corp.example': ['127.0.0.1'] });
      const strict = new OutboundHttp(new OutboundPolicy(), 2000, dns as never);
      for (const host of ['rebind.example', 'mixed.example', 'v6.example']) {
        const r = await strict.postJson(`http://${host}:${rec.port}/rebound`, { x: 1 });
        expect({ host, sent: r.sent, failure: !r.sent && r.failure }).toEqual({ host, sent: false, failure: 'refused' });
      }
      expect(rec.hits).toEqual([]);

      const onPrem = new OutboundHttp(new OutboundPolicy(['127.0.0.1/32']), 2000, dns as never);
      expect(await onPrem.postJson(`http://bot.corp.example:${rec.port}/on-prem`, { hello: 'bot' })).toEqual({ sent: true, status: 200 });
      expect(rec.hits).toEqual([{ path: '/on-prem', body: '{"hello":"bot"}' }]);
      // The allow-listed network is not the whole machine: ::1 stays refused.
      expect(await onPrem.postJson(`http://v6.example:${rec.port}/v6`, {})).toMatchObject({ sent: false, failure: 'refused' });
    });

    it('gives up at its deadline, and follows no redirect', async () => {
      const client = new OutboundHttp(new OutboundPolicy(['localhost']), 300, undefined);
      const started = Date.now();
      expect(await client.postJson(`http://localhost:${rec.port}/silent`, {})).toEqual({ sent: false, failure: 'timeout' });
      expect(Date.now() - started).toBeLessThan(2000);
      rec.hits.length = 0;
      expect(await client.postJson(`http://localhost:${rec.port}/redirect`, {})).toEqual({ sent: false, failure: 'redirect', status: 302 });
      await sleep(100); // not the desk's work: a followed redirect would reach the recorder after the answer
      expect(rec.paths()).toEqual(['/redirect']);
    });
  });
});
