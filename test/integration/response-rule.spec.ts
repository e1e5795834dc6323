import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { SlaReconciler } from '../../apps/server/src/sla/sla-reconciler.service.js';
import { flushRunRedis, spawnWorker, startDesk, type Desk } from '../support/desk.js';
import { drainQueues, waitForWorkers } from '../support/queues.js';
import { deskSocket, http, inboundBody, login, signedInbound, sleep, storeWithAgent, waitFor } from '../support/client.js';

/** Issue 20: the platforms' response metrics, on a store whose rule is 3 seconds. */
const quickRule = (nudgeSeconds: number[] = [1, 2], window: { start: string; end: string } | null = null) => ({
  businessHours: null,
  responseRule: { seconds: 3, window, nudgeSeconds },
});

const ZONE = 'Asia/Shanghai';

describe('platform response rule', () => {
  let desk: Desk;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    desk = await startDesk({ env: { SLA_RECONCILE_MS: '500' } });
    admin = await login(desk.url, 'admin@demo.kefu');
    supervisor = await login(desk.url, 'supervisor@demo.kefu');
  });
  afterAll(() => desk.close());

  const reply = (s: { agentToken: string }, conversationId: string, body = '您好,在的') =>
    http(desk.url, 'POST', `/api/conversations/${conversationId}/messages`, { token: s.agentToken, body: { body } });
  const rate = async (storeId: string, groupBy: string, token = supervisor) => {
    const from = DateTime.now().minus({ hours: 1 }).toISO();
    const r = await http(desk.url, 'GET', `/api/sla/response-rate?storeId=${storeId}&groupBy=${groupBy}&from=${encodeURIComponent(from!)}`, { token });
    expect(r.status).toBe(200);
    return r.body.items;
  };

  it('defaults by platform, merges a change, returns to the default, and refuses bad values naming the field', async () => {
    const defaults: Record<string, unknown> = {
      taobao: { seconds: 180, window: null, nudgeSeconds: [60, 100, 150] },
      tmall: { seconds: 180, window: null, nudgeSeconds: [60, 100, 150] },
      jd: { seconds: 30, window: { start: '09:00', end: '23:00' }, nudgeSeconds: [15, 25] },
      douyin: { seconds: 180, window: { start: '08:00', end: '23:00' }, nudgeSeconds: [60, 100, 150] },
      pdd: { seconds: 180, window: { start: '08:00', end: '23:00' }, nudgeSeconds: [60, 100, 150] },
      web: { seconds: 180, window: null, nudgeSeconds: [60, 100, 150] },
    };
    for (const [platform, rule] of Object.entries(defaults)) {
      const created = await http(desk.url, 'POST', '/api/stores', { token: admin, body: { name: `Rule ${platform} ${randomUUID().slice(0, 6)}`, platform } });
      expect(created.body.responseRule).toEqual(rule);
    }
    const s = await storeWithAgent(desk.url, admin, 'Rule edit', { platform: 'jd' });
    const patch = (body: unknown) => http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body });
    expect((await patch({ responseRule: { seconds: 3, nudgeSeconds: [2, 1, 2] } })).body.responseRule).toEqual({ seconds: 3, window: { start: '09:00', end: '23:00' }, nudgeSeconds: [1, 2] });
    for (const [body, field] of [
      [{ responseRule: { seconds: 0 } }, 'responseRule.seconds'],
      [{ responseRule: { seconds: 1.5 } }, 'responseRule.seconds'],
      [{ responseRule: { seconds: '3' } }, 'responseRule.seconds'],
      [{ responseRule: { seconds: 86401 } }, 'responseRule.seconds'],
      [{ responseRule: { nudgeSeconds: [0] } }, 'responseRule.nudgeSeconds.0'],
      [{ responseRule: { nudgeSeconds: Array.from({ length: 11 }, (_, i) => i + 1) } }, 'responseRule.nudgeSeconds'],
      [{ responseRule: { window: { start: '25:00', end: '23:00' } } }, 'responseRule.window.start'],
      [{ responseRule: { window: { start: '09:00', end: '09:00' } } }, 'responseRule.window.end'],
      [{ responseExemptions: [{ start: '2027-02-11', end: '2027-02-05' }] }, 'responseExemptions.0.end'],
      [{ responseExemptions: [{ start: '2027-02-30', end: '2027-03-01' }] }, 'responseExemptions.0.start'],
    ] as const) {
      const r = await patch(body);
      expect([r.status, Object.keys(r.body.fields ?? {})]).toEqual([400, [field]]);
    }
    const now = (await http(desk.url, 'GET', `/api/stores/${s.store.id}`, { token: admin })).body;
    expect(now.responseRule).toEqual({ seconds: 3, window: { start: '09:00', end: '23:00' }, nudgeSeconds: [1, 2] });
    expect(now.responseExemptions).toEqual([]);
    expect((await patch({ responseRule: null })).body.responseRule).toEqual(defaults.jd);
    // A store on its platform's default follows a change of platform.
    expect((await patch({ platform: 'tmall' })).body.responseRule).toEqual(defaults.tmall);
  });

  it('nudges the agent and the supervisors at each instant, once, and never after the reply', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Nudge', quickRule([1, 2, 4]));
    const agent = await deskSocket(desk.url, s.agentToken);
    const sup = await deskSocket(desk.url, supervisor);
    try {
      const inbound = await signedInbound(desk.url, s.channel, inboundBody('这件羊绒衫有M码吗'));
      const id = inbound.body.conversationId;
      const nudgesOf = (sock: typeof sup) => sock.events.filter((e) => e.name === 'sla.nudge' && e.payload.conversationId === id);
      const first = await waitFor(() => nudgesOf(agent)[0], 4000, 'the first nudge');
      const [timer] = await desk.db.query(`SELECT * FROM sla_timers WHERE conversation_id = $1`, [id]);
      const [message] = await desk.db.query(`SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'inbound'`, [id]);
      expect(first.payload).toEqual({
        conversationId: id,
        storeId: s.store.id,
        messageId: message.id,
        waitingSeconds: 1,
        assigneeId: first.payload.assigneeId,
        timerId: timer.id,
        ruleSeconds: 3,
        startedAt: timer.started_at.toISOString(),
      });
      expect([s.agent.id, null]).toContain(first.payload.assigneeId);
      const second = await waitFor(() => nudgesOf(agent)[1], 4000, 'the second nudge');
      expect(second.payload.waitingSeconds).toBe(2);
      // At their instants: never before, and well within a second after (the bench measures the lateness itself).
      for (const n of [first, second]) {
        const late = n.at - (Date.parse(n.payload.startedAt) + n.payload.waitingSeconds * 1000);
        expect(late).toBeGreaterThanOrEqual(-25);
        expect(late).toBeLessThan(1000);
      }
      expect(await reply(s, id)).toMatchObject({ status: 201 });
      await sleep(2600); // past the third instant (4 s)
      await desk.worker!.get(SlaReconciler).runOnce();
      await drainQueues(desk.worker!);
      expect(nudgesOf(agent).map((e) => e.payload.waitingSeconds)).toEqual([1, 2]);
      expect(nudgesOf(sup).map((e) => e.payload.waitingSeconds)).toEqual([1, 2]);
      const [after] = await desk.db.query(`SELECT nudged, nudge_at FROM sla_timers WHERE conversation_id = $1`, [id]);
      expect(after).toEqual({ nudged: 2, nudge_at: null });
    } finally {
      agent.socket.close();
      sup.socket.close();
    }
  });

  it('counts a reply within the rule as met, a later one or none as not, and a wait outside the window not at all', async () => {
    const s = await storeWithAgent(desk.url, admin, 'Rate', quickRule([]));
    const ids: string[] = [];
    for (const buyer of ['fast', 'slow', 'never']) ids.push((await signedInbound(desk.url, s.channel, inboundBody('在吗', `buyer-${buyer}`))).body.conversationId);
    const [fast, slow] = ids;
    expect((await rate(s.store.id, 'store'))[0]).toMatchObject({ storeId: s.store.id, eligible: 0, met: 0, rate: null, pending: 3 });
    await sleep(2000);
    await reply(s, fast); // ~2 s: met
    await sleep(2000);
    await reply(s, slow); // ~4 s: not met
    const timers = await desk.db.query(`SELECT conversation_id, extract(epoch FROM responded_at - started_at) AS waited FROM sla_timers WHERE store_id = $1`, [s.store.id]);
    const waited = Object.fromEntries(timers.map((t: { conversation_id: string; waited: string | null }) => [t.conversation_id, t.waited === null ? null : Number(t.waited)]));
    expect(waited[fast]).toBeLessThan(3);
    expect(waited[slow]).toBeGreaterThan(3);

    // A wait that starts outside the rule's window (the next hour, local time) is not counted.
    const local = DateTime.now().setZone(ZONE);
    const hh = (d: DateTime) => d.toFormat('HH:00');
    await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { responseRule: { window: { start: hh(local.plus({ hours: 1 })), end: hh(local.plus({ hours: 2 })) } } } });
    const outside = (await signedInbound(desk.url, s.channel, inboundBody('在吗', 'buyer-night'))).body.conversationId;
    const [uncounted] = await desk.db.query(`SELECT rule_seconds, nudge_at FROM sla_timers WHERE conversation_id = $1`, [outside]);
    expect(uncounted).toEqual({ rule_seconds: null, nudge_at: null });

    // By hand: fast met; slow late; never unanswered past 3 s; outside not counted.
    expect(await rate(s.store.id, 'store')).toEqual([{ storeId: s.store.id, eligible: 3, met: 1, rate: 1 / 3, pending: 0, responseP50: expect.any(Number), responseP90: expect.any(Number) }]);
    const byAgent = await rate(s.store.id, 'agent');
    const answeredBy = byAgent.find((i: { agentId: string | null }) => i.agentId === s.agent.id);
    expect(answeredBy).toMatchObject({ met: 1 });
    expect(byAgent.reduce((n: number, i: { eligible: number }) => n + i.eligible, 0)).toBe(3);
    expect(await rate(s.store.id, 'day')).toEqual([expect.objectContaining({ day: local.toISODate(), eligible: 3, met: 1 })]);

    // The client report of this week carries the same count, day by day.
    const report = await http(desk.url, 'POST', `/api/reports/stores/${s.store.id}/generate?period=week&date=${local.toISODate()}`, { token: admin });
    expect(report.status).toBe(201);
    expect(report.body.content.sla.platformResponse).toEqual({
      ruleSeconds: 3,
      eligible: 3,
      met: 1,
      rate: 1 / 3,
      previousRate: null,
      byDay: [{ day: local.toISODate(), eligible: 3, met: 1, rate: 1 / 3 }],
    });

    // Spring Festival marked afterwards: today's waits drop out of the figures; unmarked, they are back.
    const today = local.toISODate()!;
    await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { responseExemptions: [{ start: today, end: today, reason: '春节' }] } });
    expect((await rate(s.store.id, 'store'))[0]).toMatchObject({ eligible: 0, met: 0, rate: null });
    await http(desk.url, 'PATCH', `/api/stores/${s.store.id}`, { token: admin, body: { responseExemptions: [] } });
    expect((await rate(s.store.id, 'store'))[0]).toMatchObject({ eligible: 3, met: 1 });
  });

  it("shows a store-limited supervisor their stores' rates only, and refuses a bad query naming the field", async () => {
    const mine = await storeWithAgent(desk.url, admin, 'Mine', quickRule([]));
    const other = await storeWithAgent(desk.url, admin, 'Other', quickRule([]));
    await signedInbound(desk.url, other.channel, inboundBody('在吗', 'buyer-other'));
    const email = `lead-${randomUUID().slice(0, 6)}@example.test`;
    await http(desk.url, 'POST', '/api/users', { token: admin, body: { email, name: 'Lead', password: 'lead-pass-1', role: 'supervisor', storeIds: [mine.store.id] } });
    const lead = await login(desk.url, email, 'lead-pass-1');
    const all = await http(desk.url, 'GET', '/api/sla/response-rate?groupBy=store', { token: lead });
    expect(all.body.items.map((i: { storeId: string }) => i.storeId)).toEqual([mine.store.id]);
    for (const groupBy of ['agent', 'day']) expect(await rate(other.store.id, groupBy, lead)).toEqual([]);
    expect(await rate(other.store.id, 'store', lead)).toEqual([]);
    for (const [query, field] of [
      ['groupBy=week', 'groupBy'],
      ['from=yesterday', 'from'],
      ['storeId=42', 'storeId'],
      [`from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z`, 'to'],
    ]) {
      const r = await http(desk.url, 'GET', `/api/sla/response-rate?${query}`, { token: lead });
      expect([r.status, Object.keys(r.body.fields ?? {})]).toEqual([400, [field]]);
    }
    expect((await http(desk.url, 'GET', '/api/sla/response-rate', { token: mine.agentToken })).status).toBe(403);
  });

  it('misses no nudge and repeats none across a worker restart with Redis flushed', async () => {
    await desk.worker!.close();
    desk.worker = null;
    const s = await storeWithAgent(desk.url, admin, 'Restart', quickRule([1, 2]));
    const sup = await deskSocket(desk.url, supervisor);
    const workers: ReturnType<typeof spawnWorker>[] = [];
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await signedInbound(desk.url, s.channel, inboundBody(`restart ${i}`, `buyer-restart-${i}`))).body.conversationId);
      await sleep(2500); // both instants pass with no worker
      await flushRunRedis(); // and their alarms are gone
      workers.push(spawnWorker({ SLA_RECONCILE_MS: '500' }), spawnWorker({ SLA_RECONCILE_MS: '500' }));
      const nudges = () => sup.events.filter((e) => e.name === 'sla.nudge' && e.payload.storeId === s.store.id);
      await waitFor(() => nudges().length >= 10 || undefined, 15000, '10 nudges');
      await waitForWorkers(desk.api, 2);
      await sleep(1200); // two more reconcile passes of each worker
      const seen = nudges().map((e) => `${e.payload.conversationId}:${e.payload.waitingSeconds}`);
      expect(seen.sort()).toEqual(ids.flatMap((id) => [`${id}:1`, `${id}:2`]).sort());
    } finally {
      sup.socket.close();
      for (const w of workers) w.kill('SIGTERM');
    }
  });
});
